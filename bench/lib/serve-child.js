/**
 * Start Switchboard's server in a child process (bench/steps/serve-catalog.js) and time its
 * start-up: from spawning the process to the first `200` from /readyz.
 */
import { fork } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';

const SERVE_SCRIPT = new URL('../steps/serve-catalog.js', import.meta.url).pathname;
const START_TIMEOUT_MS = 5 * 60_000;

/** GET `url`; resolves with the status and the body as text. */
export function httpGet(url, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

function nextMessage(child, type) {
  return new Promise((resolve, reject) => {
    const onMessage = (m) => {
      if (m?.type === type) done(() => resolve(m));
      else if (m?.type === 'failed') done(() => reject(new Error(`server failed: ${m.error}`)));
    };
    const onExit = (code) => done(() => reject(new Error(`server exited (${code}) early`)));
    const timer = setTimeout(
      () => done(() => reject(new Error(`no ${type} from the server`))),
      START_TIMEOUT_MS,
    );
    const done = (settle) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/**
 * A running server child: `url`, `startupMs` (spawn to /readyz OK), `listeningMs` (its own
 * clock, process start to listening), `memory()` and `stop()`.
 */
export async function startServerChild(databaseUrl, execArgv = []) {
  const started = performance.now();
  const child = fork(SERVE_SCRIPT, [databaseUrl], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: ['--expose-gc', ...execArgv],
  });
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr = (stderr + String(c)).slice(-4000);
  });
  let listening;
  try {
    listening = await nextMessage(child, 'listening');
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${stderr.trim()}`);
  }
  for (;;) {
    const ready = await httpGet(`${listening.url}/readyz`).catch(() => undefined);
    if (ready?.status === 200) break;
    await sleep(10);
  }
  const startupMs = performance.now() - started;
  return {
    url: listening.url,
    pid: child.pid,
    entities: listening.entities,
    listeningMs: listening.listeningMs,
    startupMs,
    /**
     * The server's event-loop delay since the last reset (`maxMs`: the longest it was held,
     * `p99Ms`, `meanMs`), measured inside it; `reset` starts a new measurement.
     */
    async loopDelay(reset = false) {
      const reply = nextMessage(child, 'loop-delay');
      child.send({ type: 'loop-delay', reset });
      const { maxMs, p99Ms, meanMs, samples } = await reply;
      return { maxMs, p99Ms, meanMs, samples };
    },
    /** RSS and heap now; with `collect`, after a full garbage collection. */
    async memory(collect = false) {
      const reply = nextMessage(child, 'memory');
      child.send({ type: 'memory', collect });
      const { rss, heapUsed, peakRss } = await reply;
      return { rss, heapUsed, peakRss };
    },
    /** The longest event-loop block (ms) since the last reset, and the version served. */
    async loop(reset = false) {
      const reply = nextMessage(child, 'loop');
      child.send({ type: 'loop', reset });
      const { maxMs, version } = await reply;
      return { maxMs, version };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
