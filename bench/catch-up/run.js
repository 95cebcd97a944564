/**
 * `npm run bench:catch-up`: how a server catches up with a write made by another process (issue
 * 8, "Readers never see half an apply"), on SQLite and on PostgreSQL. For each database:
 *   1. a catalog of N entities (default 50,000) is applied by the CLI, and a server started on it
 *      in its own process (bench/steps/serve-catalog.js);
 *   2. 20 readers (GET /api/v1/entities?kind=Host&limit=500 and GET /api/v1/entities/ID, each
 *      reader one request at a time) run for a few seconds: the steady state (longest request,
 *      RSS);
 *   3. the CLI, in another process, applies a version of the catalog that changes every entity,
 *      while the readers go on; the server's peak RSS is reset (/proc/PID/clear_refs) as it starts;
 *   4. catch-up time: from the CLI's exit (its transaction committed just before) to the first
 *      answer carrying the new version's ETag. Longest request: of the requests in flight during
 *      the catch-up. Longest event-loop block: the server's own monitorEventLoopDelay over the
 *      apply and the catch-up. Peak RSS: the server's VmHWM since the reset.
 * Targets (issue 8, at 50,000 entities): catch-up < 10 s with 20 readers, no request waiting more
 * than 100 ms for it (longest request while catching up < steady-state longest + 100 ms, and no
 * event-loop block over 100 ms), peak RSS < 1.5 × steady state. Needs `npm run build`. Prints a
 * table and writes bench/results/catch-up.json.
 *
 * Environment: BENCH_CATCH_UP_SIZE (default 50000), BENCH_CATCH_UP_READERS (default 20),
 * BENCH_DATABASE_URL (PostgreSQL; default TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test; skipped with a note when it does not answer).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fmtMiB, fmtMs, renderTable } from '../lib/format-table.js';
import { machineInfo, runInfo } from '../lib/machine-info.js';
import {
  benchPostgresUrl,
  createSchema,
  dropSchema,
  postgresUnreachable,
} from '../lib/postgres-schema.js';
import { httpGet, startServerChild } from '../lib/serve-child.js';
import { verdict } from '../lib/targets.js';

const here = (path) => new URL(path, import.meta.url).pathname;
const BIN = here('../../bin/switchboard.js');
const RESULTS = here('../results/catch-up.json');
const SIZE = Number(process.env.BENCH_CATCH_UP_SIZE ?? 50_000);
const READERS = Number(process.env.BENCH_CATCH_UP_READERS ?? 20);
const STEADY_MS = 4_000;
const CATCH_UP_LIMIT_MS = 60_000;
const TARGETS = { catchUpMs: 10_000, extraWaitMs: 100, loopBlockMs: 100, rssRatio: 1.5 };
const SOURCE = 'bench:catch-up';

const { exportFiles } = await import('../../dist/catalog/export-catalog.js');
const { generateSyntheticCatalog } =
  await import('../../dist-support/test/support/synthetic-catalog.js');

const log = (line) => process.stderr.write(`${line}\n`);

/** The catalog as YAML files of 1,000 entities; every name ends with its generation. */
async function writeGeneration(dir, entities, g) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const marked = entities.map((e) => ({ ...e, name: `${e.name} g${g}` }));
  for (let start = 0; start < marked.length; start += 1_000) {
    for (const file of exportFiles(marked.slice(start, start + 1_000), 'yaml')) {
      await writeFile(join(dir, `${start / 1_000}-${file.path}`), file.content);
    }
  }
}

/** The real CLI applying DIR; resolves when the process has exited (its write committed). */
function cliApply(dir, databaseUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'apply', dir, '--source', SOURCE], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr = (stderr + String(c)).slice(-2_000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now())
        : reject(new Error(`apply exited ${code}: ${stderr}`)),
    );
  });
}

