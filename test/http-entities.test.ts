import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start-server.js';
import { fixture, tempDir } from './support/run-cli.js';
import {
  checkedFetch,
  fetchOutsideDocument,
  getJson,
  startTestServer,
} from './support/test-server.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
}

describe('HTTP API: entities, health, errors', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ catalogDir: fixture('cli/small-catalog') });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers /healthz and /readyz', async () => {
    expect((await getJson(server, '/healthz')).body).toEqual({ status: 'ok' });
    const ready = await getJson<{ status: string; entities: number }>(server, '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', entities: 6 });
  });

  it('lists entities with filters, limits and a cursor', async () => {
    const services = await getJson<{ items: { id: string }[] }>(
      server,
      '/api/v1/entities?kind=Service',
    );
    expect(services.body.items.map((e) => e.id)).toEqual(['tracker', 'wiki']);
    const salt = await getJson<{ items: { id: string }[] }>(
      server,
      '/api/v1/entities?managedBy=salt',
    );
    expect(salt.body.items.map((e) => e.id)).toEqual(['tracker']);
    const page1 = await getJson<{ items: { id: string }[]; nextCursor?: string }>(
      server,
      '/api/v1/entities?limit=4',
    );
    expect(page1.body.items).toHaveLength(4);
    expect(page1.body.nextCursor).toBeDefined();
    const page2 = await getJson<{ items: { id: string }[]; nextCursor?: string }>(
      server,
      `/api/v1/entities?limit=4&cursor=${page1.body.nextCursor ?? ''}`,
    );
    const ids = [...page1.body.items, ...page2.body.items].map((e) => e.id);
    expect(new Set(ids).size).toBe(6);
  });

  it('returns an entity with relations both ways and never a private contact', async () => {
    const ada = await getJson<{
      entity: { contacts?: unknown[] };
      relations: { incoming: { type: string; id: string }[] };
    }>(server, '/api/v1/entities/ada');
    expect(ada.status).toBe(200);
    expect(ada.body.entity.contacts ?? []).toEqual([]);
    expect(ada.body.relations.incoming).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'ownerOf', id: 'tracker' }),
        expect.objectContaining({ type: 'memberOf', id: 'infra' }),
      ]),
    );
    const tracker = await getJson<{ source: { file?: string; line?: number } }>(
      server,
      '/api/v1/entities/tracker',
    );
    expect(tracker.body.source).toMatchObject({ file: 'services.yaml', line: 8 });
  });

  it('lists at most relationsLimit incoming relations of each type, and counts them all', async () => {
    const r = await getJson<{
      relations: { incoming: { type: string }[] };
      incomingCounts: Record<string, number>;
    }>(server, '/api/v1/entities/cloudco?relationsLimit=1');
    expect(r.body.relations.incoming.filter((e) => e.type === 'runs')).toHaveLength(1);
    expect(r.body.incomingCounts.runs).toBe(2);
  });

  it('answers problem+json for unknown ids, routes and parameters', async () => {
    const missing = await getJson<Problem>(server, '/api/v1/entities/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.code).toBe('entity.not_found');
    const route = await getJson<Problem>(
      server,
      '/api/v1/nothing-here',
      {},
      { outsideDocument: true },
    );
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('route.not_found');
    const param = await getJson<Problem>(server, '/api/v1/entities?knd=Service');
    expect(param.status).toBe(400);
    expect(param.body.detail).toContain('did you mean "kind"');
    const limit = await getJson<Problem>(server, '/api/v1/entities?limit=5000');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body)).not.toMatch(/at \w+ \(/);
  });

  it('supports ETag / If-None-Match', async () => {
    const first = await checkedFetch(server, '/api/v1/entities/tracker');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"v\d+"$/);
    const second = await checkedFetch(server, '/api/v1/entities/tracker', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(second.status).toBe(304);
  });
});

