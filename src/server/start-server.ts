/**
 * Start Switchboard's server: open the catalog it serves (app/open-served-catalog.ts: the database,
 * the bundled PSF catalog into an empty one or --catalog DIR, the in-memory index), listen, and
 * stop cleanly.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { CatalogRuntime } from '../app/catalog-runtime.js';
import { openServedCatalog, type ServedCatalogOptions } from '../app/open-served-catalog.js';
import { SwitchboardError } from '../core/errors.js';
import { answerClientError } from './client-error.js';
import { createApp } from './create-app.js';
import { hostAllowList } from './host-allow-list.js';

export interface StartServerOptions extends ServedCatalogOptions {
  port: number;
  host: string;
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

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { runtime, database } = await openServedCatalog(options, log);
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
  log(`Switchboard is serving ${runtime.index.size} entities at ${url} (database: ${database}).`);
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
