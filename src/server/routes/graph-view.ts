/** Nodes and edges for the dependency map, from the index. */
import type { CatalogIndex } from '../../core/answers/catalog-index.js';
import type { EntityKind } from '../../core/schema/entity.schema.js';

export interface GraphView {
  nodes: { id: string; kind: EntityKind; name: string }[];
  edges: { source: string; target: string; type: string }[];
}

const MAP_RELATIONS = new Set(['runsOn', 'frontedBy', 'dependsOn']);
const MAP_KINDS = new Set<EntityKind>(['Service', 'Host', 'Provider']);

export function buildGraph(
  index: CatalogIndex,
  around: string | undefined,
  depth: number,
): GraphView {
  const included = new Set<string>();
  if (around === undefined) {
    for (const e of index.all()) if (MAP_KINDS.has(e.kind)) included.add(e.id);
  } else {
    let frontier = [around];
    included.add(around);
    for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const edge of [...index.outgoing(id), ...index.incoming(id)]) {
          if (!included.has(edge.other) && index.has(edge.other)) {
            included.add(edge.other);
            next.push(edge.other);
          }
        }
      }
      frontier = next;
    }
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
  return { nodes, edges };
}
