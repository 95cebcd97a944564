import { KIND_ORDER, KINDS } from '../../core/kinds/registry.js';
import { z } from 'zod';
import {
  DEFAULT_RELATIONS_LIMIT,
  entityDetailView,
  listView,
  type CatalogView,
  type ViewOptions,
} from '../../app/answer-views.js';
import { inputError, notFoundError } from '../../core/errors.js';
import { defineRoute, type ApiRoute } from '../api-route.js';
import {
  entityDetailResponse,
  entityListResponse,
  graphResponse,
} from '../../app/contract/index.js';
import { entityIdParams, graphQuery, listQuery } from '../api-schemas.js';
import { jsonBody, sendChunked } from '../chunked-body.js';
import type { SlicedAnswers } from '../sliced-answers.js';
import {
  buildGraphSliced,
  GRAPH_DEFAULT_LIMIT,
  GRAPH_MAX_DEPTH,
  GRAPH_MAX_LIMIT,
} from '../../app/graph-view.js';

export function entityRoutes(
  view: CatalogView,
  version: () => number,
  options: () => ViewOptions,
  answers: SlicedAnswers,
): ApiRoute[] {
  const list = defineRoute({
    method: 'get',
    path: '/api/v1/entities',
    operationId: 'listEntities',
    summary: 'List entities, filtered and paged',
    description:
      `Stable order (${KIND_ORDER.map((kind) => KINDS[kind].plural).join(', ')}; then id). ` +
      'Filters combine with AND.',
    tag: 'entities',
    query: listQuery,
    responses: { 200: { description: 'A page of entities.', schema: entityListResponse } },
    handler: (c, { query }) => {
      const { limit, cursor, ...filter } = query;
      return c.json(listView(view, filter, { limit, cursor }));
    },
  });

  const get = defineRoute({
    method: 'get',
    path: '/api/v1/entities/:id',
    operationId: 'getEntity',
    summary: 'One entity with its relations in both directions',
    tag: 'entities',
    params: entityIdParams,
    query: z.strictObject({
      relationsLimit: z.coerce
        .number()
        .int()
        .min(0)
        .max(100_000)
        .optional()
        .meta({
          description: `List at most this many incoming relations of each type (default ${DEFAULT_RELATIONS_LIMIT}); \`incomingCounts\` counts them all.`,
        }),
    }),
    responses: {
      200: { description: 'The entity.', schema: entityDetailResponse },
      404: { description: 'No entity has this id.' },
    },
    handler: (c, { params, query }) =>
      c.json(entityDetailView(view, params.id, options(), query.relationsLimit)),
  });

  const graph = defineRoute({
    method: 'get',
    path: '/api/v1/graph',
    operationId: 'getGraph',
    summary: 'The dependency map: providers, hosts, services and how they connect',
    description:
      'Without `around`: every service, host and provider with runsOn, frontedBy and dependsOn edges. With `around`: the neighbourhood of one entity over every relation, `depth` hops deep (at most ' +
      `${GRAPH_MAX_DEPTH}). One answer holds at most \`limit\` nodes (default ${GRAPH_DEFAULT_LIMIT}, at most ${GRAPH_MAX_LIMIT}), the nearest to \`around\` first, and the edges between them; ` +
      '`truncated` is true when more matched, and `totalNodes` says how many. A depth or limit out of range is a 400.',
    tag: 'entities',
    query: graphQuery,
    responses: {
      200: { description: 'Nodes and edges.', schema: graphResponse },
      400: {
        description:
          'A `depth` or `limit` out of range, a `depth` without `around`, an empty `around`, or an unknown parameter.',
      },
      404: { description: 'Unknown `around` id.' },
    },
    // A deep neighbourhood walks thousands of entities: walked and written in slices, and kept
    // for the catalog version.
    handler: async (c, { query }) => {
      const index = view.index;
      if (query.depth !== undefined && query.around === undefined) {
        // The whole map has no depth: refused like an out-of-range depth rather than ignored.
        throw inputError(
          'request.invalid',
          'query parameter "depth" counts hops from "around": give "around" too, or leave "depth" out for the whole map',
          [
            {
              severity: 'error',
              code: 'param.invalid',
              message: 'query parameter "depth": needs "around"',
              path: ['depth'],
            },
          ],
        );
      }
      if (query.around !== undefined && !index.has(query.around)) {
        throw notFoundError('entity.not_found', `No entity has the id "${query.around}".`);
      }
      const { around, depth, limit } = query;
      const key = `graph ${around ?? ''} ${depth ?? ''} ${limit ?? ''}`;
      const body = await answers.walks.get(version(), key, () =>
        answers.slices.run(
          (function* () {
            return yield* jsonBody(yield* buildGraphSliced(index, around, depth, limit));
          })(),
        ),
      );
      return sendChunked(c, body, 'application/json');
    },
  });

  return [list, get, graph];
}
