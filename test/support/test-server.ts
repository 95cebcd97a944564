/** Start the real server on a random loopback port over a fresh SQLite file. */
import path from 'node:path';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { openApiCheckFor, received } from './openapi-check.js';
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

/**
 * `fetch` a path of the test server and check the response against the OpenAPI document it
 * serves (openapi-check.ts): an undocumented path, method or status, or a content type or body
 * the document does not describe, fails the test.
 */
export async function checkedFetch(
  server: RunningServer,
  pathAndQuery: string,
  init: RequestInit = {},
): Promise<Response> {
  const { res, outcome } = await fetchAndCheck(server, pathAndQuery, init);
  if (outcome.kind === 'undocumented') {
    throw new Error(
      `${requestLine(init, pathAndQuery)}: not in /api/v1/openapi.json: ${outcome.reason}`,
    );
  }
  if (outcome.kind === 'mismatch') {
    throw new Error(
      `${requestLine(init, pathAndQuery)}: the response does not match /api/v1/openapi.json:\n- ${outcome.problems.join('\n- ')}`,
    );
  }
  return res;
}

/**
 * `fetch` what the OpenAPI document deliberately does not describe (web pages, unknown routes,
 * refused methods and hosts). Fails if the response is documented after all (use checkedFetch),
 * and a problem+json body must still match the document's Problem schema.
 */
export async function fetchOutsideDocument(
  server: RunningServer,
  pathAndQuery: string,
  init: RequestInit = {},
): Promise<Response> {
  const { res, outcome, answer, check } = await fetchAndCheck(server, pathAndQuery, init);
  if (outcome.kind !== 'undocumented') {
    throw new Error(
      `${requestLine(init, pathAndQuery)}: documented in /api/v1/openapi.json; use checkedFetch`,
    );
  }
  if (answer.contentType?.startsWith('application/problem+json')) {
    const problems = check.problemBodyProblems(answer.body);
    if (problems.length > 0) {
      throw new Error(`${requestLine(init, pathAndQuery)}: not a Problem: ${problems.join('; ')}`);
    }
  }
  return res;
}

function requestLine(init: RequestInit, pathAndQuery: string): string {
  return `${init.method ?? 'GET'} ${pathAndQuery}`;
}

async function fetchAndCheck(server: RunningServer, pathAndQuery: string, init: RequestInit) {
  const check = await openApiCheckFor(server.url);
  const res = await fetch(`${server.url}${pathAndQuery}`, init);
  const path = new URL(pathAndQuery, server.url).pathname;
  const answer = await received(res, init.method ?? 'GET', path);
  return { res, outcome: check.check(answer), answer, check };
}

/** GET a path, checked against the OpenAPI document (or, with `outsideDocument`, known not to be). */
export async function getJson<T = unknown>(
  server: RunningServer,
  pathAndQuery: string,
  headers: Record<string, string> = {},
  options: { outsideDocument?: boolean } = {},
) {
  const res = await (options.outsideDocument ? fetchOutsideDocument : checkedFetch)(
    server,
    pathAndQuery,
    { headers },
  );
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const body = (type.includes('json') && text !== '' ? JSON.parse(text) : text) as T;
  return { status: res.status, headers: res.headers, body };
}
