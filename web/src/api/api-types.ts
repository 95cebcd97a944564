/**
 * The shapes of the public HTTP API (docs/api.md) as the UI reads them. Entities come from the
 * catalog's one schema (src/core/schema); these are the answers wrapped around them.
 */
import type { Contact, Entity, EntityKind } from '../../../src/core/schema/entity.schema.js';

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

/** One relation seen from one entity: the other end, and the relation's label from this side. */
export interface Edge {
  type: string;
  label: string;
  id: string;
  kind: EntityKind;
  name: string;
}

export interface EntitySource {
  name: string;
  file?: string;
  line?: number;
  updatedAt: string;
}

export interface ReviewState {
  date?: string;
  by?: string;
  ageDays?: number;
  stale: boolean;
}

export interface EntityDetail {
  entity: Entity;
  source: EntitySource;
  relations: { outgoing: Edge[]; incoming: Edge[] };
  review: ReviewState;
}

export interface EntityPage {
  items: Entity[];
  nextCursor?: string;
}

export type MatchedBy = 'hostname' | 'wildcard' | 'url-prefix' | 'id' | 'name' | 'fuzzy';

export interface ResolveMatch {
  id: string;
  kind: EntityKind;
  name: string;
  matchedBy: MatchedBy;
  detail: string;
  score: number;
}

export interface ResolveAnswer {
  query: string;
  matches: ResolveMatch[];
}

export interface WhoStep {
  id: string;
  kind: EntityKind;
  name: string;
  reason: string;
  contacts: Contact[];
}

export interface WhoAnswer {
  query: string;
  match: ResolveMatch | null;
  steps: WhoStep[];
}

export interface ImpactItem {
  id: string;
  kind: EntityKind;
  name: string;
  depth: number;
  path: string[];
  reason: string;
}

export interface ImpactAnswer {
  id: string;
  total: number;
  items: ImpactItem[];
}

export interface ReportInfo {
  name: string;
  title: string;
  description: string;
  count: number;
}

/** Where a report row's entity is declared; older servers may send a plain "file:line" string. */
export type RowSource = string | { file?: string; line?: number; name?: string };

export interface ReportRow {
  id: string;
  kind: EntityKind;
  name: string;
  reason: string;
  source?: RowSource;
}

export interface Report {
  name: string;
  title: string;
  description: string;
  rows: ReportRow[];
}

export interface GraphNode {
  id: string;
  kind: EntityKind;
  name: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: string;
}

export interface GraphAnswer {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface Summary {
  counts: Partial<Record<EntityKind, number>>;
  reports: ReportInfo[];
  version?: number | string;
}

/** An RFC 9457 problem as the API sends it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
}