describe('HTTP API: conditional requests and methods', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ catalogDir: fixture('cli/small-catalog') });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['the weak tag itself', (etag: string) => etag],
    ['the strong form', (etag: string) => etag.replace(/^W\//, '')],
    ['a list holding it', (etag: string) => `"other", ${etag}`],
    ['*', () => '*'],
  ])('answers 304 to If-None-Match with %s', async (_label, header) => {
    const first = await checkedFetch(server, '/api/v1/entities');
    const etag = first.headers.get('etag') ?? '';
    const again = await checkedFetch(server, '/api/v1/entities', {
      headers: { 'if-none-match': header(etag) },
    });
    expect(again.status).toBe(304);
  });

  it.each([
    ['an unknown entity', '/api/v1/entities/no-such-entity', 404, 'entity.not_found'],
    ['an unknown route', '/api/v1/no-such-route', 404, 'route.not_found'],
    ['an unknown parameter', '/api/v1/entities?knd=Service', 400, undefined],
    ['an impossible limit', '/api/v1/entities?limit=5000', 400, undefined],
  ])('answers the error, never 304, to If-None-Match on %s', async (_label, path, status, code) => {
    const etag = (await checkedFetch(server, '/api/v1/entities')).headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"v\d+"$/);
    for (const header of ['*', etag, `"other", ${etag}`]) {
      const get = code === 'route.not_found' ? fetchOutsideDocument : checkedFetch;
      const r = await get(server, path, { headers: { 'if-none-match': header } });
      expect(r.status, header).toBe(status);
      expect(r.headers.get('content-type'), header).toContain('application/problem+json');
      expect(r.headers.get('etag'), header).toBeNull();
      const body = (await r.json()) as Problem;
      if (code !== undefined) expect(body.code).toBe(code);
    }
  });

  it('answers 304 with the tag and no body, and a HEAD request too', async () => {
    const first = await checkedFetch(server, '/api/v1/entities/tracker');
    const etag = first.headers.get('etag') ?? '';
    for (const method of ['GET', 'HEAD']) {
      const again = await checkedFetch(server, '/api/v1/entities/tracker', {
        method,
        headers: { 'if-none-match': etag },
      });
      expect(again.status, method).toBe(304);
      expect(again.headers.get('etag'), method).toBe(etag);
      expect(await again.text(), method).toBe('');
    }
  });

  it('answers 200 to a different tag', async () => {
    const r = await checkedFetch(server, '/api/v1/entities', {
      headers: { 'if-none-match': 'W/"v0"' },
    });
    expect(r.status).toBe(200);
  });

  it('answers 405 to writes and 400 to a repeated parameter', async () => {
    const post = await fetchOutsideDocument(server, '/api/v1/entities', {
      method: 'POST',
      body: '{}',
    });
    expect(post.status).toBe(405);
    expect(((await post.json()) as Problem).code).toBe('method.not_allowed');
    const twice = await getJson<Problem>(server, '/api/v1/entities?kind=Service&kind=Host');
    expect(twice.status).toBe(400);
    expect(twice.body.detail).toContain('"kind" is given more than once');
  });

  it('bounds the graph: at most `limit` nodes, nearest first, saying it was cut short', async () => {
    interface Graph {
      nodes: { id: string }[];
      edges: { source: string; target: string }[];
      truncated: boolean;
      totalNodes: number;
      limit: number;
    }
    const whole = await getJson<Graph>(server, '/api/v1/graph');
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({
      truncated: false,
      totalNodes: 3,
      totalNodesExact: true,
      limit: 1000,
    });
    expect(whole.body.nodes.map((n) => n.id).sort()).toEqual(['cloudco', 'tracker', 'wiki']);

    const cut = await getJson<Graph>(server, '/api/v1/graph?limit=2');
    expect(cut.body).toMatchObject({ truncated: true, totalNodes: 3, limit: 2 });
    expect(cut.body.nodes).toHaveLength(2);
    const kept = new Set(cut.body.nodes.map((n) => n.id));
    for (const e of cut.body.edges) expect(kept.has(e.source) && kept.has(e.target)).toBe(true);

    const near = await getJson<Graph>(server, '/api/v1/graph?around=wiki&depth=1&limit=1');
    expect(near.body.nodes.map((n) => n.id)).toEqual(['wiki']);
    expect(near.body.truncated).toBe(true);
    expect(near.body.totalNodes).toBeGreaterThan(1);
    expect(near.body.edges).toEqual([]);
  });

  it('answers 400 to a graph depth without around, and to an empty around', async () => {
    const depth = await getJson<Problem>(server, '/api/v1/graph?depth=3');
    expect(depth.status).toBe(400);
    expect(depth.body.code).toBe('request.invalid');
    expect(depth.body.detail).toMatch(/"depth" counts hops from "around"/);
    const empty = await getJson<Problem>(server, '/api/v1/graph?around=');
    expect(empty.status).toBe(400);
    expect(empty.body.detail).toMatch(/around/);
  });

  it('answers 400 to a graph depth or limit out of range', async () => {
    for (const query of ['depth=7', 'depth=0', 'limit=0', 'limit=5001', 'limit=ten']) {
      const r = await getJson<Problem>(server, `/api/v1/graph?around=wiki&${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.detail, query).toMatch(query.startsWith('depth') ? /depth/ : /limit/);
    }
  });
});

describe('HTTP API: an entity page says what the stale report says', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const dir = tempDir();
    const service = (id: string, extra: string) =>
      `kind: Service\nid: ${id}\nname: ${id}\nowners: [infra]\n${extra}`;
    writeFileSync(
      path.join(dir, 'catalog.yaml'),
      [
        'kind: Team\nid: infra\nname: Infra\nrole: infrastructure\nmembers: [ada]\n' +
          'contacts: [{type: email, value: infra@example.org}]\n',
        'kind: Person\nid: ada\nname: Ada\n',
        service('current', 'status: active\n'),
        service('gone', 'status: retired\n'),
        service('gone-long-ago', 'status: retired\nreviewed: {date: 2000-01-01, by: ada}\n'),
      ].join('---\n'),
    );
    server = await startTestServer({ catalogDir: dir });
  });
  afterAll(async () => {
    await server.close();
  });

  it('marks a service without a review stale, never a retired one or a person', async () => {
    const review = async (id: string) =>
      (await getJson<{ review: { stale: boolean } }>(server, `/api/v1/entities/${id}`)).body.review;
    expect(await review('current')).toEqual({ stale: true });
    expect(await review('gone')).toEqual({ stale: false });
    expect(await review('gone-long-ago')).toMatchObject({ date: '2000-01-01', stale: false });
    expect(await review('ada')).toEqual({ stale: false });
    const report = await getJson<{ rows: { id: string }[] }>(server, '/api/v1/reports/stale');
    expect(report.body.rows.map((row) => row.id)).toEqual(['current']);
  });
});
