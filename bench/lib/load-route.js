/**
 * Drive one route with autocannon over loopback for a bounded time, cycling through the given
 * paths (one per request), and measure latency at sub-millisecond resolution (autocannon's own
 * histogram counts whole milliseconds; its figures are kept alongside as `autocannon`).
 * Requests say `Accept-Encoding: gzip`, as browsers and HTTP libraries do: the server sends its
 * large kept answers compressed to such clients.
 */
import autocannon from 'autocannon';

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank];
}

function fire({ url, paths, connections, durationSec, timeoutSec, onResponse }) {
  let next = 0;
  const instance = autocannon({
    url,
    connections,
    duration: durationSec,
    timeout: timeoutSec,
    headers: { 'accept-encoding': 'gzip' },
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }),
      },
    ],
  });
  if (onResponse) instance.on('response', onResponse);
  return instance;
}

/**
 * Warm the route up for `warmupSec` (not measured), then load it for `durationSec`.
 * Returns latency percentiles (ms), requests/s, response sizes and failures.
 */
export async function loadRoute({
  url,
  paths,
  connections = 10,
  durationSec = 5,
  warmupSec = 1,
  timeoutSec = 30,
}) {
  if (warmupSec > 0) await fire({ url, paths, connections, durationSec: warmupSec, timeoutSec });
  let times = new Float64Array(1 << 16);
  let count = 0;
  const result = await fire({
    url,
    paths,
    connections,
    durationSec,
    timeoutSec,
    onResponse: (_client, status, _bytes, ms) => {
      if (status < 200 || status >= 300) return;
      if (count === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      times[count++] = ms;
    },
  });
  const sorted = times.slice(0, count).sort();
  const seconds = result.duration;
  return {
    connections,
    durationSec: seconds,
    requests: count,
    requestsPerSec: count / seconds,
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    maxMs: count > 0 ? sorted[count - 1] : NaN,
    meanMs: count > 0 ? sorted.reduce((a, b) => a + b, 0) / count : NaN,
    bytesPerResponse: count > 0 ? result.throughput.total / count : 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    distinctPaths: paths.length,
    autocannon: {
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requestsPerSec: result.requests.average,
    },
  };
}
