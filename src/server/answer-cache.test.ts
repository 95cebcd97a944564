import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache.js';
import type { ChunkedBody } from './chunked-body.js';

const body = (text: string): ChunkedBody => {
  const bytes = new TextEncoder().encode(text);
  return { chunks: [bytes], bytes: bytes.byteLength };
};
const decode = (b: ChunkedBody) => new TextDecoder().decode(b.chunks[0]);

describe('answers kept per catalog version', () => {
  it('computes once per key and version, again for a newer version', async () => {
    const cache = new AnswerCache(1024);
    let computed = 0;
    const compute = (label: string) => () => {
      computed++;
      return Promise.resolve(body(label));
    };
    const [a, b] = await Promise.all([
      cache.get(1, 'md', compute('v1')),
      cache.get(1, 'md', compute('v1 again')),
    ]);
    expect(decode(a)).toBe('v1');
    expect(decode(b)).toBe('v1');
    expect(computed).toBe(1);
    expect(decode(await cache.get(1, 'md', compute('v1 later')))).toBe('v1');
    expect(computed).toBe(1);
    expect(decode(await cache.get(2, 'md', compute('v2')))).toBe('v2');
    expect(computed).toBe(2);
    // A request still on version 1 gets its own answer, which is not kept.
    expect(decode(await cache.get(1, 'md', compute('v1 late')))).toBe('v1 late');
    expect(decode(await cache.get(2, 'md', compute('v2 again')))).toBe('v2');
    expect(computed).toBe(3);
  });

  it('forgets the least recently used bodies beyond its bound, and failures', async () => {
    const cache = new AnswerCache(10);
    await cache.get(1, 'a', () => Promise.resolve(body('aaaaaa')));
    await cache.get(1, 'b', () => Promise.resolve(body('bbbbbb')));
    expect(cache.size).toBe(6);
    expect(decode(await cache.get(1, 'a', () => Promise.resolve(body('new a'))))).toBe('new a');
    await expect(cache.get(1, 'c', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(decode(await cache.get(1, 'c', () => Promise.resolve(body('c'))))).toBe('c');
  });
});
