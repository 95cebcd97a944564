/**
 * Nodes and edges for the dependency map, from the index. One answer holds at most `limit` nodes
 * (the nearest first when it is a neighbourhood) and says when it was cut short and how many
 * nodes there were in all, so that its cost follows what it returns rather than the catalog.
 */
import type { CatalogIndex } from '../../core/answers/catalog-index.js';
import type { EntityKind } from '../../core/schema/entity.schema.js';

/** The bounds of one request (documented in docs/api.md and the OpenAPI description). */
export const GRAPH_DEFAULT_DEPTH = 2;
export const GRAPH_MAX_DEPTH = 6;
export const GRAPH_DEFAULT_LIMIT = 1000;
export const GRAPH_MAX_LIMIT = 5000;

export interface GraphView {
  nodes: { id: string; kind: EntityKind; name: string }[];
  /** The edges between the nodes of this answer. */
  edges: { source: string; target: string; type: string }[];
  /** True when more nodes matched than `limit`: `nodes` then holds the first `limit` of them. */
  truncated: boolean;
  /** How many nodes matched in all (the whole map, or the neighbourhood within `depth`). */
  totalNodes: number;
  /** The node cap this answer was built with. */
  limit: number;
}

const MAP_RELATIONS = new Set(['runsOn', 'frontedBy', 'dependsOn']);
const MAP_KINDS = new Set<EntityKind>(['Service', 'Host', 'Provider']);

export function buildGraph(
  index: CatalogIndex,
  around: string | undefined,
  depth: number = GRAPH_DEFAULT_DEPTH,
  limit: number = GRAPH_DEFAULT_LIMIT,
): GraphView {
  const matched = around === undefined ? wholeMap(index) : neighbourhood(index, around, depth);
  const included = new Set<string>();
  for (const id of matched) {
    if (included.size === limit) break;
    included.add(id);
  }
  const nodes: GraphView['nodes'] = [];
  const edges: GraphView['edges'] = [];
  for (const id of included) {
    const entity = index.get(id);
    if (!entity) continue;
    nodes.push({ id, kind: entity.kind, name: entity.name });
    for (const edge of index.outgoing(id)) {
      if (!included.has(edge.other)) continue;
      if (around === undefined && !MAP_RELATIONS.has(edge.relation)) continue;
      edges.push({ source: id, target: edge.other, type: edge.relation });
    }
  }
  return { nodes, edges, truncated: matched.length > limit, totalNodes: matched.length, limit };
}

/** Every service, host and provider, in index order. */
function wholeMap(index: CatalogIndex): string[] {
  const ids: string[] = [];
  for (const e of index.all()) if (MAP_KINDS.has(e.kind)) ids.push(e.id);
  return ids;
}

/** `around` and every entity within `depth` hops of it over any relation, nearest first. */
function neighbourhood(index: CatalogIndex, around: string, depth: number): string[] {
  const seen = new Set<string>([around]);
  const order = [around];
  let frontier = [around];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const edges of [index.outgoing(id), index.incoming(id)]) {
        for (const edge of edges) {
          if (!seen.has(edge.other) && index.has(edge.other)) {
            seen.add(edge.other);
            order.push(edge.other);
            next.push(edge.other);
          }
        }
      }
    }
    frontier = next;
  }
  return order;
}
