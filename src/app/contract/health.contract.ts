/** Liveness and readiness answers, and the JSON documents the meta routes serve. */
import { z } from 'zod';

export const livenessResponse = z.object({ status: z.literal('ok') });

export const readinessResponse = z.object({
  status: z.literal('ready'),
  entities: z.number().int(),
  version: z.number().int(),
});

export const unavailableResponse = z.object({
  status: z.literal('unavailable'),
  detail: z.string(),
});

/** A JSON document described elsewhere: the OpenAPI document, the catalog's JSON Schema. */
export const jsonDocumentResponse = z.record(z.string(), z.unknown());
