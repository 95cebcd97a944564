import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import type { Sliced } from '../core/sliced.js';
import { SliceScheduler } from './slice-scheduler.js';

/** Work whose every step takes about `stepMs` and is logged. */
function* steps(name: string, count: number, log: string[], stepMs: number): Sliced<string> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + stepMs;
    while (performance.now() < until) {
      // busy, as real work is
    }
    log.push(name);
    yield;
  }
  return `${name} done`;
}

describe('the slice scheduler', () => {
  it('lets other callbacks run between turns', async () => {
    const scheduler = new SliceScheduler(2);
    const log: string[] = [];
    const done = scheduler.run(
      (function* () {
        const work = steps('work', 40, log, 1);
        work.next();
        // Queued once the work has started: it runs before the work ends only if the work yields.
        setImmediate(() => log.push('other'));
        return yield* work;
      })(),
    );
    expect(await done).toBe('work done');
    const other = log.indexOf('other');
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(log.length - 1);
  });

  it('takes turns between jobs', async () => {
    const scheduler = new SliceScheduler(2);
    const log: string[] = [];
    const [a, b] = await Promise.all([
      scheduler.run(steps('a', 30, log, 1)),
      scheduler.run(steps('b', 30, log, 1)),
    ]);
    expect([a, b]).toEqual(['a done', 'b done']);
    // b started before a finished.
    expect(log.indexOf('b')).toBeLessThan(log.lastIndexOf('a'));
  });

  it('runs each job in the async context of the request that asked for it', async () => {
    const scheduler = new SliceScheduler(1);
    const request = new AsyncLocalStorage<string>();
    function* seen(count: number): Sliced<string[]> {
      const names: string[] = [];
      for (let i = 0; i < count; i++) {
        names.push(request.getStore() ?? 'none');
        const until = performance.now() + 0.5;
        while (performance.now() < until) {
          // busy, so that both jobs need several turns
        }
        yield;
      }
      return names;
    }
    // Both jobs take turns in the same passes of the event loop, which only one of them scheduled.
    const [a, b] = await Promise.all([
      request.run('a', () => scheduler.run(seen(20))),
      request.run('b', () => scheduler.run(seen(20))),
    ]);
    expect(new Set(a)).toEqual(new Set(['a']));
    expect(new Set(b)).toEqual(new Set(['b']));
  });

  it('passes on errors', async () => {
    const scheduler = new SliceScheduler();
    // eslint-disable-next-line require-yield
    function* failing(): Sliced<number> {
      throw new Error('boom');
    }
    await expect(scheduler.run(failing())).rejects.toThrow('boom');
  });
});
