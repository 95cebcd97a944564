/**
 * HTTP answers as the standards and a hostile page expect them: bounded error bodies, security
 * headers on every response, a Host allow-list against DNS rebinding, and public answers that
 * tell nothing about private contacts or the server's files. The real server, on a random
 * loopback port.
 */
import { cpSync } from 'node:fs';
import { request } from 'node:http';
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
  errors?: { code: string; message: string }[];
  errorsTotal?: number;
}

/** A GET with this exact Host header (fetch does not let a caller set it). */
function rawGet(
  server: RunningServer,
  pathAndQuery: string,
  host: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: pathAndQuery, headers: { host } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
    req.end();
  });
}

describe('HTTP answers follow the standards', () => {
  let server: RunningServer;
  let catalogDir: string;
  beforeAll(async () => {
    // A catalog outside the current directory: its source is stored with an absolute path.
    catalogDir = path.join(tempDir('sb-outside-'), 'team-catalog');
    cpSync(fixture('cli/small-catalog'), catalogDir, { recursive: true });
    server = await startTestServer({ catalogDir });
  });
  afterAll(async () => {
    await server.close();
  });

  describe('error bodies are bounded', () => {
    it('lists the first 10 of 2,900 unknown parameters and counts the rest', async () => {
      const names = Array.from({ length: 2900 }, (_, i) => `x${i.toString(36)}`);
      const query = names.map((n) => `${n}=`).join('&');
      expect(query.length).toBeGreaterThan(13_000);
      const res = await checkedFetch(server, `/api/v1/entities?${query}`);
      const text = await res.text();
      expect(res.status).toBe(400);
      expect(text.length).toBeLessThan(8_000);
      const problem = JSON.parse(text) as Problem;
      expect(problem.code).toBe('request.invalid');
      expect(problem.errors).toHaveLength(10);
      expect(problem.errors?.[0]?.code).toBe('param.unknown');
      expect(problem.errorsTotal).toBe(2900);
      expect(problem.detail).toContain('unknown query parameter "x0"');
      expect(problem.detail).toContain('and 2890 more (2900 in all)');
      expect(problem.detail).toContain('"x9"');
      expect(problem.detail).not.toContain('"xa"');
    });

    it('shortens a very long parameter name and bounds repeated ones', async () => {
      const long = 'x'.repeat(5000);
      const one = await getJson<Problem>(server, `/api/v1/entities?${long}=1`);
      expect(one.status).toBe(400);
      expect(JSON.stringify(one.body).length).toBeLessThan(2_000);
      const repeated = Array.from({ length: 300 }, (_, i) => `r${i}=1&r${i}=2`).join('&');
      const twice = await getJson<Problem>(server, `/api/v1/entities?${repeated}`);
      expect(twice.status).toBe(400);
      expect(twice.body.detail.length).toBeLessThan(1_000);
      expect(twice.body.detail).toContain('and 290 more');
    });

    it('keeps small error lists whole, without a count', async () => {
      const r = await getJson<Problem>(server, '/api/v1/entities?knd=Service');
      expect(r.body.errors).toHaveLength(1);
      expect(r.body.errorsTotal).toBeUndefined();
    });
  });

  describe('security headers', () => {
    it.each([
      ['an API answer', '/api/v1/entities', 200, checkedFetch],
      ['an API 404', '/api/v1/entities/nope', 404, checkedFetch],
      ['an unknown API route', '/api/v1/nothing', 404, fetchOutsideDocument],
      ['an API 400', '/api/v1/entities?limit=0', 400, checkedFetch],
      ['the health check', '/healthz', 200, checkedFetch],
      ['the overview in Markdown', '/api/v1/overview?format=md', 200, checkedFetch],
      ['a missing web asset', '/assets/missing-1.js', 404, fetchOutsideDocument],
    ])('%s (%s) is nosniff with a referrer policy and a CSP', async (_label, url, status, get) => {
      const res = await get(server, url);
      expect(res.status).toBe(status);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    });

    it('sends the headers with 405s and with not-found answers outside the API', async () => {
      for (const [method, url] of [
        ['POST', '/api/v1/entities'],
        ['DELETE', '/somewhere'],
      ] as const) {
        const res = await fetchOutsideDocument(server, url, { method });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      }
    });

    it('sends the web UI a CSP that forbids framing it', async () => {
      const res = await fetchOutsideDocument(server, '/services');
      expect(res.headers.get('content-type')).toContain('text/html');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('serves the HTML overview inert: no scripts, inline styles only, framed by this site only', async () => {
      const res = await checkedFetch(server, '/api/v1/overview?format=html');
      expect(res.status).toBe(200);
      const html = await res.text();
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')] as const;
        }),
      );
      expect(directives.get('default-src')).toBe("'none'");
      expect(directives.has('script-src')).toBe(false);
      expect(directives.get('style-src')).toBe("'unsafe-inline'");
      // The web UI shows the overview in a sandboxed frame of its own origin.
      expect(directives.get('frame-ancestors')).toBe("'self'");
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(html).toContain('<style>');
      expect(html).not.toMatch(/<script/i);
    });
  });

  describe('Host allow-list', () => {
    it.each(['localhost', 'LOCALHOST', 'localhost.', '127.0.0.1', '[::1]', 'app.localhost'])(
      'answers a request for %s, with the port or without',
      async (host) => {
        for (const header of [host, `${host}:${server.port}`]) {
          const res = await rawGet(server, '/api/v1/summary', header);
          expect(res.status, header).toBe(200);
        }
      },
    );

    it.each([
      'evil.example',
      `evil.example:8080`,
      '127.0.0.1.nip.io',
      'localhost.evil.example',
      '192.168.1.20',
      '[2001:db8::1]',
    ])('refuses %s with 421 problem+json saying how to allow it', async (host) => {
      for (const url of ['/api/v1/summary', '/', '/healthz']) {
        const res = await rawGet(server, url, host);
        expect(res.status).toBe(421);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        const problem = JSON.parse(res.body) as Problem;
        expect(problem.code).toBe('request.host_not_allowed');
        expect(problem.detail).toContain('--allowed-host');
        expect(problem.detail).toContain('SWITCHBOARD_ALLOWED_HOSTS');
        expect(res.body).not.toContain('Issue tracker');
      }
    });
  });

  describe('public answers', () => {
    it('answer the same for a person whose contacts are all private and one without', async () => {
      const ada = await getJson<{ entity: Record<string, unknown> }>(
        server,
        '/api/v1/entities/ada',
      );
      const grace = await getJson<{ entity: Record<string, unknown> }>(
        server,
        '/api/v1/entities/grace',
      );
      expect(Object.keys(ada.body.entity)).toEqual(Object.keys(grace.body.entity));
      expect(ada.body.entity).not.toHaveProperty('contacts');
      const list = await getJson<{ items: Record<string, unknown>[] }>(
        server,
        '/api/v1/entities?kind=Person',
      );
      for (const person of list.body.items) expect(person).not.toHaveProperty('contacts');
    });

    it('name a source by its name and relative file, never the absolute path', async () => {
      const tracker = await getJson<{ source: { name: string; file?: string } }>(
        server,
        '/api/v1/entities/tracker',
      );
      expect(tracker.body.source.name).toBe('dir:team-catalog');
      expect(tracker.body.source.file).toBe('services.yaml');
      for (const url of [
        '/api/v1/entities/tracker',
        '/api/v1/entities/ada',
        '/api/v1/entities?limit=500',
        '/api/v1/reports/orphans',
        '/api/v1/reports/stale',
        '/api/v1/reports/bus-factor',
        '/api/v1/summary',
        '/api/v1/overview?format=md',
      ]) {
        const res = await checkedFetch(server, url);
        expect(res.status, url).toBe(200);
        expect(await res.text(), url).not.toContain(path.dirname(catalogDir));
      }
    });
  });
});

describe('Host allow-list with configured names', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({
      catalogDir: fixture('cli/small-catalog'),
      allowedHosts: ['switchboard.example.org', '.internal.example'],
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    'switchboard.example.org',
    'switchboard.example.org:443',
    'a.internal.example',
    'localhost',
  ])('answers %s', async (host) => {
    expect((await rawGet(server, '/api/v1/summary', host)).status).toBe(200);
  });

  it.each(['example.org', 'evil.switchboard.example.org', 'internal.example.evil'])(
    'refuses %s',
    async (host) => {
      expect((await rawGet(server, '/api/v1/summary', host)).status).toBe(421);
    },
  );
});
