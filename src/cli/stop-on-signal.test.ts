import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from './cli-io.js';
import { SAME_PRESS_MS, STOP_GRACE_MS, stopOnSignal } from './stop-on-signal.js';

describe('stopOnSignal', () => {
  let signals: EventEmitter;
  let lines: string[];
  let exits: number[];
  let io: CliIo;
  beforeEach(() => {
    vi.useFakeTimers();
    signals = new EventEmitter();
    lines = [];
    exits = [];
    io = { out: () => undefined, err: (line) => lines.push(line), data: () => undefined };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const options = () => ({ signals, exit: (code: number) => exits.push(code) });

  it('closes the server on the first signal and resolves to 0', async () => {
    let closed = 0;
    const done = stopOnSignal({ close: () => Promise.resolve(void closed++) }, io, options());
    signals.emit('SIGTERM');
    await expect(done).resolves.toBe(0);
    expect(closed).toBe(1);
    expect(lines).toEqual(['Received SIGTERM; shutting down.']);
    expect(exits).toEqual([]);
  });

  it('exits at once, 128 + the signal number, on a second signal', () => {
    void stopOnSignal({ close: () => new Promise(() => undefined) }, io, options());
    signals.emit('SIGINT');
    vi.advanceTimersByTime(SAME_PRESS_MS);
    signals.emit('SIGINT');
    expect(exits).toEqual([130]);
    expect(lines.at(-1)).toBe('Received SIGINT again; exiting now.');
  });

  it('takes one Ctrl-C delivered twice at once (terminal and npm) as one', async () => {
    let finish = () => undefined as void;
    const done = stopOnSignal(
      { close: () => new Promise<void>((resolve) => (finish = resolve)) },
      io,
      options(),
    );
    signals.emit('SIGINT');
    vi.advanceTimersByTime(5);
    signals.emit('SIGINT');
    finish();
    await expect(done).resolves.toBe(0);
    expect(exits).toEqual([]);
    expect(lines).toEqual(['Received SIGINT; shutting down.']);
  });

  it('exits 1 when the server has not stopped within the grace time', () => {
    void stopOnSignal({ close: () => new Promise(() => undefined) }, io, options());
    signals.emit('SIGTERM');
    vi.advanceTimersByTime(STOP_GRACE_MS - 1);
    expect(exits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatch(/^Did not stop within 1000 ms of SIGTERM; exiting anyway\.$/);
  });

  it('exits 0 when it stopped but something else holds the process', async () => {
    const done = stopOnSignal({ close: () => Promise.resolve() }, io, options());
    signals.emit('SIGTERM');
    await done;
    vi.advanceTimersByTime(STOP_GRACE_MS);
    expect(exits).toEqual([0]);
  });
});
