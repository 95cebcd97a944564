import { Hono } from 'hono';
import type { CatalogRuntime } from '../../app/catalog-runtime.js';

/** /healthz: the process is up. /readyz: the catalog is loaded and the database answers. */
export function healthRoutes(runtime: CatalogRuntime): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      const version = await runtime.store.version();
      return c.json({ status: 'ready', entities: runtime.index.size, version });
    } catch {
      return c.json({ status: 'unavailable', detail: 'the database does not answer' }, 503);
    }
  });
  return app;
}
