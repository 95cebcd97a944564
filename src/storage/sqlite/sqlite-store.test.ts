import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { computePlan } from '../../core/plan.js';
import { describeCatalogStoreContract, type StoreHarness } from '../catalog-store.contract.js';
import { declared, service } from '../../../test/support/test-entities.js';
import { createSqliteStore } from './sqlite-store.js';

function sqliteHarness(): Promise<StoreHarness & { path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-sqlite-'));
  const path = join(dir, 'catalog.db');
  return Promise.resolve({
    path,
    open: () => Promise.resolve(createSqliteStore({ path })),
    destroy: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  });
}

describeCatalogStoreContract('SQLite', sqliteHarness);

describe('SQLite store', () => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  async function migratedStore() {
    const harness = await sqliteHarness();
    const store = await harness.open();
    cleanup.push(
      () => harness.destroy(),
      () => store.close(),
    );
    await store.migrate();
    return { store, path: harness.path };
  }

  it('keeps the database in WAL mode with the catalog tables', async () => {
    const { path } = await migratedStore();
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = raw
        .prepare(`select name from sqlite_master where type = 'table' order by name`)
        .pluck()
        .all();
      expect(tables).toEqual(
        expect.arrayContaining([
          'applies',
          'catalog_meta',
          'changes',
          'entities',
          'switchboard_migration',
        ]),
      );
    } finally {
      raw.close();
    }
  });

  /** Another process that takes the write lock on `path` and keeps it for `ms`. */
  async function holdWriteLock(path: string, ms: number) {
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]);
         db.exec('begin immediate'); console.log('locked');
         setTimeout(() => { db.exec('commit'); db.close(); }, ${ms});`,
        path,
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    cleanup.push(async () => void (await exited));
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
  }

  const plan = () => computePlan(declared([service('bugs')]), new Map(), 'dir:x');
  const meta = { source: 'dir:x', author: 'test', at: new Date() };

  it("waits for another process's write lock instead of failing", async () => {
    const { store, path } = await migratedStore();
    await holdWriteLock(path, 800);
    const started = Date.now();
    expect((await store.applyPlan(plan(), meta, 0)).version).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('gives up with storage.busy when the lock is held past the busy timeout', async () => {
    const { path } = await migratedStore();
    const store = createSqliteStore({ path, busyTimeoutMs: 100 });
    cleanup.push(() => store.close());
    await holdWriteLock(path, 1500);
    await expect(store.applyPlan(plan(), meta, 0)).rejects.toMatchObject({
      code: 'storage.busy',
      kind: 'unavailable',
    });
    expect(await store.count()).toBe(0);
  });

  it('works in memory', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    cleanup.push(() => store.close());
    await store.migrate();
    await store.applyPlan(plan(), meta, 0);
    expect((await store.get('bugs'))?.entity).toEqual(service('bugs'));
  });
});
