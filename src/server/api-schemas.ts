/**
 * Request parameter schemas of the HTTP API shared by several routes. Response shapes are the
 * wire contract's (app/contract); the OpenAPI document is generated from both and the route table.
 */
import { z } from 'zod';
import { ENTITY_KINDS } from '../core/schema/entity.schema.js';
import { MAX_LIST_LIMIT } from '../core/answers/catalog-index.js';
import {
  GRAPH_DEFAULT_DEPTH,
  GRAPH_DEFAULT_LIMIT,
  GRAPH_MAX_DEPTH,
  GRAPH_MAX_LIMIT,
} from '../app/graph-view.js';

const idParam = z.string().min(1).max(200).meta({ description: 'Entity id.' });

export const entityIdParams = z.strictObject({ id: idParam });

export const listQuery = z.strictObject({
  kind: z.enum(ENTITY_KINDS).optional().meta({ description: 'Only entities of this kind.' }),
  owner: z.string().optional().meta({
    description: 'Owned by this person or team (a person also matches through their teams).',
  }),
  runsOn: z
    .string()
    .optional()
    .meta({ description: 'Runs on this host or provider (including on that provider’s hosts).' }),
  frontedBy: z.string().optional().meta({ description: 'Fronted by this provider.' }),
  managedBy: z
    .string()
    .optional()
    .meta({ description: 'Managed by this tool: salt, chef, terraform, manual, ...' }),
  tag: z.string().optional(),
  status: z
    .string()
    .optional()
    .meta({ description: 'active, deprecated, retired (services); active, former (providers).' }),
  q: z
    .string()
    .max(500)
    .optional()
    .meta({ description: 'Free text over ids, names, descriptions, tags.' }),
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
  around: z.string().optional().meta({ description: 'Only the neighbourhood of this entity.' }),
  depth: z.coerce
    .number()
    .int()
    .min(1)
    .max(GRAPH_MAX_DEPTH)
    .optional()
    .meta({
      description: `Hops from \`around\` (default ${GRAPH_DEFAULT_DEPTH}, at most ${GRAPH_MAX_DEPTH}).`,
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
