/**
 * The shapes of the public HTTP API (docs/api.md) as the UI reads them: the wire contract's types
 * (src/app/contract, inferred from the schemas the OpenAPI document is generated from) and the
 * catalog's one schema (src/core/schema), imported as types only. When an answer changes shape,
 * `npm run check` fails here instead of the UI breaking quietly.
 */
import type {
  EdgeView,
  EntityDetailView,
  EntityPage as EntityPageView,
  GraphView,
  ImpactView,
  MatchView,
  Problem as ProblemView,
  ReportView,
  ResolveView,
  SummaryView,
  WhoView,
} from '../../../src/app/contract/index.js';
import type { ListFilter, ListPage } from '../../../src/core/answers/catalog-index.js';

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
export type EntityPage = EntityPageView;
/** The list route's query parameters: the core's filter and page, one definition. */
export type ListParams = ListFilter & ListPage;
export type ResolveMatch = MatchView;
export type MatchedBy = MatchView['matchedBy'];
export type ResolveAnswer = ResolveView;
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

/** An RFC 9457 problem as the API sends it; read from any error body, so every field may be absent. */
export type Problem = Partial<ProblemView>;
