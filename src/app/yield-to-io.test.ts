import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { yieldToIo } from './yield-to-io.js';

const CLIENTS = 20;

/** Hold the event loop for `ms`, as one slice of background work does. */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/**
 * Background work in 10 ms slices, with `yieldToIo` between them, while another process opens
 * CLIENTS connections at once: in which slice each connection was accepted.
 */
async function acceptedInSlices(): Promise<number[]> {
  let slice = 0;
  const accepted: number[] = [];
  const server = createServer((socket) => {
    accepted.push(slice);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clients = spawn(
    process.execPath,
    [
      '-e',
      `const net = require('node:net');
       for (let i = 0; i < ${CLIENTS}; i++) net.connect(${port}, '127.0.0.1').on('error', () => {});
       setTimeout(() => {}, 10000);`,
    ],
    { stdio: 'ignore' },
  );
  try {
    // Bounded: at most 2,000 slices (20 s), whatever happens.
    for (; slice < 2_000 && accepted.length < CLIENTS; slice++) {
      work(10);
      await yieldToIo(1_000);
    }
  } finally {
    clients.kill();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return accepted;
}

describe('yieldToIo', () => {
  it('lets every waiting connection in before the background work goes on', async () => {
    // One turn of the event loop accepts one connection: with a single turn between slices,
    // twenty connections arriving together wait for twenty slices.
    const accepted = await acceptedInSlices();
    expect(accepted).toHaveLength(CLIENTS);
    const first = accepted[0] ?? 0;
    const last = accepted[CLIENTS - 1] ?? 0;
    expect(last - first).toBeLessThanOrEqual(2);
  });

  it('comes back after one quiet turn when nothing waits, and stops at maxAwayMs', async () => {
    // Nothing waits: the first quiet turn ends the pause, long before maxAwayMs.
    const quiet = await yieldToIo(10_000);
    expect(quiet).toBeLessThan(5_000);
    // Work on every turn (1 ms): no turn is quiet, and 64 turns outlast maxAwayMs, which ends it.
    let busy = true;
    const spin = (): void => {
      work(1);
      if (busy) setImmediate(spin);
    };
    setImmediate(spin);
    try {
      const away = await yieldToIo(30);
      expect(away).toBeGreaterThanOrEqual(30);
    } finally {
      busy = false;
    }
  });
});
