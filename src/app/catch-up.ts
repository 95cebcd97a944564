/**
 * Building the next catalog version while the server keeps answering from the current one.
 *
 * The store is read in short queries: the meta of every entity with the version V it reflects (one
 * short consistent read, no bodies), then the change records after the current version up to V,
 * in pages (records up to a version the store has reached never change, so no transaction has to
 * stay open). The entities at V are the current ones with those changes applied; unchanged entity
 * objects are shared with the current version. The new index is built a few milliseconds at a time
 * with a turn of the event loop between slices, so requests keep being served meanwhile; nothing
 * the current version holds is touched.
 */
import { performance } from 'node:perf_hooks';
import { CatalogIndex } from '../core/answers/catalog-index.js';
import type { Entity } from '../core/schema/entity.schema.js';
import type { CatalogStore, StoredEntityMeta } from '../storage/catalog-store.js';
import type { EntityMeta } from './answer-views.js';
import { CatalogVersion } from './catalog-version.js';
import { yieldToIo } from './yield-to-io.js';

export interface CatchUpOptions {
  /** How long a catch-up holds the event loop at a time when the server is idle, in ms (10). */
  sliceMs?: number;
  /** The longest it holds the event loop at a time when the server is busy, in ms (50). */
  maxSliceMs?: number;
  /**
   * Change records read per query: 250 on SQLite (read synchronously, so a page holds the event
   * loop), 500 on PostgreSQL (a page is a round trip, served while requests go on, but its rows
   * are parsed as they arrive, in the event loop: 2,000 bodies at once held it for ~100 ms).
   */
  pageSize?: number;
  /** Stops a catch-up at its next pause (the server is closing). */
  signal?: AbortSignal;
}

const DEFAULT_SLICE_MS = 10;
const DEFAULT_MAX_SLICE_MS = 50;
const DEFAULT_PAGE_SIZE = { sqlite: 250, postgres: 500 } as const;
/** Items handled between two looks at the clock in simple loops. */
const CHECK_EVERY = 512;

/**
 * Work in slices with the event loop's turns between them (yield-to-io.ts: as many turns as find
 * requests to serve). A slice lasts `sliceMs`, longer when the server is busy: as long as the
 * pause before it took (what requests used), up to `maxSliceMs`, so that a catch-up under
 * constant load still gets about a third of the time, and no request waits for it more than
 * `maxSliceMs`.
 */
class TimeSlicer {
  private started = performance.now();
  private budget: number;

  constructor(
    readonly sliceMs: number,
    private readonly maxSliceMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.budget = sliceMs;
  }

  readonly shouldYield = (): boolean => performance.now() - this.started >= this.budget;

  async pause(): Promise<void> {
    // Requests first: the loop turns until it finds nothing to do (or for twice the longest
    // slice under constant load, so that a catch-up still finishes).
    const away = await yieldToIo(2 * this.maxSliceMs, this.signal);
    this.started = performance.now();
    this.budget = Math.min(this.maxSliceMs, Math.max(this.sliceMs, away));
  }

  async pauseIfDue(): Promise<void> {
    if (this.shouldYield()) await this.pause();
  }
}

const slicerFor = (options: CatchUpOptions) =>
  new TimeSlicer(
    options.sliceMs ?? DEFAULT_SLICE_MS,
    options.maxSliceMs ?? DEFAULT_MAX_SLICE_MS,
    options.signal,
  );

async function buildIndex(entities: Iterable<Entity>, slicer: TimeSlicer): Promise<CatalogIndex> {
  const builder = CatalogIndex.builder(entities);
  while (!builder.step(slicer.shouldYield)) await slicer.pause();
  return builder.finish();
}

const sameMeta = (a: EntityMeta, b: StoredEntityMeta): boolean =>
  a.source === b.source &&
  a.updatedAt === b.updatedAt &&
  a.origin?.file === b.origin?.file &&
  a.origin?.line === b.origin?.line;

/** The catalog as the store holds it, read at once (start-up, or when history cannot be used). */
export async function loadVersion(
  store: CatalogStore,
  options: CatchUpOptions & { sliced?: boolean } = {},
): Promise<CatalogVersion> {
  const { version, entities: stored } = await store.loadSnapshot();
  const meta = new Map<string, EntityMeta>();
  for (const [id, s] of stored)
    meta.set(id, { source: s.source, origin: s.origin, updatedAt: s.updatedAt });
  const entities = [...stored.values()].map((s) => s.entity);
  stored.clear();
  const index =
    options.sliced === true
      ? await buildIndex(entities, slicerFor(options))
      : CatalogIndex.build(entities);
  return new CatalogVersion(index, version, meta);
}

/** Entity bodies written after `afterSeq` up to `upToSeq` (last write wins; null: deleted). */
async function readChanges(
  store: CatalogStore,
  afterSeq: number,
  upToSeq: number,
  pageSize: number,
  slicer: TimeSlicer,
): Promise<Map<string, Entity | null>> {
  const changed = new Map<string, Entity | null>();
  let after = afterSeq;
  // Bounded: every full page moves `after` forward, and seq never exceeds upToSeq.
  while (after < upToSeq) {
    const page = await store.history({
      afterSeq: after,
      upToSeq,
      limit: pageSize,
      omitBefore: true,
    });
    for (const change of page) {
      changed.set(change.entityId, change.op === 'delete' ? null : change.after);
    }
    const last = page[page.length - 1];
    if (page.length < pageSize || last === undefined) break;
    after = last.seq;
    await slicer.pause();
  }
  return changed;
}

function* entitiesAt(base: CatalogVersion, changed: Map<string, Entity | null>): Generator<Entity> {
  for (const entity of base.index.values()) if (!changed.has(entity.id)) yield entity;
  for (const entity of changed.values()) if (entity !== null) yield entity;
}

/**
 * The version after `base` as the store holds it now, built without holding the event loop for
 * more than `sliceMs` at a time; undefined when `base` is already current.
 */
export async function nextVersion(
  store: CatalogStore,
  base: CatalogVersion,
  options: CatchUpOptions = {},
): Promise<CatalogVersion | undefined> {
  options.signal?.throwIfAborted();
  const slicer = slicerFor(options);
  const { version, meta: stored } = await store.loadMetaSnapshot({
    betweenPages: () => slicer.pause(),
  });
  if (version === base.version) return undefined;
  // A store behind the version we hold has been replaced or restored: read it whole.
  if (version < base.version) return loadVersion(store, { ...options, sliced: true });
  await slicer.pause();
  const changed = await readChanges(
    store,
    base.version,
    version,
    options.pageSize ?? DEFAULT_PAGE_SIZE[store.dialect],
    slicer,
  );
  await slicer.pause();

  // Meta objects that did not change are shared with `base` (most of them, usually).
  const meta = new Map<string, EntityMeta>();
  let n = 0;
  for (const [id, m] of stored) {
    const before = base.metaOf(id);
    meta.set(id, before && sameMeta(before, m) ? before : m);
    if (++n % CHECK_EVERY === 0) await slicer.pauseIfDue();
  }
  stored.clear();

  const index = await buildIndex(entitiesAt(base, changed), slicer);
  // The change records and the meta describe the same version, so they name the same entities;
  // if they ever do not (history edited by hand), read the catalog whole rather than guess.
  let consistent = index.size === meta.size;
  for (const id of meta.keys()) {
    if (!consistent) break;
    consistent = index.has(id);
  }
  if (!consistent) return loadVersion(store, { ...options, sliced: true });
  return new CatalogVersion(index, version, meta);
}
