/**
 * The answers as the API presents them. The HTTP routes return these views as JSON, and the CLI
 * prints them (computed locally, or fetched from a server with --server): one shape, one code path.
 * Their types are inferred from the wire contract's schemas (./contract), never written here.
 */
import { analyzeImpactSliced } from '../core/answers/impact.js';
import { runToEnd, ticker, type Sliced } from '../core/sliced.js';
import { publicSourceName } from './catalog-source.js';
import type { CatalogIndex, ListFilter, ListPage } from '../core/answers/catalog-index.js';
import { findReport, REPORTS } from '../core/answers/reports/report-registry.js';
import { resolve, type ResolveMatch } from '../core/answers/resolve.js';
import { who } from '../core/answers/who.js';
import { notFoundError } from '../core/errors.js';
import type { Origin } from '../core/plan.js';
import { RELATION_TYPES } from '../core/relations.js';
import { needsReview, ReviewClock, reviewState } from '../core/review-rule.js';
import { ENTITY_KINDS, type Entity } from '../core/schema/entity.schema.js';
import type {
  EdgeView,
  EntityDetailView,
  EntityPage,
  ImpactView,
  MatchView,
  ReportView,
  ResolveView,
  SummaryView,
  WhoView,
} from './contract/index.js';

export type {
  EdgeView,
  EntityDetailView,
  ImpactView,
  MatchView,
  ReportView,
  ResolveView,
  SummaryView,
  WhoView,
} from './contract/index.js';

export interface EntityMeta {
  source: string;
  origin?: Origin;
  updatedAt: string;
}

/** What the views read: the index and where each entity comes from. */
export interface CatalogView {
  readonly index: CatalogIndex;
  metaOf(id: string): EntityMeta | undefined;
}

export interface ViewOptions {
  reviewMaxAgeDays: number;
  now: Date;
}

export function toMatchView(match: ResolveMatch): MatchView {
  const { entity, matchedBy, detail, score } = match;
  return { id: entity.id, kind: entity.kind, name: entity.name, matchedBy, detail, score };
}

function requireEntity(view: CatalogView, id: string): Entity {
  const entity = view.index.getPublic(id);
  if (!entity) throw notFoundError('entity.not_found', `No entity has the id "${id}".`);
  return entity;
}

export function listView(view: CatalogView, filter: ListFilter, page: ListPage): EntityPage {
  return view.index.list(filter, page);
}

export const DEFAULT_RELATIONS_LIMIT = 200;

export function entityDetailView(
  view: CatalogView,
  id: string,
  options: ViewOptions,
  relationsLimit = DEFAULT_RELATIONS_LIMIT,
): EntityDetailView {
  const index = view.index;
  const entity = requireEntity(view, id);
  const edge = (other: string, type: string, label: string): EdgeView => {
    const target = index.get(other);
    return { type, label, id: other, ...(target ? { kind: target.kind, name: target.name } : {}) };
  };
  const outgoing = index
    .outgoing(id)
    .map((e) => edge(e.other, e.type, RELATION_TYPES[e.relation].label));
  // A CDN fronting thousands of services: count every incoming relation, list the first few.
  const incomingCounts: Record<string, number> = {};
  const incoming: EdgeView[] = [];
  for (const e of index.incoming(id)) {
    const seen = (incomingCounts[e.type] ?? 0) + 1;
    incomingCounts[e.type] = seen;
    if (seen <= relationsLimit)
      incoming.push(edge(e.other, e.type, RELATION_TYPES[e.relation].inverseLabel));
  }
  const meta = view.metaOf(id);
  const reviewed = entity.reviewed;
  const review = reviewState(entity, new ReviewClock(options.now), options.reviewMaxAgeDays);
  return {
    entity,
    source: {
      name: meta ? publicSourceName(meta.source) : 'unknown',
      ...(meta?.origin ? { file: meta.origin.file, line: meta.origin.line } : {}),
      updatedAt: meta?.updatedAt ?? '',
    },
    relations: { outgoing, incoming },
    incomingCounts,
    review: {
      ...(reviewed ? { date: reviewed.date, by: reviewed.by, ageDays: review.ageDays } : {}),
      // The stale report's rule: people and teams need no review, retired services none at all.
      stale: needsReview(review),
    },
  };
}

