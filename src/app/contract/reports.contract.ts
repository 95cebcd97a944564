/** The summary, the list of reports and one report's rows. */
import { z } from 'zod';
import { ENTITY_KINDS } from '../../core/schema/entity.schema.js';

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

export type SummaryView = z.infer<typeof summaryResponse>;

export const reportListResponse = z
  .object({
    reports: z.array(z.object({ name: z.string(), title: z.string(), description: z.string() })),
  })
  .meta({ id: 'ReportList' });

export type ReportListView = z.infer<typeof reportListResponse>;

export const reportResponse = z
  .object({
    name: z.string(),
    title: z.string(),
    description: z.string(),
    rows: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum([...ENTITY_KINDS, 'ManagementMethod']),
        reason: z.string(),
        related: z
          .array(z.object({ id: z.string(), kind: z.enum(ENTITY_KINDS), name: z.string() }))
          .optional(),
        counts: z.record(z.string(), z.number()).optional(),
        source: z.object({ file: z.string(), line: z.number().int() }).optional(),
      }),
    ),
  })
  .meta({ id: 'Report' });

export type ReportView = z.infer<typeof reportResponse>;
