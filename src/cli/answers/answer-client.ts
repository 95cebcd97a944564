/**
 * Where the CLI's answers come from: the local database (default), a catalog directory
 * (--catalog, no database), or a running server (--server). All three return the API's views.
 */
import { DEFAULT_REVIEW_MAX_AGE_DAYS } from '../../core/review-rule.js';
import path from 'node:path';
import {
  entityDetailView,
  impactView,
  listView,
  reportView,
  resolveView,
  summaryView,
  whoView,
  type CatalogView,
  type EntityDetailView,
  type EntityMeta,
  type ImpactView,
  type ReportView,
  type SummaryView,
  type WhoView,
  type MatchView,
} from '../../app/answer-views.js';
import { loadVersion } from '../../app/catch-up.js';
import { defaultSourceFor } from '../../app/catalog-source.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import {
  CatalogIndex,
  type ListFilter,
  type ListPage,
  type ListResult,
} from '../../core/answers/catalog-index.js';
import {
  renderOverview,
  type OverviewFormat,
} from '../../core/answers/overview/render-overview.js';
import { inputError, notFoundError } from '../../core/errors.js';
import { formatFinding, type Finding } from '../../core/finding.js';
import { describeDatabaseUrl, openStore } from '../../storage/open-store.js';
import type { CliIo } from '../cli-io.js';
import { RemoteAnswerClient } from './remote-answer-client.js';

export interface AnswerClient {
  list(filter: ListFilter, page: ListPage): Promise<ListResult>;
  show(id: string): Promise<EntityDetailView>;
  resolve(q: string, limit?: number): Promise<{ query: string; matches: MatchView[] }>;
  who(q: string): Promise<WhoView>;
  impact(id: string, limit?: number): Promise<ImpactView>;
  report(name: string, maxAgeDays?: number): Promise<ReportView>;
  summary(): Promise<SummaryView>;
  overview(format: OverviewFormat): Promise<string>;
}

export interface AnswerSourceOptions {
  catalog?: string;
  server?: string;
  database?: string;
  reviewMaxAge?: number;
}

class LocalAnswerClient implements AnswerClient {
  constructor(
    private readonly view: CatalogView,
    private readonly version: number,
    private readonly reviewMaxAgeDays: number,
  ) {}
  private get options() {
    return { reviewMaxAgeDays: this.reviewMaxAgeDays, now: new Date() };
  }
  list(filter: ListFilter, page: ListPage) {
    return Promise.resolve(listView(this.view, filter, page));
  }
  show(id: string) {
    return Promise.resolve(entityDetailView(this.view, id, this.options));
  }
  resolve(q: string, limit?: number) {
    return Promise.resolve(resolveView(this.view, q, limit));
  }
  who(q: string) {
    return Promise.resolve(whoView(this.view, q));
  }
  impact(id: string, limit?: number) {
    return Promise.resolve(impactView(this.view, id, limit));
  }
  report(name: string, maxAgeDays?: number) {
    return Promise.resolve(reportView(this.view, name, this.options, maxAgeDays));
  }
  summary() {
    return Promise.resolve(summaryView(this.view, this.version, this.options));
  }
  overview(format: OverviewFormat) {
    return Promise.resolve(renderOverview(this.view.index, format));
  }
}

function viewOf(index: CatalogIndex, meta: Map<string, EntityMeta>): CatalogView {
  return { index, metaOf: (id) => meta.get(id) };
}

/**
 * An answer from a catalog with errors would silently leave out what they concern (an entity, a
 * reference): like `apply`, print the errors (as `validate` does, on stderr) and give no answer.
 * Warnings do not stop an answer and are not printed (`validate` lists them).
 */
function refuseInvalidCatalog(dir: string, findings: readonly Finding[], io: CliIo): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  io.err(errors.map(formatFinding).join('\n'));
  throw inputError(
    'catalog.invalid',
    `${dir} has ${errors.length} error(s); nothing is answered from an invalid catalog (fix them; "switchboard validate ${dir}" lists every finding)`,
    errors,
  );
}

/** Open the answer source the options name; the caller needs nothing closed afterwards. */
export async function openAnswerClient(
  options: AnswerSourceOptions,
  io: CliIo,
): Promise<AnswerClient> {
  const reviewMaxAgeDays = options.reviewMaxAge ?? DEFAULT_REVIEW_MAX_AGE_DAYS;
  if (options.server !== undefined) return new RemoteAnswerClient(options.server);
  if (options.catalog !== undefined) {
    const catalog = await loadCatalog(options.catalog);
    refuseInvalidCatalog(options.catalog, catalog.findings, io);
    const source = defaultSourceFor(options.catalog);
    const meta = new Map<string, EntityMeta>();
    for (const d of catalog.entities) {
      meta.set(d.entity.id, {
        source,
        ...(d.origin
          ? { origin: { ...d.origin, file: path.join(options.catalog, d.origin.file) } }
          : {}),
        updatedAt: '',
      });
    }
    const index = CatalogIndex.build(catalog.entities.map((d) => d.entity));
    return new LocalAnswerClient(viewOf(index, meta), 0, reviewMaxAgeDays);
  }
  const store = await openStore(options.database);
  try {
    // The same catalog version the server builds at start-up.
    const version = await loadVersion(store);
    if (version.index.size === 0) {
      // "Nothing matches" from an empty database would send the user looking for a typo.
      throw notFoundError(
        'catalog.empty',
        `the database ${describeDatabaseUrl(options.database)} holds no catalog yet: apply one ("switchboard apply DIR"), or answer from files (--catalog DIR) or a server (--server URL); without --database or DATABASE_URL the database is ./data/switchboard.db in the current directory`,
      );
    }
    return new LocalAnswerClient(version, version.version, reviewMaxAgeDays);
  } finally {
    await store.close();
  }
}
