import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start-server.js';
import {
  type OpenApiCheck,
  openApiCheckFor,
  received,
  type ReceivedResponse,
} from './openapi-check.js';
import { fixture } from './run-cli.js';
import { checkedFetch, fetchOutsideDocument, getJson, startTestServer } from './test-server.js';

describe('the OpenAPI response check', () => {
  let server: RunningServer;
  let check: OpenApiCheck;
  beforeAll(async () => {
    server = await startTestServer({ catalogDir: fixture('cli/small-catalog') });
    check = await openApiCheckFor(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  const healthz = (changes: Partial<ReceivedResponse>): ReceivedResponse => ({
    method: 'GET',
    path: '/healthz',
    status: 200,
    contentType: 'application/json',
    body: '{"status":"ok"}',
    ...changes,
  });

  it('accepts what the server answers', async () => {
    const res = await fetch(`${server.url}/api/v1/entities/tracker`);
    expect(check.check(await received(res, 'GET', '/api/v1/entities/tracker'))).toEqual({
      kind: 'matches',
    });
    expect(check.check(healthz({}))).toEqual({ kind: 'matches' });
  });

  it('fails a body that does not match the schema', () => {
    const outcome = check.check(healthz({ body: '{"status":"fine"}' }));
    expect(outcome.kind).toBe('mismatch');
    expect(check.check(healthz({ body: '{"status":"ok","uptime":3}' })).kind).toBe('mismatch');
    expect(check.check(healthz({ body: 'ok' })).kind).toBe('mismatch');
  });

  it('fails a field the document does not describe, deep in an entity', async () => {
    const res = await fetch(`${server.url}/api/v1/entities/tracker`);
    const answer = await received(res, 'GET', '/api/v1/entities/tracker');
    const body = JSON.parse(answer.body) as { entity: Record<string, unknown> };
    body.entity.secret = 'x';
    const outcome = check.check({ ...answer, body: JSON.stringify(body) });
    expect(outcome).toMatchObject({ kind: 'mismatch' });
    expect(JSON.stringify(outcome)).toContain('additionalProperty');
  });

  it('fails a content type, status, method or path the document does not list', () => {
    expect(check.check(healthz({ contentType: 'text/plain' })).kind).toBe('mismatch');
    expect(check.check(healthz({ status: 418 })).kind).toBe('undocumented');
    expect(check.check(healthz({ method: 'POST' })).kind).toBe('undocumented');
    expect(check.check(healthz({ path: '/api/v1/nothing' })).kind).toBe('undocumented');
  });

  it('makes checkedFetch fail outside the document, and fetchOutsideDocument inside it', async () => {
    await expect(checkedFetch(server, '/api/v1/nothing')).rejects.toThrow(
      /not in \/api\/v1\/openapi\.json/,
    );
    await expect(fetchOutsideDocument(server, '/healthz')).rejects.toThrow(/use checkedFetch/);
    expect((await getJson(server, '/api/v1/nothing', {}, { outsideDocument: true })).status).toBe(
      404,
    );
  });

  it('checks problem+json bodies against the Problem schema wherever they come from', () => {
    expect(check.problemBodyProblems('{"code":"x"}')).not.toEqual([]);
    const problem = { type: 'urn:x', title: 'Not found', status: 404, detail: 'd', code: 'x' };
    expect(check.problemBodyProblems(JSON.stringify(problem))).toEqual([]);
  });
});
