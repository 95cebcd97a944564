/** The entity routes' answers: a page of entities, and one entity with its relations. */
import { z } from 'zod';
import { ENTITY_KINDS, entitySchema } from '../../core/schema/entity.schema.js';

export const entityListResponse = z
  .object({
    items: z.array(entitySchema),
    nextCursor: z.string().optional().meta({ description: 'Present when there may be more.' }),
  })
  .meta({ id: 'EntityList' });

export type EntityPage = z.infer<typeof entityListResponse>;

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

/** One relation seen from one entity. */
export type EdgeView = z.infer<typeof edgeSchema>;

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

export type EntityDetailView = z.infer<typeof entityDetailResponse>;