export function resolveView(view: CatalogView, q: string, limit?: number): ResolveView {
  return { query: q, matches: resolve(view.index, q, { limit }).map(toMatchView) };
}

export function whoView(view: CatalogView, q: string): WhoView {
  const [best] = resolve(view.index, q, { limit: 1 });
  if (!best) {
    throw notFoundError(
      'resolve.no_match',
      `Nothing in the catalog matches "${q}". Try a host name, a service name or an id.`,
    );
  }
  const steps = who(view.index, best.entity.id).map((s) => ({
    id: s.entity.id,
    kind: s.entity.kind,
    name: s.entity.name,
    role: s.role,
    reason: s.reason,
    contacts: s.contacts,
  }));
  return { query: q, match: toMatchView(best), steps };
}

export const DEFAULT_IMPACT_LIMIT = 1000;

export function impactView(
  view: CatalogView,
  id: string,
  limit = DEFAULT_IMPACT_LIMIT,
): ImpactView {
  return runToEnd(impactViewSliced(view, id, limit));
}

/** `impactView` in slices (core/sliced.ts); reads `view.index` once, before its first pause. */
export function* impactViewSliced(
  view: CatalogView,
  id: string,
  limit = DEFAULT_IMPACT_LIMIT,
): Sliced<ImpactView> {
  const index = view.index;
  if (!index.has(id)) throw notFoundError('entity.not_found', `No entity has the id "${id}".`);
  const analysis = yield* analyzeImpactSliced(index, id, { limit });
  const items = analysis.items.map((item) => ({
    ...item.entity,
    depth: item.depth,
    effect: item.effect,
    path: item.path,
    explanation: item.explanation,
  }));
  return { id, total: analysis.total, byKind: analysis.byKind, items };
}

function reportOptions(options: ViewOptions, maxAgeDays?: number) {
  return {
    today: options.now.toISOString().slice(0, 10),
    maxAgeDays: maxAgeDays ?? options.reviewMaxAgeDays,
  };
}

export function reportView(
  view: CatalogView,
  name: string,
  options: ViewOptions,
  maxAgeDays?: number,
): ReportView {
  return runToEnd(reportViewSliced(view, name, options, maxAgeDays));
}

/** `reportView` in slices (core/sliced.ts); reads `view.index` once, before its first pause. */
export function* reportViewSliced(
  view: CatalogView,
  name: string,
  options: ViewOptions,
  maxAgeDays?: number,
): Sliced<ReportView> {
  const index = view.index;
  const report = findReport(name);
  if (!report) {
    throw notFoundError(
      'report.not_found',
      `There is no report "${name}". Reports: ${REPORTS.map((r) => r.name).join(', ')}.`,
    );
  }
  const found = yield* report.rows(index, reportOptions(options, maxAgeDays));
  const rows: ReportView['rows'] = [];
  const tick = ticker(1024);
  for (const row of found) {
    const origin = view.metaOf(row.id)?.origin;
    rows.push(origin ? { ...row, source: { file: origin.file, line: origin.line } } : row);
    if (tick()) yield;
  }
  return { name: report.name, title: report.title, description: report.description, rows };
}

export function summaryView(view: CatalogView, version: number, options: ViewOptions): SummaryView {
  return runToEnd(summaryViewSliced(view, version, options));
}

/** `summaryView` in slices (core/sliced.ts); reads `view.index` once, before its first pause. */
export function* summaryViewSliced(
  view: CatalogView,
  version: number,
  options: ViewOptions,
): Sliced<SummaryView> {
  const index = view.index;
  const counts: Record<string, number> = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0]));
  const tick = ticker(1024);
  for (const entity of index.each()) {
    counts[entity.kind] = (counts[entity.kind] ?? 0) + 1;
    if (tick()) yield;
  }
  const reports = [];
  for (const r of REPORTS) {
    const rows = yield* r.rows(index, reportOptions(options));
    reports.push({ name: r.name, title: r.title, description: r.description, count: rows.length });
  }
  return { version, counts, reports };
}
