/**
 * Where the CLI's answers come from: the local database (default), a catalog directory
 * (--catalog, no database), or a running server (--server). All three return the API's views.
 */
import { DEFAULT_REVIEW_MAX_AGE_DAYS } from '../../core/review-rule.js';
import {
  entityDetailView,
  impactView,
  listView,
  reportView,
  resolveView,
  summaryView,
  whoView,
  type EntityDetailView,
  type ImpactView,
  type ReportView,
  type SummaryView,
  type WhoView,
  type MatchView,
} from '../../app/answer-views.js';
import type { CatalogVersion } from '../../app/catalog-version.js';
import { loadCatalogVersion } from '../../app/load-catalog-version.js';
import type { ListFilter, ListPage, ListResult } from '../../core/answers/catalog-index.js';
import {
  renderOverview,
  type OverviewFormat,
} from '../../core/answers/overview/render-overview.js';
import { notFoundError, SwitchboardError } from '../../core/errors.js';
import { formatFinding } from '../../core/finding.js';
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

/** Answers computed in this process from one catalog version, as the server computes them. */
class LocalAnswerClient implements AnswerClient {
  constructor(
    private readonly view: CatalogVersion,
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
    return Promise.resolve(summaryView(this.view, this.view.version, this.options));
  }
  overview(format: OverviewFormat) {
    return Promise.resolve(renderOverview(this.view.index, format));
  }
}

/**
 * The catalog directory's version; when it has errors (refused: nothing is answered from an
 * invalid catalog), print them first as `validate` does, on stderr. Warnings are not printed
 * (`validate` lists them).
 */
async function loadDirectoryVersion(dir: string, io: CliIo): Promise<CatalogVersion> {
  try {
    return await loadCatalogVersion({ catalogDir: dir });
  } catch (error) {
    if (error instanceof SwitchboardError && error.code === 'catalog.invalid') {
      io.err(error.findings.map(formatFinding).join('\n'));
    }
    throw error;
  }
}

/** Open the answer source the options name; the caller needs nothing closed afterwards. */
export async function openAnswerClient(
  options: AnswerSourceOptions,
  io: CliIo,
): Promise<AnswerClient> {
  const reviewMaxAgeDays = options.reviewMaxAge ?? DEFAULT_REVIEW_MAX_AGE_DAYS;
  if (options.server !== undefined) return new RemoteAnswerClient(options.server);
  if (options.catalog !== undefined) {
    return new LocalAnswerClient(await loadDirectoryVersion(options.catalog, io), reviewMaxAgeDays);
  }
  const store = await openStore(options.database);
  try {
    // The same catalog version the server builds at start-up.
    const version = await loadCatalogVersion({ store });
    if (version.index.size === 0) {
      // "Nothing matches" from an empty database would send the user looking for a typo.
      throw notFoundError(
        'catalog.empty',
        `the database ${describeDatabaseUrl(options.database)} holds no catalog yet: apply one ("switchboard apply DIR"), or answer from files (--catalog DIR) or a server (--server URL); without --database or DATABASE_URL the database is ./data/switchboard.db in the current directory`,
      );
    }
    return new LocalAnswerClient(version, reviewMaxAgeDays);
  } finally {
    await store.close();
  }
}
