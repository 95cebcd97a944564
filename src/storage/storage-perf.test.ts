/**
 * Storage timings at 100,000 entities. Not part of the suite: runs only with
 * SWITCHBOARD_STORAGE_PERF=1 (and TEST_DATABASE_URL for PostgreSQL), prints a table, and asserts
 * only that the data arrived — never a time.
 *
 *   SWITCHBOARD_STORAGE_PERF=1 npx vitest run src/storage/storage-perf.test.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { computePlan } from '../core/plan.js';
import type { CatalogStore } from './catalog-store.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import { declared, syntheticCatalog } from './test-entities.js';

const SIZE = Number(process.env.SWITCHBOARD_STORAGE_PERF_SIZE ?? 100_000);
const enabled = process.env.SWITCHBOARD_STORAGE_PERF === '1';
const pgUrl = process.env.TEST_DATABASE_URL;

async function timed<T>(
  rows: [string, number][],
  label: string,
  run: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const result = await run();
  rows.push([label, Math.round(performance.now() - started)]);
  return result;
}

async function measure(store: CatalogStore): Promise<[string, number][]> {
  const rows: [string, number][] = [];
  const source = 'dir:bench';
  const at = new Date();
  const desired = declared(syntheticCatalog(SIZE));
  await store.migrate();

  const empty = await store.loadSnapshot();
  const createPlan = computePlan(desired, empty.entities, source);
  const created = await timed(rows, `apply ${SIZE} creates`, () =>
    store.applyPlan(createPlan, { source, author: 'bench', at }, empty.version),
  );
  expect(created.created).toBe(SIZE);

  const loaded = await timed(rows, 'loadAll', () => store.loadAll());
  expect(loaded.size).toBe(SIZE);
  const snapshot = await timed(rows, 'loadSnapshot', () => store.loadSnapshot());
  await timed(rows, 'count + version', async () => [await store.count(), await store.version()]);

  const noop = computePlan(desired, snapshot.entities, source);
  const unchanged = await timed(rows, 'apply no-op plan', () =>
    store.applyPlan(noop, { source, author: 'bench', at }, snapshot.version),
  );
  expect(unchanged.applyId).toBe(0);

  const tenth = desired.map((d, i) =>
    i % 10 === 0 ? { ...d, entity: { ...d.entity, name: `${d.entity.name} (renamed)` } } : d,
  );
  const updatePlan = computePlan(tenth, snapshot.entities, source);
  await timed(rows, `apply ${updatePlan.changes.length} updates`, () =>
    store.applyPlan(updatePlan, { source, author: 'bench', at }, snapshot.version),
  );
  await timed(rows, 'history of one entity', () => store.history({ entityId: 'service-5' }));

  const current = await store.loadSnapshot();
  const deletePlan = computePlan([], current.entities, source);
  await timed(rows, `apply ${SIZE} deletes`, () =>
    store.applyPlan(deletePlan, { source, author: 'bench', at }, current.version),
  );
  expect(await store.count()).toBe(0);
  return rows;
}

function print(name: string, rows: [string, number][]) {
  console.log(
    `\n${name} (${SIZE} entities)\n${rows.map(([l, ms]) => `  ${l.padEnd(28)} ${String(ms).padStart(7)} ms`).join('\n')}`,
  );
}

describe.skipIf(!enabled)('storage performance', () => {
  it('SQLite', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-perf-'));
    const store = createSqliteStore({ path: join(dir, 'perf.db') });
    try {
      print('SQLite', await measure(store));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!pgUrl)('PostgreSQL', { timeout: 600_000 }, async () => {
    const schema = `sb_perf_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const url = new URL(pgUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const store = createPostgresStore({ connectionString: url.toString() });
    try {
      print('PostgreSQL', await measure(store));
    } finally {
      await store.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  });
});
