import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../core/sliced.js';
import { ChunkSink, jsonBody, writeJson } from './chunked-body.js';

const text = (value: unknown) => {
  const body = runToEnd(jsonBody(value));
  return Buffer.concat(body.chunks).toString('utf8');
};

describe('JSON written in slices', () => {
  it('is the text JSON.stringify gives', () => {
    const long = Array.from({ length: 2000 }, (_, i) => ({
      id: `e-${i}`,
      name: `Name “${i}” \u2028 <x>`,
      skipped: undefined,
      path: Array.from({ length: i % 40 }, (_, j) => ({ from: `a${j}`, to: `b${j}` })),
      when: new Date(0),
    }));
    const values: unknown[] = [
      { items: long, total: 2000, nested: { rows: long.slice(0, 30), empty: [] } },
      long,
      [1, undefined, () => 1, 'x', null],
      { a: undefined, b: [undefined, 2, ...Array.from({ length: 20 }, () => 1)] },
      'plain',
      42,
      null,
    ];
    for (const value of values) expect(text(value)).toBe(JSON.stringify(value));
  });

  it('pauses within long arrays', () => {
    const work = writeJson(
      Array.from({ length: 10_000 }, (_, i) => i),
      () => undefined,
    );
    let pauses = 0;
    while (!work.next().done) pauses++;
    expect(pauses).toBeGreaterThan(10);
  });

  it('counts the bytes of the chunks', () => {
    const value = { rows: Array.from({ length: 5000 }, (_, i) => `${i} ${'é'.repeat(50)}`) };
    const body = runToEnd(jsonBody(value));
    expect(body.chunks.length).toBeGreaterThan(1);
    expect(body.bytes).toBe(Buffer.byteLength(JSON.stringify(value)));
  });
});

describe('text written in pieces', () => {
  it('is the UTF-8 of the whole text, however it is cut', () => {
    const pair = '\u{1F600}';
    const pieces = [
      'plain ',
      'é'.repeat(30_000),
      pair.charAt(0),
      pair.charAt(1),
      ' lone \uDC00 and \uD800',
      '',
      'x'.repeat(70_000),
      '東京'.repeat(12_000),
      '\uD83D',
    ];
    for (let cut = 1; cut <= pieces.length; cut++) {
      const sink = new ChunkSink();
      const written = pieces.slice(0, cut);
      for (const piece of written) sink.write(piece);
      const body = sink.finish();
      const expected = Buffer.from(written.join(''), 'utf8');
      expect(Buffer.concat(body.chunks).equals(expected), `first ${cut} pieces`).toBe(true);
      expect(body.bytes).toBe(expected.byteLength);
    }
  });
});
