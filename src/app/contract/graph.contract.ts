/** The dependency map's answer (built by app/graph-view.ts). */
import { z } from 'zod';
import { ENTITY_KINDS } from '../../core/schema/entity.schema.js';
import { GRAPH_COUNT_LIMIT } from '../graph-view.js';

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

export type GraphView = z.infer<typeof graphResponse>;
