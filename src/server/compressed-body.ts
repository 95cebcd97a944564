/**
 * Kept answers are also kept gzip-compressed, made once per body off the event loop (zlib works
 * in libuv's thread pool) and sent to clients that accept gzip, as browsers and HTTP libraries
 * do: a 15 MB report goes out as about a tenth of that, which spares the server's writes and the
 * client's reads alike.
 */
import type { Buffer } from 'node:buffer';
import { createGzip } from 'node:zlib';
import type { ChunkedBody } from './chunked-body.js';

/** Bodies smaller than this are sent as they are. */
export const COMPRESS_MIN_BYTES = 16 * 1024;

/** `body` gzip-compressed, chunk by chunk, with the stream's back-pressure respected. */
export function gzipBody(body: ChunkedBody): Promise<ChunkedBody> {
  return new Promise<ChunkedBody>((resolve, reject) => {
    const gzip = createGzip({ chunkSize: 64 * 1024 });
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let bytes = 0;
    gzip.on('data', (chunk: Buffer<ArrayBuffer>) => {
      chunks.push(chunk);
      bytes += chunk.byteLength;
    });
    gzip.on('end', () => resolve({ chunks, bytes }));
    gzip.on('error', reject);
    let next = 0;
    const pump = (): void => {
      while (next < body.chunks.length) {
        if (!gzip.write(body.chunks[next++])) {
          gzip.once('drain', pump);
          return;
        }
      }
      gzip.end();
    };
    pump();
  });
}

/** Whether an Accept-Encoding header accepts gzip (RFC 9110 §12.5.3: `q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const accepted = Number.isFinite(weight) && weight > 0;
    if (name.trim() === 'gzip' || name.trim() === 'x-gzip') return accepted;
    if (name.trim() === '*') any = accepted ? 1 : 0;
  }
  return any === 1;
}
