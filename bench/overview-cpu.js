/**
 * By hand, not part of `npm run bench`: the CPU time of generating the overview page, apart from
 * loading the catalog and building the index.
 *
 *   node bench/overview-cpu.js DATABASE [FORMAT,...] [REPEAT]
 *
 * Loads DATABASE (sqlite:PATH, a path or postgres://...) once, builds the index, then writes each
 * format (default md,rst,html) into chunks as the server does, REPEAT times (default 1), printing
 * per run the CPU and wall milliseconds, the bytes and the sha256 of the page. The first run of a
 * process is the uncached one (the name order is kept per index revision). BENCH_DIST=path/to/dist
 * measures another build (e.g. a copy of dist/ made before a change).
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { importDist } from './lib/dist-snapshot.js';

const { openStore } = await importDist('storage/open-store.js');
const { CatalogIndex } = await importDist('core/answers/catalog-index.js');
const { writeOverview } = await importDist('core/answers/overview/render-overview.js');
const { runToEnd } = await importDist('core/sliced.js');
const { ChunkSink } = await importDist('server/chunked-body.js');

const [database, formatList = 'md,rst,html', repeatArg = '1'] = process.argv.slice(2);
if (database === undefined) {
  console.error('usage: node bench/overview-cpu.js DATABASE [FORMAT,...] [REPEAT]');
  process.exit(2);
}

const cpuMs = (since) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

const store = await openStore(database);
const snapshot = await store.loadSnapshot();
await store.close();
let cpu0 = process.cpuUsage();
let t0 = performance.now();
const index = CatalogIndex.build([...snapshot.entities.values()].map((s) => s.entity));
console.log(
  `index: ${index.size} entities, ${cpuMs(cpu0).toFixed(0)} ms CPU, ${(performance.now() - t0).toFixed(0)} ms`,
);

for (let run = 0; run < Number(repeatArg); run++) {
  for (const format of formatList.split(',')) {
    cpu0 = process.cpuUsage();
    t0 = performance.now();
    const sink = new ChunkSink();
    runToEnd(writeOverview(index, format, sink.write));
    const body = sink.finish();
    const cpu = cpuMs(cpu0);
    const wall = performance.now() - t0;
    const hash = createHash('sha256');
    for (const chunk of body.chunks) hash.update(chunk);
    console.log(
      `${format}: ${cpu.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms, ${body.bytes} bytes, sha256 ${hash.digest('hex').slice(0, 16)}`,
    );
  }
}
