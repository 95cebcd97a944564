import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start-server.js';
import { checkedFetch, getJson, startTestServer } from './support/test-server.js';

interface WhoBody {
  match: { id: string; matchedBy: string };
  steps: {
    id: string;
    reason: string;
    contacts: { type: string; value: string; private?: boolean }[];
  }[];
}

describe('HTTP API: answers on the bundled PSF catalog', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('loads the bundled catalog into an empty database', async () => {
    const ready = await getJson<{ entities: number }>(server, '/readyz');
    expect(ready.body.entities).toBeGreaterThan(50);
  });

  it.each([
    ['https://bugs.python.org/issue12345', 'bugs-python-org', 'hostname'],
    ['docs.python.org', 'docs-python-org', 'hostname'],
    ['pypi', 'pypi', 'id'],
    ['Python Pakage Index', 'pypi', 'fuzzy'],
  ])('resolves %s to %s (%s)', async (q, id, how) => {
    const r = await getJson<{ matches: { id: string; matchedBy: string }[] }>(
      server,
      `/api/v1/resolve?q=${encodeURIComponent(q)}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.matches[0]).toMatchObject({ id });
    expect(r.body.matches[0]?.matchedBy).toBe(how);
  });

  it('answers who for a bugs.python.org URL, ending with the infrastructure team, with no private contact', async () => {
    const r = await getJson<WhoBody>(
      server,
      `/api/v1/who?q=${encodeURIComponent('https://bugs.python.org/issue1')}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.match.id).toBe('bugs-python-org');
    const ids = r.body.steps.map((s) => s.id);
    expect(ids[0]).toBe('bugs-python-org');
    expect(ids).toContain('psf-infrastructure');
    const team = r.body.steps.find((s) => s.id === 'psf-infrastructure');
    expect(team?.contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'mailing-list', value: 'infrastructure-staff@python.org' }),
        expect.objectContaining({ type: 'irc', value: '#python-infra' }),
      ]),
    );
    expect(r.body.steps.flatMap((s) => s.contacts).some((c) => c.private === true)).toBe(false);
  });

  it('answers 404 problem+json when nothing matches who', async () => {
    const r = await getJson<{ code: string }>(server, '/api/v1/who?q=zzzzqqqq.invalid');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('resolve.no_match');
  });

  it('lists the impact of Fastly with explaining paths', async () => {
    const r = await getJson<{ total: number; items: { id: string; explanation: string }[] }>(
      server,
      '/api/v1/impact/fastly',
    );
    expect(r.status).toBe(200);
    const pypi = r.body.items.find((i) => i.id === 'pypi');
    expect(pypi?.explanation).toMatch(/fastly.*frontedBy.*pypi/);
  });

  it('runs every report and summarises them', async () => {
    const list = await getJson<{ reports: { name: string }[] }>(server, '/api/v1/reports');
    const names = list.body.reports.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['bus-factor', 'orphans', 'unreachable', 'stale', 'cycles']),
    );
    for (const name of names) {
      const report = await getJson<{ rows: unknown[] }>(server, `/api/v1/reports/${name}`);
      expect(report.status, name).toBe(200);
      expect(Array.isArray(report.body.rows)).toBe(true);
    }
    const missing = await getJson<{ code: string }>(server, '/api/v1/reports/nope');
    expect(missing.status).toBe(404);
    const summary = await getJson<{ counts: Record<string, number> }>(server, '/api/v1/summary');
    expect(summary.body.counts.Service).toBeGreaterThan(10);
  });

  it.each([
    ['md', 'text/markdown', '# '],
    ['rst', 'text/x-rst', '===='],
    ['html', 'text/html', '<html lang="en">'],
  ])('serves the overview as %s', async (format, type, marker) => {
    const res = await checkedFetch(server, `/api/v1/overview?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    const text = await res.text();
    expect(text).toContain(marker);
    expect(text).toContain('infrastructure-staff@python.org');
  });

  it('serves an OpenAPI 3.1 document that validates and covers every route', async () => {
    const doc = await getJson<{ openapi: string; paths: Record<string, unknown> }>(
      server,
      '/api/v1/openapi.json',
    );
    expect(doc.body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const path of [
      '/api/v1/entities',
      '/api/v1/entities/{id}',
      '/api/v1/resolve',
      '/api/v1/who',
      '/api/v1/impact/{id}',
      '/api/v1/reports/{name}',
      '/api/v1/overview',
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
  });

  it('serves the catalog JSON Schema', async () => {
    const r = await getJson<{ $schema?: string }>(server, '/api/v1/catalog.schema.json');
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).toContain('Service');
  });
});
