/**
 * `npm run bench:storage`: the CatalogStore's own timings, without the CLI or the server, on
 * SQLite and on PostgreSQL: apply N creates into an empty store, loadAll, loadSnapshot, count +
 * version, a no-op apply, an apply renaming every tenth entity, one entity's history, and an
 * apply deleting everything. The catalog is the synthetic one (`generateSyntheticCatalog(N, 1)`,
 * test/support/synthetic-catalog.ts). Prints a table per database; checks only that the data
 * arrived (counts), never a time. Needs `npm run build` and `npm run build:support`.
 *
 * Environment: BENCH_STORAGE_SIZE (default 100000), BENCH_DATABASE_URL (PostgreSQL; default
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test; skipped with a note when it
 * does not answer).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computePlan } from '../../dist/core/plan.js';
import { createPostgresStore } from '../../dist/storage/postgres/postgres-store.js';
import { createSqliteStore } from '../../dist/storage/sqlite/sqlite-store.js';
import { generateSyntheticCatalog } from '../../dist-support/test/support/synthetic-catalog.js';
import { fmtMs, renderTable } from '../lib/format-table.js';
import {
  benchPostgresUrl,
  createSchema,
  dropSchema,
  postgresUnreachable,
} from '../lib/postgres-schema.js';

const SIZE = Number(process.env.BENCH_STORAGE_SIZE ?? 100_000);
const SEED = 1;
const SOURCE = 'dir:bench';

const log = (line) => process.stderr.write(`${line}\n`);

/** Throw unless `actual` is `expected`: a run whose data did not arrive measures nothing. */
function check(what, actual, expected) {
  if (actual !== expected) throw new Error(`${what}: ${actual}, expected ${expected}`);
}

async function timed(rows, label, run) {
  const started = performance.now();
  const result = await run();
  rows.push([label, fmtMs(performance.now() - started)]);
  return result;
}

async function measure(store, entities) {
  const rows = [['step', 'time']];
  const meta = { source: SOURCE, author: 'bench', at: new Date() };
  // Entities as a catalog directory declares them, each on its own lines of one file.
  const desired = entities.map((entity, i) => ({
    entity,
    origin: { file: 'catalog.yaml', line: 1 + i * 20 },
  }));
  const n = entities.length;
  await store.migrate();

  const empty = await store.loadSnapshot();
  const createPlan = computePlan(desired, empty.entities, SOURCE);
  const created = await timed(rows, `apply ${n} creates`, () =>
    store.applyPlan(createPlan, meta, empty.version),
  );
  check('created', created.created, n);

  const loaded = await timed(rows, 'loadAll', () => store.loadAll());
  check('loadAll size', loaded.size, n);
  const snapshot = await timed(rows, 'loadSnapshot', () => store.loadSnapshot());
  await timed(rows, 'count + version', async () => [await store.count(), await store.version()]);

  const noop = computePlan(desired, snapshot.entities, SOURCE);
  const unchanged = await timed(rows, 'apply no-op plan', () =>
    store.applyPlan(noop, meta, snapshot.version),
  );
  check('no-op applyId', unchanged.applyId, 0);

  const tenth = desired.map((d, i) =>
    i % 10 === 0 ? { ...d, entity: { ...d.entity, name: `${d.entity.name} (renamed)` } } : d,
  );
  const updatePlan = computePlan(tenth, snapshot.entities, SOURCE);
  await timed(rows, `apply ${updatePlan.changes.length} updates`, () =>
    store.applyPlan(updatePlan, meta, snapshot.version),
  );
  // The first entity: created, then renamed (two change records).
  const history = await timed(rows, 'history of one entity', () =>
    store.history({ entityId: entities[0].id }),
  );
  check('history records', history.length, 2);

  const current = await store.loadSnapshot();
  const deletePlan = computePlan([], current.entities, SOURCE);
  await timed(rows, `apply ${n} deletes`, () => store.applyPlan(deletePlan, meta, current.version));
  check('count after deletes', await store.count(), 0);
  return rows;
}

async function sqlite(entities) {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-storage-'));
  const store = createSqliteStore({ path: join(dir, 'bench.db') });
  try {
    return await measure(store, entities);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function postgres(entities, base) {
  const schema = `switchboard_bench_storage_${process.pid}`;
  const store = createPostgresStore({ connectionString: await createSchema(base, schema) });
  try {
    return await measure(store, entities);
  } finally {
    await store.close();
    await dropSchema(base, schema);
  }
}

const entities = generateSyntheticCatalog(SIZE, SEED);
const title = (db) => `${db} (${entities.length.toLocaleString('en-US')} entities)`;
log(`SQLite, ${entities.length} entities…`);
const tables = [renderTable(title('SQLite'), await sqlite(entities))];
const pgBase = benchPostgresUrl();
const pgDown = await postgresUnreachable(pgBase);
if (pgDown) {
  log(`PostgreSQL is unreachable (${pgDown}); its figures are skipped.`);
} else {
  log(`PostgreSQL, ${entities.length} entities…`);
  tables.push(renderTable(title('PostgreSQL'), await postgres(entities, pgBase)));
}
process.stdout.write(`\n${tables.join('\n\n')}\n`);
