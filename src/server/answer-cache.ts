/**
 * Answers kept per catalog version: the first request for a key computes it (in slices), every
 * request for the same key and version meanwhile waits for that one computation, and later ones
 * get the kept body. A newer version empties the cache; a request still working on an older
 * version gets its answer computed but not kept. Kept bodies are bounded in bytes (least
 * recently used first out).
 */
import type { ChunkedBody } from './chunked-body.js';
import { COMPRESS_MIN_BYTES, gzipBody } from './compressed-body.js';

interface Entry {
  body: Promise<ChunkedBody>;
  bytes: number;
}

export class AnswerCache {
  private version = -Infinity;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The body for `key` at `version`, computed by `compute` unless kept or under way. */
  get(version: number, key: string, compute: () => Promise<ChunkedBody>): Promise<ChunkedBody> {
    if (version < this.version) return compute();
    if (version > this.version) this.clear(version);
    const known = this.entries.get(key);
    if (known) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.body;
    }
    const entry: Entry = { body: compute(), bytes: 0 };
    this.entries.set(key, entry);
    entry.body.then(
      (body) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = body.bytes;
        this.bytes += body.bytes;
        this.evict(key);
        if (body.bytes >= COMPRESS_MIN_BYTES) this.compress(key, entry, body);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.body;
  }

  /** Keep a gzip-compressed copy of a kept body beside it, made off the event loop. */
  private compress(key: string, entry: Entry, body: ChunkedBody): void {
    gzipBody(body).then(
      (gzipped) => {
        if (this.entries.get(key) !== entry) return;
        body.gzipped = gzipped;
        entry.bytes += gzipped.bytes;
        this.bytes += gzipped.bytes;
        this.evict(key);
      },
      () => undefined, // sent uncompressed, as before
    );
  }

  /** Bytes of the bodies kept. */
  get size(): number {
    return this.bytes;
  }

  private clear(version: number): void {
    this.version = version;
    this.entries.clear();
    this.bytes = 0;
  }

  private evict(keep: string): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      if (key === keep) continue;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
    // One body larger than the bound is sent but not kept.
    if (this.bytes > this.maxBytes) {
      const entry = this.entries.get(keep);
      this.entries.delete(keep);
      this.bytes -= entry?.bytes ?? 0;
    }
  }
}
