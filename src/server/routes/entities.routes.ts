import type { CatalogRuntime } from '../../app/catalog-runtime.js';
import { notFoundError } from '../../core/errors.js';
import { RELATION_TYPES } from '../../core/relations.js';
import { defineRoute, type ApiRoute } from '../api-route.js';
import {
  entityDetailResponse,
  entityIdParams,
  entityListResponse,
  graphQuery,
  graphResponse,
  listQuery,
} from '../api-schemas.js';
import { buildGraph } from './graph-view.js';

const DAY_MS = 86_400_000;

export interface EntityRoutesOptions {
  reviewMaxAgeDays: number;
  now?: () => Date;
}

export function entityRoutes(runtime: CatalogRuntime, options: EntityRoutesOptions): ApiRoute[] {
  const now = options.now ?? (() => new Date());
  const list = defineRoute({
    method: 'get',
    path: '/api/v1/entities',
    operationId: 'listEntities',
    summary: 'List entities, filtered and paged',
    description:
      'Stable order (services, hosts, providers, people, teams; then id). Filters combine with AND.',
    tag: 'entities',
    query: listQuery,
    responses: { 200: { description: 'A page of entities.', schema: entityListResponse } },
    handler: (c, { query }) => {
      const { limit, cursor, ...filter } = query;
      return c.json(runtime.index.list(filter, { limit, cursor }));
    },
  });

  const get = defineRoute({
    method: 'get',
    path: '/api/v1/entities/:id',
    operationId: 'getEntity',
    summary: 'One entity with its relations in both directions',
    tag: 'entities',
    params: entityIdParams,
    responses: {
      200: { description: 'The entity.', schema: entityDetailResponse },
      404: { description: 'No entity has this id.' },
    },
    handler: (c, { params }) => {
      const index = runtime.index;
      const entity = index.getPublic(params.id);
      if (!entity) throw notFoundError('entity.not_found', `No entity has the id "${params.id}".`);
      const edge = (other: string, type: string, label: string) => {
        const target = index.get(other);
        return {
          type,
          label,
          id: other,
          kind: target?.kind,
          name: target?.name,
        };
      };
      const outgoing = index
        .outgoing(entity.id)
        .map((e) => edge(e.other, e.type, RELATION_TYPES[e.relation].label));
      const incoming = index
        .incoming(entity.id)
        .map((e) => edge(e.other, e.type, RELATION_TYPES[e.relation].inverseLabel));
      const meta = runtime.metaOf(entity.id);
      const reviewed = entity.reviewed;
      const ageDays = reviewed
        ? Math.floor((now().getTime() - Date.parse(`${reviewed.date}T00:00:00Z`)) / DAY_MS)
        : undefined;
      return c.json({
        entity,
        source: {
          name: meta?.source ?? 'unknown',
          ...(meta?.origin ? { file: meta.origin.file, line: meta.origin.line } : {}),
          updatedAt: meta?.updatedAt ?? '',
        },
        relations: { outgoing, incoming },
        review: {
          ...(reviewed ? { date: reviewed.date, by: reviewed.by, ageDays } : {}),
          stale: ageDays === undefined || ageDays > options.reviewMaxAgeDays,
        },
      });
    },
  });

  const graph = defineRoute({
    method: 'get',
    path: '/api/v1/graph',
    operationId: 'getGraph',
    summary: 'The dependency map: providers, hosts, services and how they connect',
    description:
      'Without `around`: every service, host and provider with runsOn, frontedBy and dependsOn edges. With `around`: the neighbourhood of one entity over every relation, `depth` hops deep.',
    tag: 'entities',
    query: graphQuery,
    responses: {
      200: { description: 'Nodes and edges.', schema: graphResponse },
      404: { description: 'Unknown `around` id.' },
    },
    handler: (c, { query }) => {
      if (query.around !== undefined && !runtime.index.has(query.around)) {
        throw notFoundError('entity.not_found', `No entity has the id "${query.around}".`);
      }
      return c.json(buildGraph(runtime.index, query.around, query.depth ?? 2));
    },
  });

  return [list, get, graph];
}
