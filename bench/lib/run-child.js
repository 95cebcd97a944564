/**
 * Run one benchmark step in a fresh Node process, so that its peak RSS is its own and no garbage
 * from an earlier step biases it. The child sends exactly one IPC message, `{ ok, result | error }`.
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';

const DEFAULT_TIMEOUT_MS = 15 * 60_000;

/**
 * Fork `script` with `args`; resolve with the child's result plus `processMs` (fork to exit).
 * Rejects with the child's error message and the tail of its stderr.
 */
export function runChild(script, args, { timeoutMs = DEFAULT_TIMEOUT_MS, execArgv = [] } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const loadAverage = loadavg().map((l) => Number(l.toFixed(2)));
    const child = fork(script, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv });
    let stderr = '';
    let message;
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + String(chunk)).slice(-4000);
    });
    child.on('message', (m) => {
      message = m;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const processMs = performance.now() - started;
      if (message?.ok === true) resolve({ ...message.result, processMs, loadAverage });
      else {
        const why = message?.error ?? `exited with ${signal ?? code} and no result`;
        reject(new Error(`${script} ${args.join(' ')}: ${why}\n${stderr.trim()}`));
      }
    });
  });
}

/** In a child: run `body`, send its result (or its error) to the parent, and exit. */
export async function reportFromChild(body) {
  let message;
  try {
    message = { ok: true, result: await body() };
  } catch (error) {
    message = {
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  // Run by hand (e.g. under --cpu-prof): print the message instead.
  if (!process.send) {
    process.stdout.write(`${JSON.stringify(message, null, 2)}\n`);
    process.exit(message.ok ? 0 : 1);
  }
  // Exit once the message is out: an open pool or timer must not keep a finished step alive.
  process.send(message, () => process.exit(0));
}

/** CPU time (user + system) this process spent since `start` (a process.cpuUsage() value), in ms. */
export function cpuMsSince(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** The peak resident set size of this process so far, in bytes. */
export function peakRssBytes() {
  return process.resourceUsage().maxRSS * 1024;
}
