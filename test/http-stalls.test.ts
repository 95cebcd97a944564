/**
 * No request stalls the server: large answers are built in slices between other requests, kept
 * per catalog version, and the same as before. How long anything takes is measured by the
 * benchmarks (bench/), not asserted here: these tests assert on order and content.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFiles } from '../src/catalog/export-catalog.js';
import { generateSyntheticCatalog } from './support/synthetic-catalog.js';
import { renderOverview } from '../src/core/answers/overview/render-overview.js';
import { analyzeImpact } from '../src/core/answers/impact.js';
import { REPORTS } from '../src/core/answers/reports/report-registry.js';
import type { RunningServer } from '../src/server/start-server.js';
import { fixture, runCli, tempDir } from './support/run-cli.js';
import { getJson, startTestServer } from './support/test-server.js';

/** GET on a connection of its own (no kept-alive socket that the server may have closed). */
function fetchText(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

function writeCatalog(n: number): string {
  const dir = tempDir();
  const entities = generateSyntheticCatalog(n, 3, { dependencyChain: true });
  // 1,000 entities a file: files stay under the size limit.
  for (let start = 0; start < entities.length; start += 1000) {
    const part = path.join(dir, `part-${start / 1000}`);
    for (const file of exportFiles(entities.slice(start, start + 1000), 'yaml')) {
      const target = path.join(part, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
  return dir;
}

describe('a large catalog', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ catalogDir: writeCatalog(15_000) });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers /healthz while it builds the overview', async () => {
    let overviewDone = false;
    const overview = fetchText(`${server.url}/api/v1/overview?format=html`).then((page) => {
      overviewDone = true;
      return page;
    });
    // /healthz one after another until the page is there (bounded): a server that built the
    // page in one piece would answer none of them, or the one that got in first, before it.
    let answeredBefore = 0;
    for (let i = 0; i < 100_000 && !overviewDone; i++) {
      const res = await fetchText(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      if (!overviewDone) answeredBefore++;
    }
    const page = await overview;
    expect(page.status).toBe(200);
    expect(answeredBefore).toBeGreaterThanOrEqual(3);
    // The same page as the one built at once.
    expect(page.text).toBe(renderOverview(server.runtime.index, 'html'));
  }, 180_000);

  it('serves every format, impact and reports as the core computes them', async () => {
    const index = server.runtime.index;
    for (const format of ['md', 'rst'] as const) {
      const res = await fetchText(`${server.url}/api/v1/overview?format=${format}`);
      expect(res.text).toBe(renderOverview(index, format));
    }
    const head = index.ofKind('Service').find((s) => s.tags?.includes('chain'));
    expect(head).toBeDefined();
    const impact = JSON.parse(
      (await fetchText(`${server.url}/api/v1/impact/${head?.id ?? ''}?limit=2000`)).text,
    ) as { total: number; items: { id: string; path: unknown[] }[] };
    const expected = analyzeImpact(index, head?.id ?? '', { limit: 2000 });
    expect(impact.total).toBe(expected.total);
    expect(impact.items.map((i) => [i.id, i.path])).toEqual(
      expected.items.map((i) => [i.entity.id, i.path]),
    );
    const today = new Date().toISOString().slice(0, 10);
    for (const report of REPORTS) {
      const res = JSON.parse(
        (await fetchText(`${server.url}/api/v1/reports/${report.name}`)).text,
      ) as { rows: { id: string; reason: string }[] };
      const rows = report.run(index, { today, maxAgeDays: 180 });
      expect(res.rows.map((r) => [r.id, r.reason])).toEqual(rows.map((r) => [r.id, r.reason]));
    }
  }, 180_000);
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met after 200 tries');
}

describe('the overview kept per catalog version', () => {
  it('is built again for a new version, and the same within one', async () => {
    const databaseUrl = `sqlite:${path.join(tempDir(), 'server.db')}`;
    const server = await startTestServer({ databaseUrl, loadBundledWhenEmpty: false });
    const page = async () => (await fetchText(`${server.url}/api/v1/overview?format=html`)).text;
    const version = async () =>
      (await getJson<{ version: number }>(server, '/readyz')).body.version;
    try {
      const apply = async (dir: string) => {
        const r = await runCli(['apply', fixture('cli', dir), '--source', 'other-process'], {
          env: { DATABASE_URL: databaseUrl },
        });
        expect(r.code, r.stderr).toBe(0);
      };
      await apply('small-catalog');
      await waitFor(async () => (await page()).includes('Powered by: Roundup.'));
      const first = await page();
      const firstVersion = await version();
      expect(first).toContain('Wiki');
      expect(await page()).toBe(first);

      await apply('small-catalog-changed');
      // /readyz names the database's version; the server follows it shortly after.
      await waitFor(async () => (await version()) > firstVersion);
      await waitFor(async () => (await page()).includes('Powered by: Roundup 2.4.'));
      const second = await page();
      expect(second).toContain('Powered by: Roundup 2.4.');
      expect(second).not.toContain('Wiki');
      expect(await page()).toBe(second);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('keeps impact and graph answers for the version, and answers anew for the next', async () => {
    const databaseUrl = `sqlite:${path.join(tempDir(), 'server.db')}`;
    const server = await startTestServer({ databaseUrl, loadBundledWhenEmpty: false });
    const version = async () =>
      (await getJson<{ version: number }>(server, '/readyz')).body.version;
    const names = async (route: string, list: 'items' | 'nodes') =>
      (await getJson<Record<string, { id: string }[]>>(server, route)).body[list]?.map((x) => x.id);
    const impact = () => names('/api/v1/impact/cloudco', 'items');
    const graph = () => names('/api/v1/graph?around=cloudco&depth=1', 'nodes');
    try {
      const apply = async (dir: string) => {
        const r = await runCli(['apply', fixture('cli', dir), '--source', 'other-process'], {
          env: { DATABASE_URL: databaseUrl },
        });
        expect(r.code, r.stderr).toBe(0);
      };
      await apply('small-catalog');
      await waitFor(async () => (await impact())?.includes('wiki') === true);
      expect(await impact()).toEqual(await impact());
      expect(await graph()).toContain('wiki');
      const firstVersion = await version();

      await apply('small-catalog-changed');
      await waitFor(async () => (await version()) > firstVersion);
      await waitFor(async () => (await impact())?.includes('wiki') === false);
      expect(await graph()).not.toContain('wiki');
      expect((await getJson(server, '/api/v1/impact/nothing-has-this-id')).status).toBe(404);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('sends kept answers gzip-compressed to clients that accept gzip, the same bytes inside', async () => {
    const dir = tempDir();
    const catalog = path.join(dir, 'catalog');
    mkdirSync(catalog);
    for (const file of exportFiles(generateSyntheticCatalog(300, 5), 'yaml')) {
      writeFileSync(path.join(catalog, file.path), file.content);
    }
    const databaseUrl = `sqlite:${path.join(dir, 'server.db')}`;
    const apply = await runCli(['apply', catalog, '--source', 'other'], {
      env: { DATABASE_URL: databaseUrl },
    });
    expect(apply.code, apply.stderr).toBe(0);
    const server = await startTestServer({ databaseUrl, loadBundledWhenEmpty: false });
    const raw = (encoding?: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const headers = encoding === undefined ? {} : { 'accept-encoding': encoding };
        get(`${server.url}/api/v1/overview?format=html`, { agent: false, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        }).on('error', reject);
      });
    try {
      const plain = await raw();
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body.byteLength).toBeGreaterThan(16 * 1024);
      // The compressed copy is made after the first answer, off the event loop.
      let gzipped = await raw('br, gzip');
      for (let i = 0; i < 100 && gzipped.headers['content-encoding'] !== 'gzip'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        gzipped = await raw('br, gzip');
      }
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.byteLength);
      expect(gzipped.body.byteLength).toBeLessThan(plain.body.byteLength);
      expect(gunzipSync(gzipped.body)).toEqual(plain.body);
      expect((await raw('gzip;q=0')).headers['content-encoding']).toBeUndefined();
    } finally {
      await server.close();
    }
  }, 60_000);
});
