import { Buffer } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ChunkSink } from './chunked-body.js';
import { acceptsGzip, gzipBody } from './compressed-body.js';

describe('gzip for kept answers', () => {
  it('compresses a chunked body into chunks that gunzip to the same bytes', async () => {
    const sink = new ChunkSink();
    for (let i = 0; i < 20_000; i++) sink.write(`{"id":"service-${i}","name":"Ünïcödé ${i}"},`);
    const body = sink.finish();
    expect(body.chunks.length).toBeGreaterThan(5);
    const gzipped = await gzipBody(body);
    expect(gzipped.bytes).toBeLessThan(body.bytes / 5);
    expect(gunzipSync(Buffer.concat(gzipped.chunks))).toEqual(Buffer.concat(body.chunks));
    expect(gzipped.bytes).toBe(Buffer.concat(gzipped.chunks).byteLength);
  });

  it('reads Accept-Encoding as RFC 9110 says', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, GZIP;q=0.5, deflate')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000, *')).toBe(false);
    expect(acceptsGzip('identity, *;q=0.1')).toBe(true);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('x-gzip')).toBe(true);
  });
});
