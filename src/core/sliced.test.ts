import { describe, expect, it } from 'vitest';
import { collectSliced, runToEnd, sortSliced, sortStringsSliced, type Sliced } from './sliced.js';

function* countTo(n: number): Sliced<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    yield;
  }
  return sum;
}

/** Deterministic pseudo-random words. */
function words(n: number, seed: number): string[] {
  let a = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    a = (a * 1103515245 + 12345) % 2147483648;
    out.push(`w${a % 997}-${i % 13}-${a.toString(36)}`);
  }
  return out;
}

describe('sliced work', () => {
  it('runs to its end at once', () => {
    expect(runToEnd(countTo(100))).toBe(5050);
  });

  it('sorts as the native sort does, pausing on the way', () => {
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const n of [0, 1, 511, 512, 513, 1500, 5000]) {
      const input = words(n, n + 1);
      const work = sortSliced(input, compare);
      let pauses = 0;
      let step = work.next();
      while (!step.done) {
        pauses++;
        step = work.next();
      }
      expect(step.value).toEqual([...input].sort());
      if (n > 1024) expect(pauses).toBeGreaterThan(2);
    }
  });

  it('sorts strings as the native sort does, pausing on the way', () => {
    for (const n of [0, 1, 2047, 2048, 2049, 5000, 20_000]) {
      const input = words(n, n + 3);
      const work = sortStringsSliced(input);
      let pauses = 0;
      let step = work.next();
      while (!step.done) {
        pauses++;
        step = work.next();
      }
      expect(step.value).toEqual([...input].sort());
      if (n > 4096) expect(pauses).toBeGreaterThan(2);
    }
  });

  it('keeps equal items in their order (stable)', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ key: i % 7, at: i }));
    const sorted = runToEnd(sortSliced(items, (a, b) => a.key - b.key));
    expect(sorted).toEqual([...items].sort((a, b) => a.key - b.key));
  });

  it('collects an iterable', () => {
    expect(runToEnd(collectSliced(new Set([3, 1, 2]), 2))).toEqual([3, 1, 2]);
  });
});
