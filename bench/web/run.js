/**
 * `npm run bench:web`: the web UI's figures in the real browser (issue #4, "Fast"):
 *   - the initial JavaScript, gzipped (target < 250 KB), and the lazy graph chunk;
 *   - how long the home page takes to become interactive on loopback (target < 1 s), cold cache;
 *   - how long search results take to follow typing on a 10,000-entity catalog (target < 100 ms
 *     from each keystroke to the results for that text on screen);
 *   - how long the services list takes to show its first rows and all of them at that size.
 * Needs `npm run build` (dist/ and web/dist/) and Debian's chromium. Prints a table and writes
 * bench/results/web.json.
 *
 * Environment: BENCH_WEB_SIZE (default 10000), BENCH_WEB_RUNS (home loads, default 7),
 * CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { exportFiles } from '../../dist/catalog/export-catalog.js';
import { generateSyntheticCatalog } from '../../dist-support/test/support/synthetic-catalog.js';
import { startServer } from '../../dist/server/start-server.js';
import { fmtMs, renderTable } from '../lib/format-table.js';
import { machineInfo, runInfo } from '../lib/machine-info.js';

const here = (path) => new URL(path, import.meta.url).pathname;
const WEB_DIST = here('../../web/dist/');
const RESULTS = here('../results/web.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SIZE = Number(process.env.BENCH_WEB_SIZE ?? 10_000);
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 7);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** What a person types, one key at a time (words of the synthetic catalog's names). */
const TYPED = ['maple tracker', 'svc-onyx', 'host-0004', 'person-00012', 'raven mirror'];
const KEY_DELAY_MS = 120;

const log = (line) => process.stderr.write(`${line}\n`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs) => quantile(xs, 0.5);

function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The scripts index.html loads before anything else (entry and modulepreloads), gzipped. */
function bundleSizes() {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const gz = (file) => gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length;
  const initialJs = refs.filter((f) => f.endsWith('.js'));
  const css = refs.filter((f) => f.endsWith('.css'));
  const lazy = readdirAssets().filter((f) => f.endsWith('.js') && !initialJs.includes(f));
  return {
    initialJsFiles: initialJs,
    initialJsGzipBytes: initialJs.reduce((n, f) => n + gz(f), 0),
    cssGzipBytes: css.reduce((n, f) => n + gz(f), 0),
    lazyChunks: lazy.map((f) => ({ file: f, gzipBytes: gz(f) })),
  };
}

function readdirAssets() {
  return readdirSync(join(WEB_DIST, 'assets')).map((f) => `assets/${f}`);
}

/** The catalog as YAML, a thousand entities a file (exportFiles splits each slice by kind). */
async function writeCatalog(entities, dir) {
  const chunk = 1000;
  for (let start = 0; start < entities.length; start += chunk) {
    for (const file of exportFiles(entities.slice(start, start + chunk), 'yaml')) {
      const part = String(start / chunk).padStart(3, '0');
      await writeFile(join(dir, `${part}-${file.path}`), file.content);
    }
  }
}

/** Cold loads of the home page: ms from navigation start to interactive and to the summary. */
async function homeTimes(page, client, url) {
  const interactive = [];
  const summary = [];
  for (let i = 0; i < RUNS; i++) {
    await client.send('Network.clearBrowserCache');
    await page.goto(`${url}/`, { waitUntil: 'load' });
    await page.locator('.count-card').first().waitFor();
    const marks = await page.evaluate(`({
      interactive: performance.getEntriesByName('switchboard:interactive')[0]?.startTime,
      summary: performance.getEntriesByName('switchboard:summary')[0]?.startTime,
    })`);
    interactive.push(marks.interactive);
    summary.push(marks.summary);
  }
  return { interactive, summary };
}

/** Installed in the page: per keystroke, the time until the status line shows that text's results. */
const LATENCY_PROBE = `(() => {
  const input = document.getElementById('search-input');
  const status = document.querySelector('.search-status');
  window.__latency = { pending: [], done: [], superseded: 0 };
  const state = window.__latency;
  input.addEventListener('input', () => {
    const q = input.value.trim();
    if (q === '') return;
    state.superseded += state.pending.length;
    state.pending = [{ q, t: performance.now() }];
  }, true);
  new MutationObserver(() => {
    const text = status.textContent || '';
    state.pending = state.pending.filter((p) => {
      if (!text.endsWith('for \\u201c' + p.q + '\\u201d')) return true;
      state.done.push({ q: p.q, ms: performance.now() - p.t });
      return false;
    });
  }).observe(status, { childList: true, characterData: true, subtree: true });
})()`;

