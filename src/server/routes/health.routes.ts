import type { CatalogRuntime } from '../../app/catalog-runtime.js';
import {
  livenessResponse,
  readinessResponse,
  unavailableResponse,
} from '../../app/contract/index.js';
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
      200: { description: 'Up.', schema: livenessResponse },
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
        schema: readinessResponse,
      },
      503: {
        description: 'The database does not answer.',
        schema: unavailableResponse,
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
