import { z } from 'zod';
import type { CatalogRuntime } from '../../app/catalog-runtime.js';
import { defineRoute, type ApiRoute } from '../api-route.js';

/** /healthz: the process is up. /readyz: the catalog is loaded and the database answers. */
export function healthRoutes(runtime: CatalogRuntime): ApiRoute[] {
  const healthz = defineRoute({
    method: 'get',
    path: '/healthz',
    operationId: 'healthz',
    summary: 'Liveness: the process is up',
    tag: 'health',
    responses: {
      200: { description: 'Up.', schema: z.object({ status: z.literal('ok') }) },
    },
    handler: (c) => c.json({ status: 'ok' }),
  });
  const readyz = defineRoute({
    method: 'get',
    path: '/readyz',
    operationId: 'readyz',
    summary: 'Readiness: the catalog is loaded and the database answers',
    tag: 'health',
    responses: {
      200: {
        description: 'Ready.',
        schema: z.object({
          status: z.literal('ready'),
          entities: z.number().int(),
          version: z.number().int(),
        }),
      },
      503: {
        description: 'The database does not answer.',
        schema: z.object({ status: z.literal('unavailable'), detail: z.string() }),
      },
    },
    handler: async (c) => {
      try {
        const version = await runtime.store.version();
        return c.json({ status: 'ready', entities: runtime.index.size, version });
      } catch {
        return c.json({ status: 'unavailable', detail: 'the database does not answer' }, 503);
      }
    },
  });
  return [healthz, readyz];
}
