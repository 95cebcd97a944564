/**
 * `npm run bench`: Switchboard's benchmarks on synthetic catalogs (issue #2 "Benchmarks", issue #3
 * "Fast read path"). For each size: validate, apply and no-op re-apply into SQLite and PostgreSQL,
 * each in a fresh process; then the HTTP read path against a server in its own process.
 * Prints one table per group and writes bench/results/bench-<date>.json and latest.json.
 *
 * Environment: BENCH_SIZES=1000,10000 (default 1000,10000,100000), BENCH_DURATION (seconds per
 * route, default 5), BENCH_CONNECTIONS (default 10), BENCH_DATABASE_URL (PostgreSQL; default
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test), BENCH_KEEP=1 keeps the
 * generated catalogs and databases.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distHash, snapshotDist } from './lib/dist-snapshot.js';
import { machineInfo, runInfo } from './lib/machine-info.js';
import {
  benchPostgresUrl,
  createSchema,
  dropSchema,
  postgresUnreachable,
} from './lib/postgres-schema.js';
import { measureReadPath, measureStartup } from './lib/read-path.js';
import { coreTable, readTable, verdicts } from './lib/report.js';
import { runChild } from './lib/run-child.js';
import { timeCommand } from './lib/whole-process.js';

const here = (path) => new URL(path, import.meta.url).pathname;
const PREPARE = here('./steps/prepare-catalog.js');
const CORE_STEP = here('./steps/core-step.js');
const RESULTS = here('./results/');
/** The source the core steps apply as (core-step.js). */
const BENCH_SOURCE = 'bench';

const log = (line) => process.stderr.write(`${line}\n`);

function parseSizes(text) {
  const sizes = (text ?? '1000,10000,100000')
    .split(',')
    .map((s) => Number(s.trim().replaceAll('_', '')))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (sizes.length === 0) throw new Error(`BENCH_SIZES="${text}" names no size`);
  return sizes;
}

async function coreSteps(dir, sqliteUrl, pgUrl) {
  log('  validate');
  const validate = await runChild(CORE_STEP, ['validate', dir]);
  log('  apply and re-apply into SQLite');
  const sqlite = {
    apply: await runChild(CORE_STEP, ['apply', dir, sqliteUrl]),
    reapply: await runChild(CORE_STEP, ['apply', dir, sqliteUrl]),
  };
  let postgres;
  if (pgUrl) {
    log('  apply and re-apply into PostgreSQL');
    postgres = {
      apply: await runChild(CORE_STEP, ['apply', dir, pgUrl]),
      reapply: await runChild(CORE_STEP, ['apply', dir, pgUrl]),
    };
  }
  for (const r of [sqlite.reapply, postgres?.reapply]) {
    if (r && !r.noop) throw new Error('a re-apply of an unchanged catalog was not a no-op');
  }
  return { validate, sqlite, ...(postgres ? { postgres } : {}) };
}

/**
 * The same commands as a user times them: the real CLI as a whole process, its output (every
 * finding) written to a file. Run after coreSteps, so that the re-applies are no-ops.
 */
async function wholeProcessSteps(dir, work, sqliteUrl, pgUrl) {
  const out = (name) => join(work, `${name}.out`);
  const apply = (url) => ['apply', dir, '--database', url, '--source', BENCH_SOURCE];
  log('  whole process: switchboard validate');
  const validate = await timeCommand(['validate', dir], out('validate'));
  log('  whole process: switchboard apply (no-op) into SQLite');
  const sqlite = { reapply: await timeCommand(apply(sqliteUrl), out('reapply-sqlite')) };
  let postgres;
  if (pgUrl) {
    log('  whole process: switchboard apply (no-op) into PostgreSQL');
    postgres = { reapply: await timeCommand(apply(pgUrl), out('reapply-postgres')) };
  }
  return { validate, sqlite, ...(postgres ? { postgres } : {}) };
}

async function benchSize(n, work, pg, options) {
  log(`\n== ${n.toLocaleString('en-US')} entities`);
  const dir = join(work, `catalog-${n}`);
  const prepared = await runChild(PREPARE, [String(n), dir]);
  log(`  generated ${prepared.files} files, ${(prepared.bytes / 1e6).toFixed(1)} MB`);
  const sqliteUrl = `sqlite:${join(work, `bench-${n}.db`)}`;
  const schema = `switchboard_bench_${process.pid}_${n}`;
  const pgUrl = pg.reachable ? await createSchema(pg.url, schema) : undefined;
  try {
    const core = await coreSteps(dir, sqliteUrl, pgUrl);
    core.wholeProcess = await wholeProcessSteps(dir, work, sqliteUrl, pgUrl);
    log('  read path on SQLite');
    const read = { sqlite: await measureReadPath(sqliteUrl, prepared, options, log) };
    if (pgUrl) {
      log('  server start-up on PostgreSQL');
      read.postgres = await measureStartup(pgUrl);
    }
    const { queries: _queries, ...catalog } = prepared;
    return { n, catalog, core, read };
  } finally {
    if (pgUrl && !options.keep) await dropSchema(pg.url, schema);
  }
}

async function main() {
  const options = {
    sizes: parseSizes(process.env.BENCH_SIZES),
    durationSec: Number(process.env.BENCH_DURATION ?? 5),
    warmupSec: 1,
    aloneSec: 2,
    connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
    keep: process.env.BENCH_KEEP === '1',
  };
  const pgBase = benchPostgresUrl();
  const pgDown = await postgresUnreachable(pgBase);
  const pg = { url: pgBase, reachable: pgDown === undefined };
  if (pgDown) log(`PostgreSQL is unreachable (${pgDown}); its figures are skipped.`);
  const work = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
  process.env.BENCH_DIST = await snapshotDist(work);
  const run = {
    startedAt: new Date().toISOString(),
    ...runInfo(),
    distHash: await distHash(process.env.BENCH_DIST),
    machine: machineInfo(),
    options,
  };
  run.postgres = pg.reachable ? { reachable: true } : { reachable: false, reason: pgDown };
  run.sizes = [];
  try {
    for (const n of options.sizes) run.sizes.push(await benchSize(n, work, pg, options));
  } finally {
    if (options.keep) log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  run.finishedAt = new Date().toISOString();
  run.loadAverageAtEnd = machineInfo().loadAverage;
  run.verdicts = verdicts(run);

  const tables = [coreTable(run), ...run.sizes.map((s) => readTable(s, options))];
  process.stdout.write(`\n${tables.join('\n\n')}\n`);
  const missed = run.verdicts.filter((v) => v.verdict === 'MISS');
  process.stdout.write(
    `\n${missed.length === 0 ? 'Every target met.' : `${missed.length} target(s) missed.`}\n`,
  );
  await mkdir(RESULTS, { recursive: true });
  const text = `${JSON.stringify(run, null, 2)}\n`;
  const stamp = run.startedAt.replace(/[:.]/g, '-');
  await writeFile(join(RESULTS, `bench-${stamp}.json`), text);
  await writeFile(join(RESULTS, 'latest.json'), text);
  log(`\nwrote bench/results/bench-${stamp}.json and bench/results/latest.json`);
}

await main();
