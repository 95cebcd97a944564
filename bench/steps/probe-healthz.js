/**
 * Child step: GET URL/healthz on one keep-alive connection, one request every INTERVAL_MS
 * (the next one at once when an answer took longer), until the parent sends `stop`; then send
 * the latencies (ms, sub-millisecond resolution) and exit. Its own process, so that the load
 * generator's work does not delay the probe's clock.
 *
 *   node bench/steps/probe-healthz.js URL INTERVAL_MS
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const [url, intervalText] = process.argv.slice(2);
const interval = Number(intervalText ?? 10);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const times = [];
let failures = 0;
let stopping = false;

process.on('message', (m) => {
  if (m?.type === 'stop') stopping = true;
});

function get() {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(`${url}/healthz`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200 ? performance.now() - started : -1));
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on('error', () => resolve(-1));
    req.end();
  });
}

process.send({ type: 'probing' });
// Bounded: at most 10 minutes of probing.
const deadline = performance.now() + 600_000;
while (!stopping && performance.now() < deadline) {
  const started = performance.now();
  const ms = await get();
  if (ms < 0) failures++;
  else times.push(ms);
  const wait = interval - (performance.now() - started);
  if (wait > 0) await sleep(wait);
}
times.sort((a, b) => a - b);
const pick = (p) =>
  times.length === 0 ? NaN : times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)];
process.send(
  {
    type: 'probed',
    requests: times.length,
    failures,
    p50Ms: pick(0.5),
    p99Ms: pick(0.99),
    maxMs: times.length === 0 ? NaN : times[times.length - 1],
  },
  () => process.exit(0),
);
