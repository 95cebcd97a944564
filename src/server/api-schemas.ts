/**
 * Request parameter and response schemas of the HTTP API. Entities use the catalog's own schema
 * (core/schema); these describe the envelopes around them. The OpenAPI document is generated
 * from here and from the route table.
 */
import { z } from 'zod';
import { ENTITY_KINDS, entitySchema } from '../core/schema/entity.schema.js';
import { contactSchema } from '../core/schema/contact.schema.js';
import { listFilterParams } from '../core/schema/list-filter.schema.js';
import { MAX_LIST_LIMIT } from '../core/answers/catalog-index.js';
import {
  GRAPH_COUNT_LIMIT,
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

export const entityListResponse = z
  .object({
    items: z.array(entitySchema),
    nextCursor: z.string().optional().meta({ description: 'Present when there may be more.' }),
  })
  .meta({ id: 'EntityList' });

export const edgeSchema = z
  .object({
    type: z.string().meta({
      description: 'Relation as seen from this entity (runsOn, runs, ownedBy, ownerOf, ...).',
    }),
    label: z.string().meta({ description: 'Human label: "runs on", "owned by", ...' }),
    id: z.string(),
    kind: z
      .enum(ENTITY_KINDS)
      .optional()
      .meta({ description: 'Absent when the other end is not in the catalog.' }),
    name: z.string().optional(),
  })
  .meta({ id: 'Edge' });

export const entityDetailResponse = z
  .object({
    entity: entitySchema,
    source: z.object({
      name: z
        .string()
        .meta({ description: 'The source managing it, e.g. dir:catalog/psf or bundled:psf.' }),
      file: z.string().optional(),
      line: z.number().int().optional(),
      updatedAt: z.string(),
    }),
    relations: z.object({ outgoing: z.array(edgeSchema), incoming: z.array(edgeSchema) }),
    incomingCounts: z
      .record(z.string(), z.number().int())
      .meta({ description: 'Incoming relations per type in all (the list may hold fewer).' }),
    review: z.object({
      date: z.string().optional(),
      by: z.string().optional(),
      ageDays: z.number().int().optional(),
      stale: z.boolean(),
    }),
  })
  .meta({ id: 'EntityDetail' });

export const summaryResponse = z
  .object({
    version: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
    reports: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        description: z.string(),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Summary' });

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

export const graphResponse = z
  .object({
    nodes: z.array(z.object({ id: z.string(), kind: z.enum(ENTITY_KINDS), name: z.string() })),
    edges: z
      .array(z.object({ source: z.string(), target: z.string(), type: z.string() }))
      .meta({ description: 'The edges between the nodes of this answer.' }),
    truncated: z.boolean().meta({
      description: 'True when more nodes matched than `limit`: `nodes` holds the first `limit`.',
    }),
    totalNodes: z.number().int().meta({
      description:
        'How many nodes matched in all (the whole map, or the neighbourhood within `depth`).',
    }),
    totalNodesExact: z.boolean().meta({
      description: `False when a neighbourhood was counted only up to ${GRAPH_COUNT_LIMIT} nodes (the walk stops there): \`totalNodes\` is then a lower bound.`,
    }),
    limit: z.number().int().meta({ description: 'The node cap this answer was built with.' }),
  })
  .meta({ id: 'Graph' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable error code (docs/error-codes.md).' }),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ code: z.string(), message: z.string() }).passthrough())
      .optional()
      .meta({ description: 'The problems found: at most the first 10.' }),
    errorsTotal: z
      .number()
      .int()
      .optional()
      .meta({ description: 'How many problems there are in all, when `errors` lists only some.' }),
  })
  .meta({ id: 'Problem' });

export { contactSchema };

const matchSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ENTITY_KINDS),
    name: z.string(),
    matchedBy: z.enum(['hostname', 'wildcard', 'url-prefix', 'id', 'name', 'fuzzy']),
    detail: z.string().meta({ description: 'What matched: "host name bugs.python.org", ...' }),
    score: z.number().meta({ description: '0..1 within its tier; 1 for exact matches.' }),
  })
  .meta({ id: 'Match' });

export const resolveResponse = z
  .object({ query: z.string(), matches: z.array(matchSchema) })
  .meta({ id: 'ResolveResult' });

export const whoResponse = z
  .object({
    query: z.string(),
    match: matchSchema,
    steps: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(ENTITY_KINDS),
        name: z.string(),
        role: z.string().meta({
          description:
            'self, owner, team-member, host, host-owner, provider, account-holder, fronted-by, infrastructure',
        }),
        reason: z.string().meta({ description: 'Why it is on the list: "owner of bugs".' }),
        contacts: z.array(contactSchema),
      }),
    ),
  })
  .meta({ id: 'WhoResult' });

export const impactResponse = z
  .object({
    id: z.string(),
    total: z.number().int().meta({ description: 'How many entities are affected in all.' }),
    byKind: z.record(z.string(), z.number().int()),
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(ENTITY_KINDS),
        name: z.string(),
        depth: z
          .number()
          .int()
          .meta({ description: '1 for direct effects, 2 for what depends on those, ...' }),
        effect: z.enum(['affected', 'orphaned', 'co-owned']),
        path: z.array(z.object({ from: z.string(), relation: z.string(), to: z.string() })),
        explanation: z
          .string()
          .meta({ description: 'The path for people: "fastly → frontedBy ← pypi".' }),
      }),
    ),
  })
  .meta({ id: 'ImpactResult' });

export const reportListResponse = z
  .object({
    reports: z.array(z.object({ name: z.string(), title: z.string(), description: z.string() })),
  })
  .meta({ id: 'ReportList' });

export const reportResponse = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    rows: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        reason: z.string(),
        related: z
          .array(z.object({ id: z.string(), kind: z.string(), name: z.string() }))
          .optional(),
        counts: z.record(z.string(), z.number()).optional(),
        source: z.object({ file: z.string(), line: z.number().int() }).optional(),
      }),
    ),
  })
  .meta({ id: 'Report' });
