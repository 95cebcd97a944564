/**
 * Request parameter schemas of the HTTP API shared by several routes. Response shapes are the
 * wire contract's (app/contract); the OpenAPI document is generated from both and the route table.
 */
import { z } from 'zod';
import { listFilterParams } from '../core/schema/list-filter.schema.js';
import { MAX_LIST_LIMIT } from '../core/answers/catalog-index.js';
import {
  GRAPH_DEFAULT_DEPTH,
  GRAPH_DEFAULT_LIMIT,
  GRAPH_MAX_DEPTH,
  GRAPH_MAX_LIMIT,
} from '../app/graph-view.js';

const idParam = z.string().min(1).max(200).meta({ description: 'Entity id.' });

export const entityIdParams = z.strictObject({ id: idParam });

/** The list filters (core/kinds/list-filters.ts), then the page. */
export const listQuery = z.strictObject({
  ...listFilterParams(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIST_LIMIT)
    .optional()
    .meta({ description: `Page size, 1-${MAX_LIST_LIMIT} (default 50).` }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'The nextCursor of the previous page.' }),
});

export const graphQuery = z.strictObject({
  around: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Only the neighbourhood of this entity (an id).' }),
  depth: z.coerce
    .number()
    .int()
    .min(1)
    .max(GRAPH_MAX_DEPTH)
    .optional()
    .meta({
      description: `Hops from \`around\` (default ${GRAPH_DEFAULT_DEPTH}, at most ${GRAPH_MAX_DEPTH}); only with \`around\`.`,
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(GRAPH_MAX_LIMIT)
    .optional()
    .meta({
      description: `At most this many nodes (default ${GRAPH_DEFAULT_LIMIT}, at most ${GRAPH_MAX_LIMIT}); nearest to \`around\` first. \`truncated\` says when more matched.`,
    }),
});
