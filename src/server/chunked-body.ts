/**
 * Large answers as bodies built in slices and sent in chunks: text is gathered into UTF-8 chunks
 * of about 64 KiB as it is written (no one huge string to encode at once), JSON is written value
 * by value (`writeJson`, the text `JSON.stringify` gives), and the response streams the chunks
 * so that writing 50 MB to a socket never holds the event loop either.
 */
import { Buffer } from 'node:buffer';
import type { Context } from 'hono';
import { ticker, type Sliced } from '../core/sliced.js';
import { acceptsGzip, COMPRESS_MIN_BYTES } from './compressed-body.js';

/** A response body, ready to send any number of times. */
export interface ChunkedBody {
  chunks: readonly Uint8Array<ArrayBuffer>[];
  bytes: number;
  /** The same body gzip-compressed, once it has been made (kept answers: answer-cache.ts). */
  gzipped?: ChunkedBody;
}

/** Bytes of one chunk (a piece of text longer than that gets a chunk of its own). */
const CHUNK_BYTES = 64 * 1024;

/**
 * Collects written text into UTF-8 chunks, encoding each piece straight into the current chunk
 * (no joined copy of the text first). The chunks hold the bytes `Buffer.from` gives for all the
 * text at once: a piece that ends in the first half of a surrogate pair keeps it for the next.
 */
export class ChunkSink {
  /** The chunk being filled (made when a piece is written into it). */
  private chunk: Buffer<ArrayBuffer> | undefined;
  private used = 0;
  /** A high surrogate that ended the last piece, written with the next one. */
  private carry = '';
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
  private bytes = 0;

  readonly write = (text: string): void => {
    let piece = text;
    if (this.carry !== '') {
      piece = this.carry + piece;
      this.carry = '';
    }
    const last = piece.charCodeAt(piece.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.carry = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    if (piece === '') return;
    // At most 3 bytes per UTF-16 unit: most pieces fit without being measured.
    if (this.chunk && piece.length * 3 <= this.chunk.length - this.used) {
      this.used += this.chunk.write(piece, this.used, 'utf8');
      return;
    }
    const size = Buffer.byteLength(piece, 'utf8');
    if (this.chunk && size <= this.chunk.length - this.used) {
      this.used += this.chunk.write(piece, this.used, 'utf8');
      return;
    }
    this.flush();
    if (size > CHUNK_BYTES / 2) {
      this.push(Buffer.from(piece, 'utf8'));
      return;
    }
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = this.chunk.write(piece, 0, 'utf8');
  };

  finish(): ChunkedBody {
    this.flush();
    // A lone high surrogate at the very end: encoded as Buffer.from encodes it.
    if (this.carry !== '') this.push(Buffer.from(this.carry, 'utf8'));
    this.carry = '';
    return { chunks: this.chunks, bytes: this.bytes };
  }

  /** End the current chunk (a chunk is made again for the next piece). */
  private flush(): void {
    if (this.chunk && this.used > 0) this.push(this.chunk.subarray(0, this.used));
    this.chunk = undefined;
    this.used = 0;
  }

  private push(chunk: Uint8Array<ArrayBuffer>): void {
    this.chunks.push(chunk);
    this.bytes += chunk.byteLength;
  }
}

/** Arrays longer than this are written element by element (with pauses); shorter ones at once. */
const WHOLE_ARRAY = 16;

/**
 * `value` as JSON, the same text as `JSON.stringify(value)` for plain data (objects, arrays,
 * strings, numbers, booleans, null; undefined members left out), written in slices: long arrays
 * element by element, pausing every few hundred elements.
 */
export function* writeJson(value: unknown, write: (text: string) => void): Sliced<void> {
  const tick = ticker(256);
  function* visit(v: unknown): Sliced<void> {
    if (Array.isArray(v)) {
      if (v.length <= WHOLE_ARRAY && !v.some(hasLongArray)) {
        write(JSON.stringify(v));
        return;
      }
      write('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) write(',');
        const item: unknown = v[i];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol')
          write('null');
        else yield* visit(item);
        if (tick()) yield;
      }
      write(']');
      return;
    }
    if (!hasLongArray(v)) {
      write(JSON.stringify(v) ?? 'null');
      return;
    }
    write('{');
    let first = true;
    for (const [key, member] of Object.entries(v as object)) {
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol')
        continue;
      write(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      yield* visit(member);
    }
    write('}');
  }
  yield* visit(value);
}

/** Whether a plain object (or array) holds, as a direct member, an array worth writing in slices. */
function hasLongArray(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || 'toJSON' in v) return false;
  for (const member of Array.isArray(v) ? v : Object.values(v)) {
    if (Array.isArray(member) && member.length > WHOLE_ARRAY) return true;
  }
  return false;
}

/** JSON of `value` as a chunked body, in slices. */
export function* jsonBody(value: unknown): Sliced<ChunkedBody> {
  const sink = new ChunkSink();
  yield* writeJson(value, sink.write);
  return sink.finish();
}

/**
 * A 200 response streaming `body`, or its gzip-compressed copy when there is one and the client
 * accepts gzip (`Vary: Accept-Encoding` on every body large enough to have one).
 */
export function sendChunked(c: Context, original: ChunkedBody, contentType: string): Response {
  const gzipped =
    original.gzipped && acceptsGzip(c.req.header('accept-encoding')) ? original.gzipped : undefined;
  const body = gzipped ?? original;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'content-length': String(body.bytes),
  };
  if (gzipped) headers['content-encoding'] = 'gzip';
  if (original.bytes >= COMPRESS_MIN_BYTES) headers.vary = 'Accept-Encoding';
  if (body.chunks.length <= 1) return c.body(body.chunks[0] ?? new Uint8Array(0), 200, headers);
  let next = 0;
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      const chunk = body.chunks[next++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  return c.body(stream, 200, headers);
}
