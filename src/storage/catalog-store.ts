/**
 * The one storage interface. Each database has one implementation (sqlite/, postgres/) and both
 * pass the same contract suite (catalog-store.contract.ts).
 */
import type { Entity, EntityKind } from '../core/schema/entity.schema.js';
import type { Origin, Plan, StoredEntity } from '../core/plan.js';

export interface WriteMeta {
  /** The source the plan was computed for (it must equal plan.source). */
  source: string;
  /** Who asked for the write: a user name, "cli:alice", "bundled". */
  author: string;
  at: Date;
}

export interface ApplyResult {
  /** The id of the `applies` row; 0 when the plan was a no-op and nothing was written. */
  applyId: number;
  created: number;
  updated: number;
  deleted: number;
  moved: number;
  /**
   * The catalog version after the write. Every change takes the next sequence number, so this is
   * the last change's `seq`; an apply that only moves origins takes one number of its own.
   */
  version: number;
}

export interface SnapshotOptions {
  /** Skip putting fields back in schema order (comparisons that ignore key order need not pay). */
  anyFieldOrder?: boolean;
  /**
   * Keep each body as the text the database holds and parse it only when its `entity` is read:
   * planning a re-apply reads few of them (`sameBody` compares the rest as text).
   */
  lazyBodies?: boolean;
}

/** Every stored entity and the version they were read at, read in one transaction. */
export interface CatalogSnapshot {
  version: number;
  entities: Map<string, StoredEntity>;
  /**
   * With `lazyBodies`: true when `stored`'s body is `entity` exactly, told from the stored text
   * without parsing it; false means only "compare the values" (see computePlan's `sameBody`).
   */
  sameBody?: (stored: StoredEntity, entity: Entity) => boolean;
}

/** Where an entity comes from and when it last changed, without its body. */
export interface StoredEntityMeta {
  source: string;
  origin?: Origin;
  updatedAt: string;
}

export interface MetaSnapshotOptions {
  /**
   * Rows per query (1,000 on SQLite, 2,000 on PostgreSQL by default: the driver parses a page's
   * rows in the event loop as they arrive, and 10,000 at once held it for ~100 ms).
   */
  pageSize?: number;
  /** Awaited between two pages (a server yields to its event loop there). */
  betweenPages?: () => Promise<void>;
}

/** Every stored entity's meta and the version it reflects, read consistently. */
export interface CatalogMetaSnapshot {
  version: number;
  meta: Map<string, StoredEntityMeta>;
}

export interface ChangeRecord {
  seq: number;
  applyId: number;
  at: string;
  source: string;
  author: string;
  entityId: string;
  kind: EntityKind;
  op: 'create' | 'update' | 'delete';
  before: Entity | null;
  after: Entity | null;
}

/** Changes come back oldest first (ascending `seq`). */
export interface HistoryQuery {
  entityId?: string;
  /** Only changes with seq greater than this. */
  afterSeq?: number;
  /**
   * Only changes with seq up to this (inclusive). Changes up to a version the store has reached
   * never change again, so reading `afterSeq < seq <= upToSeq` in pages is consistent without
   * holding a transaction open.
   */
  upToSeq?: number;
  /** Leave `before` out (null): catching up needs only `after`, and `before` doubles the read. */
  omitBefore?: boolean;
  /** At most this many changes (the oldest ones after `afterSeq`); all when absent. */
  limit?: number;
}

export interface CatalogStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Bring the schema to the newest version; safe to call on every start. */
  migrate(): Promise<void>;
  /** Every stored entity, keyed by id. */
  loadAll(): Promise<Map<string, StoredEntity>>;
  /**
   * Every stored entity together with the version it reflects, read consistently: plan against
   * `snapshot.entities` and apply with `snapshot.version` as `expectedVersion`.
   */
  loadSnapshot(options?: SnapshotOptions): Promise<CatalogSnapshot>;
  /**
   * Every stored entity's source, origin and update time (no bodies) with the version they
   * reflect, read consistently: in pages of short queries, kept only if the version did not move
   * meanwhile (a few attempts, then one transaction), so no transaction stays open between pages.
   * With `history({ afterSeq, upToSeq: version })` it gives a reader that holds the catalog at an
   * older version the whole catalog at `version`, cheaply: origins move without a change record,
   * so they come from here.
   */
  loadMetaSnapshot(options?: MetaSnapshotOptions): Promise<CatalogMetaSnapshot>;
  get(id: string): Promise<StoredEntity | undefined>;
  count(): Promise<number>;
  /**
   * The catalog version: 0 for an empty store, then the newest change sequence number (or the
   * number taken by a later apply that only moved origins). Plans are computed against it.
   */
  version(): Promise<number>;
  /**
   * Apply a plan in one transaction, recording every change. Fails without writing anything if
   * the plan has conflicts, or if the store's version is no longer `expectedVersion`.
   */
  applyPlan(plan: Plan, meta: WriteMeta, expectedVersion: number): Promise<ApplyResult>;
  history(query?: HistoryQuery): Promise<ChangeRecord[]>;
  /**
   * Be told when another process changes the catalog (PostgreSQL LISTEN/NOTIFY; SQLite polls the
   * version every 500 ms). Writes made through this same store instance are not reported.
   * Returns a function that stops listening.
   */
  onExternalChange(listener: (version: number) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type { Origin, StoredEntity };
