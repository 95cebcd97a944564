/**
 * The running catalog: the store plus the published catalog version every read is served from.
 *
 * A version (CatalogVersion: index, version number, meta) is immutable once published; catching up
 * with a write builds the next version beside it (catch-up.ts) and swaps it in at once. A request
 * pinned to a version (`pin`) sees that version through `current`, `index`, `version`, `metaOf`
 * and `etag()` for its whole life, whatever is published meanwhile. Writes made by other
 * processes arrive through `CatalogStore.onExternalChange`; writes made through this process call
 * `refresh()` after they commit (the store does not report its own writes).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CatalogIndex } from '../core/answers/catalog-index.js';
import type { CatalogStore } from '../storage/catalog-store.js';
import type { CatalogView, EntityMeta } from './answer-views.js';
import type { CatalogVersion } from './catalog-version.js';
import { nextVersion, type CatchUpOptions } from './catch-up.js';
import { loadCatalogVersion } from './load-catalog-version.js';

export type RuntimeOptions = CatchUpOptions;

export class CatalogRuntime implements CatalogView {
  private stopWatching: (() => Promise<void>) | undefined;
  private readonly pinned = new AsyncLocalStorage<CatalogVersion>();
  /** The refresh that has not started yet: every caller until it starts shares it. */
  private queued: Promise<void> | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly closing = new AbortController();

  private constructor(
    readonly store: CatalogStore,
    private published: CatalogVersion,
    private readonly options: RuntimeOptions,
  ) {}

  /** Load the catalog at once (start-up) and return the runtime serving it. */
  static async open(store: CatalogStore, options: RuntimeOptions = {}): Promise<CatalogRuntime> {
    return new CatalogRuntime(store, await loadCatalogVersion({ store }), options);
  }

  /** The version this request is pinned to, or else the newest published one. */
  get current(): CatalogVersion {
    return this.pinned.getStore() ?? this.published;
  }

  /** `current.index` */
  get index(): CatalogIndex {
    return this.current.index;
  }

  /** `current.version` */
  get version(): number {
    return this.current.version;
  }

  /** Where an entity comes from, in `current`. */
  metaOf(id: string): EntityMeta | undefined {
    return this.current.metaOf(id);
  }

  /** An ETag naming `current`'s version. */
  etag(suffix = ''): string {
    return this.current.etag(suffix);
  }

  /**
   * Run `work` with `current` pinned to `version`: everything it starts, synchronous or not, reads
   * that version until it ends.
   */
  pin<T>(version: CatalogVersion, work: () => T): T {
    return this.pinned.run(version, work);
  }

  /**
   * Bring the published version up to date with the store. Calls made while a catch-up runs are
   * coalesced into one more catch-up after it, which sees every write committed before them.
   */
  refresh(): Promise<void> {
    if (this.queued) return this.queued;
    const next = this.running
      .catch(() => undefined)
      .then(async () => {
        this.queued = undefined;
        const version = await nextVersion(this.store, this.published, {
          ...this.options,
          signal: this.closing.signal,
        });
        if (version) this.published = version;
      });
    this.queued = next;
    this.running = next;
    return next;
  }

  /** Follow writes made by other processes (LISTEN/NOTIFY on PostgreSQL, polling on SQLite). */
  async watch(onError: (error: unknown) => void): Promise<void> {
    this.stopWatching = await this.store.onExternalChange(() => {
      this.refresh().catch(onError);
    });
  }

  async close(): Promise<void> {
    await this.stopWatching?.();
    this.closing.abort();
    await this.running.catch(() => undefined);
    await this.store.close();
  }
}
