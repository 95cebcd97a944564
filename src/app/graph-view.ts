/**
 * Nodes and edges for the dependency map, from the index. One answer holds at most `limit` nodes
 * (the nearest first when it is a neighbourhood) and says when it was cut short and how many
 * nodes there were in all, so that its cost follows what it returns rather than the catalog.
 */
import type { CatalogIndex } from '../core/answers/catalog-index.js';
import { RELATION_TYPES, relationsOf, type RelationType } from '../core/relations.js';
import { KIND_ORDER, KINDS } from '../core/kinds/registry.js';
import type { EntityKind } from '../core/schema/entity.schema.js';
import { runToEnd, ticker, type Sliced } from '../core/sliced.js';
import type { GraphView } from './contract/graph.contract.js';

/** The bounds of one request (documented in docs/api.md and the OpenAPI description). */
export const GRAPH_DEFAULT_DEPTH = 2;
export const GRAPH_MAX_DEPTH = 6;
export const GRAPH_DEFAULT_LIMIT = 1000;
export const GRAPH_MAX_LIMIT = 5000;
/** A neighbourhood is counted up to this many nodes; past it `totalNodesExact` is false. */
export const GRAPH_COUNT_LIMIT = 10_000;

/** The answer's shape is the wire contract's (contract/graph.contract.ts). */
export type { GraphView };

const MAP_RELATIONS = new Set(['runsOn', 'frontedBy', 'dependsOn']);
/** What the whole-catalog map shows: every kind that is not a party, in graph-column order. */
const MAP_KINDS: readonly EntityKind[] = KIND_ORDER.filter((kind) => !KINDS[kind].party).sort(
  (a, b) => (KINDS[a].graph.column ?? Infinity) - (KINDS[b].graph.column ?? Infinity),
);
const RELATION_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

export function buildGraph(
  index: CatalogIndex,
  around: string | undefined,
  depth: number = GRAPH_DEFAULT_DEPTH,
  limit: number = GRAPH_DEFAULT_LIMIT,
): GraphView {
  return runToEnd(buildGraphSliced(index, around, depth, limit));
}

/** `buildGraph` in slices (core/sliced.ts): a deep neighbourhood walks thousands of entities. */
export function* buildGraphSliced(
  index: CatalogIndex,
  around: string | undefined,
  depth: number = GRAPH_DEFAULT_DEPTH,
  limit: number = GRAPH_DEFAULT_LIMIT,
): Sliced<GraphView> {
  const matched =
    around === undefined ? wholeMap(index, limit) : yield* neighbourhood(index, around, depth);
  const included = new Set(matched.ids.slice(0, limit));
  const nodes: GraphView['nodes'] = [];
  const edges: GraphView['edges'] = [];
  const tick = ticker(128);
  for (const id of included) {
    if (tick()) yield;
    const entity = index.get(id);
    if (!entity) continue;
    nodes.push({ id, kind: entity.kind, name: entity.name });
    for (const edge of index.outgoing(id)) {
      if (!included.has(edge.other)) continue;
      if (around === undefined && !MAP_RELATIONS.has(edge.relation)) continue;
      edges.push({ source: id, target: edge.other, type: edge.relation });
    }
  }
  return {
    nodes,
    edges,
    truncated: matched.total > nodes.length,
    totalNodes: matched.total,
    totalNodesExact: matched.exact,
    limit,
  };
}

interface Matched {
  /** The matching ids, in answer order (at least the first `limit` of them). */
  ids: string[];
  total: number;
  exact: boolean;
}

/** Every provider, host and service (MAP_KINDS, each by id): the first `limit` and the count. */
function wholeMap(index: CatalogIndex, limit: number): Matched {
  const ids: string[] = [];
  let total = 0;
  for (const kind of MAP_KINDS) {
    total += index.countOfKind(kind);
    if (ids.length < limit) ids.push(...index.idsOfKind(kind, limit - ids.length));
  }
  return { ids, total, exact: true };
}

/**
 * `around` and every entity within `depth` hops of it over any relation, nearest first, counted up
 * to GRAPH_COUNT_LIMIT (past it the walk stops, so that no request walks the whole catalog). Walks
 * ids only (references and referrers, neither copied nor sorted).
 */
function* neighbourhood(index: CatalogIndex, around: string, depth: number): Sliced<Matched> {
  const seen = new Set<string>([around]);
  let frontier = [around];
  const tick = ticker(64);
  const visit = (other: string, next: string[]) => {
    if (seen.has(other) || !index.has(other)) return;
    seen.add(other);
    next.push(other);
  };
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      if (tick()) yield;
      if (seen.size >= GRAPH_COUNT_LIMIT) {
        const ids = [...seen].slice(0, GRAPH_COUNT_LIMIT);
        return { ids, total: ids.length, exact: false };
      }
      const entity = index.get(id);
      if (entity) for (const r of relationsOf(entity)) visit(r.target, next);
      for (const type of RELATION_NAMES) {
        for (const source of index.referrers(id, type)) visit(source, next);
      }
    }
    frontier = next;
  }
  return { ids: [...seen], total: seen.size, exact: true };
}
