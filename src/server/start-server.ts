/**
 * Start Switchboard's server: open the database, load the catalog (the bundled PSF catalog into an
 * empty database, or --catalog DIR), build the in-memory index, listen, and stop cleanly.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { applyCatalog } from '../app/apply-catalog.js';
import { BUNDLED_SOURCE, defaultSourceFor } from '../app/catalog-source.js';
import { CatalogRuntime } from '../app/catalog-runtime.js';
import { SwitchboardError } from '../core/errors.js';
import { formatFinding } from '../core/finding.js';
import { openStore, describeDatabaseUrl } from '../storage/open-store.js';
import { answerClientError } from './client-error.js';
import { createApp } from './create-app.js';
import { hostAllowList } from './host-allow-list.js';

export const BUNDLED_CATALOG_DIR = fileURLToPath(new URL('../../catalog/psf', import.meta.url));

export interface StartServerOptions {
  port: number;
  host: string;
  catalogDir?: string;
  databaseUrl?: string;
  /** Load the bundled PSF catalog into an empty database (default true). */
  loadBundledWhenEmpty?: boolean;
  /**
   * Host names answered besides loopback names (and, when not bound to loopback, IP addresses):
   * `name`, `.domain` for it and its subdomains, or `*` for any (no DNS-rebinding protection).
   */
  allowedHosts?: readonly string[];
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  runtime: CatalogRuntime;
  close(): Promise<void>;
}

async function loadInitialCatalog(
  runtime: CatalogRuntime,
  options: StartServerOptions,
  log: (line: string) => void,
): Promise<void> {
  const store = runtime.store;
  let dir: string | undefined;
  let source: string;
  if (options.catalogDir !== undefined) {
    dir = options.catalogDir;
    source = defaultSourceFor(dir);
  } else if (options.loadBundledWhenEmpty !== false && (await store.count()) === 0) {
    dir = BUNDLED_CATALOG_DIR;
    source = BUNDLED_SOURCE;
  } else {
    return;
  }
  try {
    const outcome = await applyCatalog(store, dir, { source, author: 'switchboard serve' });
    const r = outcome.result;
    log(
      r
        ? `Applied ${dir} as ${source}: ${r.created} created, ${r.updated} updated, ${r.deleted} deleted.`
        : `Catalog ${dir} is already up to date.`,
    );
  } catch (error) {
    if (error instanceof SwitchboardError) {
      for (const finding of error.findings) {
        if (finding.severity === 'error') log(formatFinding(finding));
      }
    }
    throw error;
  }
  await runtime.refresh();
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const store = await openStore(options.databaseUrl);
  const runtime = await CatalogRuntime.open(store).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  try {
    await loadInitialCatalog(runtime, options, log);
    await runtime.watch((error) => log(`could not follow catalog changes: ${String(error)}`));
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const app = createApp({
    runtime,
    log,
    allowedHosts: hostAllowList(options.host, options.allowedHosts),
  });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
  // Requests the HTTP parser refuses (too large, malformed) get a problem+json answer too.
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await runtime.close();
    const message = error instanceof Error ? error.message : String(error);
    throw new SwitchboardError(
      'unavailable',
      'server.listen_failed',
      `cannot listen on ${options.host}:${options.port}: ${message}`,
    );
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shownHost}:${port}`;
  log(
    `Switchboard is serving ${runtime.index.size} entities at ${url} (database: ${describeDatabaseUrl(options.databaseUrl ?? process.env.DATABASE_URL)}).`,
  );
  return {
    url,
    port,
    runtime,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await runtime.close();
    },
  };
}
