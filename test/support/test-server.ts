/** Start the real server on a random loopback port over a fresh SQLite file. */
import path from 'node:path';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { tempDir } from './run-cli.js';

export async function startTestServer(
  options: {
    catalogDir?: string;
    databaseUrl?: string;
    loadBundledWhenEmpty?: boolean;
    allowedHosts?: string[];
  } = {},
): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: options.databaseUrl ?? `sqlite:${path.join(tempDir(), 'server.db')}`,
    catalogDir: options.catalogDir,
    loadBundledWhenEmpty: options.loadBundledWhenEmpty,
    allowedHosts: options.allowedHosts,
    log: () => undefined,
  });
}

export async function getJson<T = unknown>(
  server: RunningServer,
  pathAndQuery: string,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${server.url}${pathAndQuery}`, { headers });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const body = (type.includes('json') && text !== '' ? JSON.parse(text) : text) as T;
  return { status: res.status, headers: res.headers, body };
}
