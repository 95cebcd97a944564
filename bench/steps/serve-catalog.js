/**
 * Child step: Switchboard's server on a database that already holds the catalog, on a free
 * loopback port. Sends `{ url, entities, listeningMs }` once listening, then answers `memory`
 * messages with its RSS (after a full collection when asked, under --expose-gc) and
 * `loop-delay` messages with the longest event-loop delay since the last reset
 * (perf_hooks.monitorEventLoopDelay, measured in this process), until `stop`.
 *
 *   node bench/steps/serve-catalog.js DATABASE_URL
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { importDist } from '../lib/dist-snapshot.js';
import { peakRssBytes } from '../lib/run-child.js';

const { startServer } = await importDist('server/start-server.js');

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: process.argv[2],
  loadBundledWhenEmpty: false,
  log: () => undefined,
}).catch((error) => {
  process.send({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

// Since this process started (performance's time origin), module loading included.
const listeningMs = performance.now();
process.send({
  type: 'listening',
  url: server.url,
  entities: server.runtime.index.size,
  listeningMs,
});
// The server's own event loop, watched from inside: the longest time it was held (the benches
// reset the histogram before a step and read it after; 1 ms sampling). `loop` (catch-up bench)
// also tells the catalog version the server answers from.
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
const ms = (ns) => ns / 1e6;

process.on('message', (message) => {
  if (message?.type === 'loop') {
    process.send({ type: 'loop', maxMs: ms(loop.max), version: server.runtime.version });
    if (message.reset === true) loop.reset();
  } else if (message?.type === 'loop-delay') {
    process.send({
      type: 'loop-delay',
      maxMs: ms(loop.max),
      p99Ms: ms(loop.percentile(99)),
      meanMs: ms(loop.mean),
      samples: loop.count,
    });
    if (message.reset === true) loop.reset();
  } else if (message?.type === 'memory') {
    // With --expose-gc, `collect` first frees the garbage: what is left is what the server keeps.
    if (message.collect === true && typeof globalThis.gc === 'function') globalThis.gc();
    const { rss, heapUsed } = process.memoryUsage();
    process.send({ type: 'memory', rss, heapUsed, peakRss: peakRssBytes() });
  } else if (message?.type === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
