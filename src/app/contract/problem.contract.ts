/**
 * application/problem+json (RFC 9457) as every error answer carries it: the server's answers
 * (server/problem.ts), the answers to requests Node refuses (server/client-error.ts), the OpenAPI
 * document and the web client's reading of errors all use this one definition.
 */
import { z } from 'zod';

/** One problem found (core/finding.ts) as an error answer lists it. */
const findingSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    message: z.string(),
    location: z
      .object({ file: z.string(), line: z.number().int(), column: z.number().int() })
      .optional(),
    entityId: z.string().optional(),
    path: z
      .array(z.union([z.string(), z.number()]))
      .optional()
      .meta({ description: "Field path, e.g. ['runsOn', 0, 'provider']." }),
  })
  .meta({ id: 'Finding' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable error code (docs/error-codes.md).' }),
    instance: z.string().optional(),
    errors: z
      .array(findingSchema)
      .optional()
      .meta({ description: 'The problems found: at most the first 10.' }),
    errorsTotal: z
      .number()
      .int()
      .optional()
      .meta({ description: 'How many problems there are in all, when `errors` lists only some.' }),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
