import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../test/support/requirements.js';
import { type SwitchboardError } from '../../core/errors.js';
import { computePlan } from '../../core/plan.js';
import type { CatalogStore } from '../catalog-store.js';
import { describeCatalogStoreContract, type StoreHarness } from '../catalog-store.contract.js';
import { openStore } from '../open-store.js';
import { declared, service } from '../../../test/support/test-entities.js';
import { CATALOG_CHANNEL, createPostgresStore } from './postgres-store.js';

const baseUrl = testDatabaseUrl();

/** A URL whose connections use `schema` (and name themselves `appName`). */
function schemaUrl(url: string, schema: string, appName: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  u.searchParams.set('application_name', appName);
  return u.toString();
}

type PostgresHarness = StoreHarness & {
  url: string;
  schema: string;
  admin: pg.Client;
  appName: string;
};

/** A fresh schema on the test database, dropped afterwards. */
async function postgresHarness(url: string, reconnectDelayMs?: number): Promise<PostgresHarness> {
  const schema = `sb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const appName = `switchboard-${schema}`;
  const storeUrl = schemaUrl(url, schema, appName);
  return {
    url: storeUrl,
    schema,
    admin,
    appName,
    open: () =>
      Promise.resolve(createPostgresStore({ connectionString: storeUrl, reconnectDelayMs })),
    destroy: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

const harnessFactory = baseUrl ? () => postgresHarness(baseUrl) : undefined;
describeCatalogStoreContract('PostgreSQL', harnessFactory);

const meta = (source: string) => ({ source, author: 'test', at: new Date() });

describe.skipIf(!baseUrl)('PostgreSQL store', () => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  async function setUp(reconnectDelayMs?: number) {
    const harness = await postgresHarness(baseUrl!, reconnectDelayMs);
    cleanup.push(() => harness.destroy());
    const open = async (): Promise<CatalogStore> => {
      const store = await harness.open();
      cleanup.push(() => store.close());
      await store.migrate();
      return store;
    };
    return { harness, open };
  }

  it('stores bodies as jsonb and times as timestamptz', async () => {
    const { harness, open } = await setUp();
    await open();
    const { rows } = await harness.admin.query<{
      table_name: string;
      column_name: string;
      data_type: string;
    }>(
      `select table_name, column_name, data_type from information_schema.columns
       where table_schema = $1 and column_name in ('body', 'before', 'after', 'created_at', 'at')
       order by table_name, column_name`,
      [harness.schema],
    );
    expect(rows.map((r) => `${r.table_name}.${r.column_name}: ${r.data_type}`)).toEqual([
      'applies.at: timestamp with time zone',
      'changes.after: jsonb',
      'changes.at: timestamp with time zone',
      'changes.before: jsonb',
      'entities.body: jsonb',
      'entities.created_at: timestamp with time zone',
    ]);
  });

  it('migrates beside another Switchboard schema in the same database', async () => {
    const [first, second] = [await setUp(), await setUp()];
    await first.open();
    const store = await second.open();
    expect(await store.version()).toBe(0);
    await store.migrate();
  });

  it('sends NOTIFY switchboard_catalog with the new version on commit', async () => {
    const { harness, open } = await setUp();
    const store = await open();
    const listener = new pg.Client({ connectionString: harness.url });
    await listener.connect();
    cleanup.push(() => listener.end());
    await listener.query(`listen ${CATALOG_CHANNEL}`);
    const payloads: string[] = [];
    listener.on('notification', (n) => payloads.push(n.payload ?? ''));
    await store.applyPlan(
      computePlan(declared([service('a'), service('b')]), new Map(), 'dir:x'),
      meta('dir:x'),
      0,
    );
    await expect.poll(() => payloads, { timeout: 3000 }).toContain('2');
  });

  it('lets exactly one of two concurrent applies at the same version win', async () => {
    const { open } = await setUp();
    const [one, two] = [await open(), await open()];
    const outcomes = await Promise.allSettled([
      one.applyPlan(
        computePlan(declared([service('a')]), new Map(), 'dir:one'),
        meta('dir:one'),
        0,
      ),
      two.applyPlan(
        computePlan(declared([service('b')]), new Map(), 'dir:two'),
        meta('dir:two'),
        0,
      ),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = outcomes.find((o) => o.status === 'rejected');
    expect((failure?.reason as SwitchboardError).code).toBe('apply.stale_plan');
    expect(await one.count()).toBe(1);
    expect(await one.version()).toBe(1);
  });

  it('listens again after its connection is dropped, and reports what it missed', async () => {
    const { harness, open } = await setUp(100);
    const [store, other] = [await open(), await open()];
    const seen: number[] = [];
    await store.onExternalChange((version) => seen.push(version));
    const killed = await harness.admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where application_name = $1 and query = $2`,
      [harness.appName, `listen "${CATALOG_CHANNEL}"`],
    );
    expect(killed.rowCount).toBe(1);
    await other.applyPlan(
      computePlan(declared([service('a')]), new Map(), 'dir:x'),
      meta('dir:x'),
      0,
    );
    await expect.poll(() => seen, { timeout: 5000 }).toEqual([1]);
    await other.applyPlan(
      computePlan(declared([service('b')]), await other.loadAll(), 'dir:y'),
      meta('dir:y'),
      1,
    );
    await expect.poll(() => seen, { timeout: 5000 }).toEqual([1, 2]);
  });

  it('refuses text PostgreSQL cannot store with apply.unsupported_text, writing nothing', async () => {
    const { open } = await setUp();
    const store = await open();
    const nul = service('nul', { notes: 'a NUL \u0000 here' });
    const plan = computePlan(declared([service('fine'), nul]), new Map(), 'dir:x');
    await expect(store.applyPlan(plan, meta('dir:x'), 0)).rejects.toMatchObject({
      code: 'apply.unsupported_text',
      kind: 'input',
    });
    expect(await store.count()).toBe(0);
    expect(await store.version()).toBe(0);
  });

  it('is what openStore returns for a postgres:// URL, migrated', async () => {
    const { harness } = await setUp();
    const store = await openStore(harness.url.replace(/^postgres(ql)?:/, 'postgresql:'));
    cleanup.push(() => store.close());
    expect(store.dialect).toBe('postgres');
    expect(await store.version()).toBe(0);
  });
});
