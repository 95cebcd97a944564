/**
 * Whole-process command times, as a user times them: spawn the real `switchboard` binary (node
 * start, module loading, the work, and printing every finding) with its output going to a file, as
 * a terminal log or CI log would receive it, and time it from spawn to exit. Each command runs
 * RUNS times back to back; the median is the figure, with the load average as each run started.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';

const DEFAULT_RUNS = 3;
const TIMEOUT_MS = 5 * 60_000;

/** The CLI of the run's dist snapshot (bin/ sits beside dist/), else the repository's. */
export function switchboardBin() {
  const dist = process.env.BENCH_DIST;
  return dist
    ? join(dirname(dist), 'bin', 'switchboard.js')
    : new URL('../../bin/switchboard.js', import.meta.url).pathname;
}

function runOnce(args, outFile) {
  return new Promise((resolve, reject) => {
    const out = openSync(outFile, 'w');
    const loadAverage = loadavg().map((l) => Number(l.toFixed(2)));
    const started = performance.now();
    const child = spawn(process.execPath, [switchboardBin(), ...args], {
      stdio: ['ignore', out, out],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      closeSync(out);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      closeSync(out);
      resolve({ ms, exitCode: code ?? signal, outputBytes: statSync(outFile).size, loadAverage });
    });
  });
}

/**
 * Time `switchboard ...args` `runs` times; resolves to { ms (median), minMs, maxMs, runs,
 * outputBytes, loadAverage (as the median run started) }. A run that exits with another code than
 * `expectExit` is an error (its output file is named).
 */
export async function timeCommand(args, outFile, { runs = DEFAULT_RUNS, expectExit = 0 } = {}) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(args, outFile);
    if (r.exitCode !== expectExit) {
      throw new Error(`switchboard ${args.join(' ')} exited with ${r.exitCode}; see ${outFile}`);
    }
    results.push(r);
  }
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  const median = sorted[Math.floor(sorted.length / 2)];
  return {
    ms: median.ms,
    minMs: sorted[0].ms,
    maxMs: sorted[sorted.length - 1].ms,
    runs: results.map((r) => ({ ms: r.ms, loadAverage: r.loadAverage })),
    outputBytes: median.outputBytes,
    loadAverage: median.loadAverage,
  };
}
