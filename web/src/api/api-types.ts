/**
 * The shapes of the public HTTP API (docs/api.md) as the UI reads them. They are the server's own
 * view types (src/app/answer-views.ts, the same code path the CLI prints) and the catalog's one
 * schema (src/core/schema), imported as types only: when an answer changes shape, `npm run check`
 * fails here instead of the UI breaking quietly.
 */
import type {
  EdgeView,
  EntityDetailView,
  ImpactView,
  MatchView,
  ReportView,
  SummaryView,
  WhoView,
} from '../../../src/app/answer-views.js';
import type { ListFilter, ListPage, ListResult } from '../../../src/core/answers/catalog-index.js';
import type { GraphView } from '../../../src/app/graph-view.js';

export type {
  Contact,
  Entity,
  EntityKind,
  Host,
  Person,
  Placement,
  Provider,
  Service,
  Team,
} from '../../../src/core/schema/entity.schema.js';

/** One relation seen from one entity; `kind` is absent when the other end is not in the catalog. */
export type Edge = EdgeView;
export type EntitySource = EntityDetailView['source'];
export type ReviewState = EntityDetailView['review'];
export type EntityDetail = EntityDetailView;
export type EntityPage = ListResult;
/** The list route's query parameters: the core's filter and page, one definition. */
export type ListParams = ListFilter & ListPage;
export type ResolveMatch = MatchView;
export type MatchedBy = MatchView['matchedBy'];
export interface ResolveAnswer {
  query: string;
  matches: ResolveMatch[];
}
export type WhoAnswer = WhoView;
export type WhoStep = WhoView['steps'][number];
export type ImpactAnswer = ImpactView;
export type ImpactItem = ImpactView['items'][number];
export type Summary = SummaryView;
export type ReportInfo = SummaryView['reports'][number];
export type Report = ReportView;
export type ReportRow = ReportView['rows'][number];
export type GraphAnswer = GraphView;
export type GraphNode = GraphView['nodes'][number];
export type GraphEdge = GraphView['edges'][number];

/** An RFC 9457 problem as the API sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
}