const vmHwm = (pid) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
const vmRss = (pid) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;
/** Reset the peak RSS the kernel reports (Linux ≥ 4.0); false when not allowed. */
function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** 20 readers, each one request at a time, until stop(); every request recorded. */
function startReaders(url, ids) {
  const requests = [];
  let stopped = false;
  const paths = [
    '/api/v1/entities?kind=Host&limit=500',
    ...ids.map((id) => `/api/v1/entities/${encodeURIComponent(id)}`),
  ];
  const reader = async (r) => {
    // Bounded: at most this many requests per reader, whatever happens.
    for (let i = 0; i < 200_000 && !stopped; i++) {
      const path = i % 2 === 0 ? paths[0] : paths[1 + ((r + i) % (paths.length - 1))];
      const start = performance.now();
      const res = await httpGet(`${url}${path}`, 30_000);
      const end = performance.now();
      requests.push({ start, end, status: res.status, version: versionOf(res) });
    }
  };
  const done = Promise.all(Array.from({ length: READERS }, (_, r) => reader(r)));
  return {
    requests,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

/** The generation in the answer's names ("… g2" → 2), or -1 when they disagree. */
function versionOf(res) {
  const found = new Set(res.body.match(/ g\d+"/g) ?? []);
  return found.size === 1 ? Number([...found][0].slice(2, -1)) : -1;
}

async function measure(label, databaseUrl, dir, entities, ids) {
  log(`\n== ${label}`);
  await writeGeneration(dir, entities, 1);
  log('  apply generation 1 (CLI)');
  await cliApply(dir, databaseUrl);
  const server = await startServerChild(databaseUrl);
  try {
    log(`  server up in ${fmtMs(server.startupMs)}; ${READERS} readers, steady state`);
    const readers = startReaders(server.url, ids);
    await sleep(STEADY_MS);
    const steadyRss = vmRss(server.pid);
    const steadyEnd = performance.now();
    await writeGeneration(dir, entities, 2);
    const peakReset = resetPeakRss(server.pid);
    await server.loop(true);
    log('  apply generation 2 (CLI, every entity changes) while the readers go on');
    const applyStart = performance.now();
    const committed = await cliApply(dir, databaseUrl);
    let caughtUp;
    for (let i = 0; i < CATCH_UP_LIMIT_MS / 20 && caughtUp === undefined; i++) {
      caughtUp = readers.requests.find((r) => r.start >= committed && r.version === 2)?.end;
      if (caughtUp === undefined) await sleep(20);
    }
    const loop = await server.loop(true);
    const peakRss = peakReset ? vmHwm(server.pid) : NaN;
    await sleep(500);
    await readers.stop();
    const all = readers.requests;
    const longest = (list) => Math.max(0, ...list.map((r) => r.end - r.start));
    const steady = all.filter((r) => r.end <= steadyEnd);
    const during = all.filter((r) => r.end >= committed && r.start <= (caughtUp ?? Infinity));
    const mixed = all.filter((r) => r.status !== 200 || r.version === -1).length;
    return {
      label,
      entities: server.entities,
      readers: READERS,
      requests: all.length,
      mixedOrFailed: mixed,
      applyMs: committed - applyStart,
      catchUpMs: caughtUp === undefined ? NaN : caughtUp - committed,
      steadyLongestMs: longest(steady),
      catchUpLongestMs: longest(during),
      loopBlockMs: loop.maxMs,
      steadyRss,
      peakRss,
    };
  } finally {
    await server.stop();
  }
}

function table(results) {
  const rows = [['measure', 'target', ...results.map((r) => r.label), 'verdict']];
  const row = (name, target, pick, judge) =>
    rows.push([
      name,
      target,
      ...results.map(pick),
      results.map(judge).every((v) => v === 'PASS') ? 'PASS' : 'MISS',
    ]);
  row(
    'catch-up (CLI exit → first answer of the new version)',
    '< 10 s',
    (r) => fmtMs(r.catchUpMs),
    (r) => verdict(r.catchUpMs, TARGETS.catchUpMs),
  );
  row(
    'longest request while catching up (steady state)',
    '< steady + 100 ms',
    (r) => `${fmtMs(r.catchUpLongestMs)} (${fmtMs(r.steadyLongestMs)})`,
    (r) => verdict(r.catchUpLongestMs - r.steadyLongestMs, TARGETS.extraWaitMs),
  );
  row(
    'longest event-loop block, apply + catch-up',
    '< 100 ms',
    (r) => fmtMs(r.loopBlockMs),
    (r) => verdict(r.loopBlockMs, TARGETS.loopBlockMs),
  );
  row(
    'peak RSS while catching up (steady state)',
    '< 1.5 × steady',
    (r) =>
      `${fmtMiB(r.peakRss)} (${fmtMiB(r.steadyRss)}, ×${(r.peakRss / r.steadyRss).toFixed(2)})`,
    (r) => verdict(r.peakRss / r.steadyRss, TARGETS.rssRatio),
  );
  row(
    'answers mixing versions, or failed',
    '0',
    (r) => `${r.mixedOrFailed} of ${r.requests}`,
    (r) => (r.mixedOrFailed === 0 ? 'PASS' : 'MISS'),
  );
  return renderTable(
    `Catch-up with a write by another process: ${SIZE.toLocaleString('en-US')} entities, every one changed, ${READERS} readers`,
    rows,
  );
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'switchboard-catch-up-'));
  const run = { startedAt: new Date().toISOString(), ...runInfo(), machine: machineInfo() };
  const entities = generateSyntheticCatalog(SIZE, 3);
  const ids = entities.filter((_, i) => i % Math.ceil(SIZE / 200) === 0).map((e) => e.id);
  run.results = [];
  try {
    run.results.push(
      await measure(
        'SQLite',
        `sqlite:${join(work, 'catch-up.db')}`,
        join(work, 'c'),
        entities,
        ids,
      ),
    );
    const pgBase = benchPostgresUrl();
    const down = await postgresUnreachable(pgBase);
    if (down) log(`PostgreSQL is unreachable (${down}); its figures are skipped.`);
    else {
      const schema = `switchboard_catch_up_${process.pid}`;
      const url = await createSchema(pgBase, schema);
      try {
        run.results.push(await measure('PostgreSQL', url, join(work, 'c'), entities, ids));
      } finally {
        await dropSchema(pgBase, schema);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  run.finishedAt = new Date().toISOString();
  run.loadAverageAtEnd = machineInfo().loadAverage;
  process.stdout.write(`\n${table(run.results)}\n`);
  process.stdout.write(`load average at the end: ${run.loadAverageAtEnd.join(', ')}\n`);
  await mkdir(here('../results/'), { recursive: true });
  await writeFile(RESULTS, `${JSON.stringify(run, null, 2)}\n`);
  log('wrote bench/results/catch-up.json');
}

await main();
