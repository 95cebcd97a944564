/**
 * The running catalog: the store plus the in-memory index every read is served from. Writes made
 * through this runtime update the index at once; writes made by other processes arrive through
 * `CatalogStore.onExternalChange` and are replayed from the change history.
 */
import { CatalogIndex } from '../core/answers/catalog-index.js';
import type { CatalogView, EntityMeta } from './answer-views.js';
import type { CatalogStore } from '../storage/catalog-store.js';

export class CatalogRuntime implements CatalogView {
  private stopWatching: (() => Promise<void>) | undefined;

  private constructor(
    readonly store: CatalogStore,
    public index: CatalogIndex,
    public version: number,
    private meta: Map<string, EntityMeta>,
  ) {}

  static async open(store: CatalogStore): Promise<CatalogRuntime> {
    const { index, version, meta } = await CatalogRuntime.snapshot(store);
    return new CatalogRuntime(store, index, version, meta);
  }

  private static async snapshot(store: CatalogStore) {
    const { version, entities: stored } = await store.loadSnapshot();
    const meta = new Map<string, EntityMeta>();
    for (const [id, s] of stored) {
      meta.set(id, { source: s.source, origin: s.origin, updatedAt: s.updatedAt });
    }
    const index = CatalogIndex.build([...stored.values()].map((s) => s.entity));
    return { index, version, meta };
  }

  /** Where an entity comes from: its source and the file and line that declare it. */
  metaOf(id: string): EntityMeta | undefined {
    return this.meta.get(id);
  }

  /** An ETag for responses that depend on the whole catalog. */
  etag(suffix = ''): string {
    return `W/"v${this.version}${suffix}"`;
  }

  /** Bring the index up to date with the store: replay newer changes, or rebuild if needed. */
  async refresh(): Promise<void> {
    const newest = await this.store.version();
    if (newest === this.version) return;
    const changes = await this.store.history({ afterSeq: this.version, limit: 50_000 });
    const complete = changes.length > 0 && changes[changes.length - 1]?.seq === newest;
    if (!complete || newest < this.version) {
      const { index, version, meta } = await CatalogRuntime.snapshot(this.store);
      this.index = index;
      this.version = version;
      this.meta = meta;
      return;
    }
    for (const change of changes) {
      if (change.op === 'delete' || change.after === null) {
        this.index.remove(change.entityId);
        this.meta.delete(change.entityId);
      } else {
        this.index.upsert(change.after);
        const stored = await this.store.get(change.entityId);
        if (stored) {
          this.meta.set(change.entityId, {
            source: stored.source,
            origin: stored.origin,
            updatedAt: stored.updatedAt,
          });
        }
      }
    }
    this.version = newest;
  }

  /** Follow writes made by other processes (LISTEN/NOTIFY on PostgreSQL, polling on SQLite). */
  async watch(onError: (error: unknown) => void): Promise<void> {
    let running: Promise<void> = Promise.resolve();
    this.stopWatching = await this.store.onExternalChange(() => {
      running = running.then(() => this.refresh()).catch(onError);
    });
  }

  async close(): Promise<void> {
    await this.stopWatching?.();
    await this.store.close();
  }
}