async function typingLatency(page, url) {
  const samples = [];
  let superseded = 0;
  for (const text of TYPED) {
    await page.goto(`${url}/`);
    await page.locator('#search-input').waitFor();
    await page.evaluate(LATENCY_PROBE);
    await page.locator('#search-input').pressSequentially(text, { delay: KEY_DELAY_MS });
    await page.waitForTimeout(600);
    const state = await page.evaluate('window.__latency');
    samples.push(...state.done.map((d) => d.ms));
    superseded += state.superseded + state.pending.length;
  }
  return { samples, superseded };
}

async function servicesList(page, url) {
  const started = Date.now();
  await page.goto(`${url}/services`);
  await page.locator('table.list-table tbody tr:not(.spacer)').first().waitFor();
  const firstRows = Date.now() - started;
  await page
    .locator('.list-status', { hasNotText: 'loading more' })
    .filter({ hasText: 'services' })
    .waitFor({ timeout: 120_000 });
  const allRows = Date.now() - started;
  const status = await page.locator('.list-status').innerText();
  const count = Number(/[\d,]+/.exec(status)?.[0].replaceAll(',', ''));
  return { firstRowsMs: firstRows, allRowsMs: allRows, rows: count };
}

async function main() {
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error('web/dist is missing: run npm run build first');
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const bundle = bundleSizes();

  const work = mkdtempSync(join(tmpdir(), 'switchboard-bench-web-'));
  const catalogDir = join(work, 'catalog');
  await mkdir(catalogDir);
  log(`generating and loading a ${SIZE.toLocaleString('en-US')}-entity synthetic catalog…`);
  await writeCatalog(generateSyntheticCatalog(SIZE), catalogDir);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${join(work, 'bench.db')}`,
    catalogDir,
    log: () => undefined,
  });
  const profile = mkdtempSync(join(tmpdir(), 'switchboard-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const home = await page.goto(server.url);
    if (!(home?.headers()['content-type'] ?? '').startsWith('text/html')) {
      throw new Error(
        'the server does not serve the web UI at / (createApp must mount webRoutes())',
      );
    }
    const client = await context.newCDPSession(page);
    log('home page, cold cache…');
    const homeRuns = await homeTimes(page, client, server.url);
    log('typing into search…');
    const typing = await typingLatency(page, server.url);
    log('services list…');
    const list = await servicesList(page, server.url);

    const results = {
      when: new Date().toISOString(),
      machine: machineInfo(),
      run: runInfo(),
      catalogEntities: SIZE,
      bundle,
      home: {
        runs: RUNS,
        interactiveMs: homeRuns.interactive,
        summaryMs: homeRuns.summary,
        interactiveMedianMs: median(homeRuns.interactive),
        summaryMedianMs: median(homeRuns.summary),
      },
      search: {
        typed: TYPED,
        keyDelayMs: KEY_DELAY_MS,
        keystrokesMeasured: typing.samples.length,
        superseded: typing.superseded,
        medianMs: median(typing.samples),
        p95Ms: quantile(typing.samples, 0.95),
        maxMs: Math.max(...typing.samples),
      },
      servicesList: list,
      targets: { initialJsGzipBytes: 250 * 1024, homeInteractiveMs: 1000, searchP95Ms: 100 },
    };
    const graph = bundle.lazyChunks.reduce((n, c) => n + c.gzipBytes, 0);
    const ok = (value, target) => (value <= target ? 'ok' : 'MISSED');
    process.stdout.write(
      `${renderTable(
        `Web UI (${SIZE.toLocaleString('en-US')} entities, loopback, headless Chromium)`,
        [
          ['measure', 'value', 'target', ''],
          [
            'initial JS (gzip)',
            kb(bundle.initialJsGzipBytes),
            '< 250 KB',
            ok(bundle.initialJsGzipBytes, 250 * 1024),
          ],
          ['CSS (gzip)', kb(bundle.cssGzipBytes), '', ''],
          ['lazy chunks: graph (gzip)', kb(graph), '', ''],
          [
            'home interactive (median, cold)',
            fmtMs(results.home.interactiveMedianMs),
            '< 1 s',
            ok(results.home.interactiveMedianMs, 1000),
          ],
          ['home with summary (median)', fmtMs(results.home.summaryMedianMs), '', ''],
          ['search after keystroke (median)', fmtMs(results.search.medianMs), '', ''],
          [
            'search after keystroke (p95)',
            fmtMs(results.search.p95Ms),
            '< 100 ms',
            ok(results.search.p95Ms, 100),
          ],
          ['search after keystroke (max)', fmtMs(results.search.maxMs), '', ''],
          [`services list: first rows`, fmtMs(list.firstRowsMs), '', ''],
          [
            `services list: all ${list.rows.toLocaleString('en-US')} rows`,
            fmtMs(list.allRowsMs),
            '',
            '',
          ],
        ],
      )}\n`,
    );
    await mkdir(here('../results/'), { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${RESULTS}`);
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
