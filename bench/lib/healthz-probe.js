/**
 * /healthz latency while something else loads the server: a child process
 * (bench/steps/probe-healthz.js) asks every 10 ms on one connection until stopped.
 */
import { fork } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';

const PROBE = new URL('../steps/probe-healthz.js', import.meta.url).pathname;

function message(child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} from the probe`)), timeoutMs);
    const onMessage = (m) => {
      if (m?.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the probe exited before ${type}`));
    });
  });
}

/** Start probing `url`; `stop()` resolves with { requests, failures, p50Ms, p99Ms, maxMs }. */
export async function startHealthzProbe(url, intervalMs = 10) {
  const child = fork(PROBE, [url, String(intervalMs)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await message(child, 'probing', 30_000);
  return {
    async stop() {
      const done = message(child, 'probed', 60_000);
      child.send({ type: 'stop' });
      const { type: _type, ...figures } = await done;
      return figures;
    },
  };
}
