/**
 * What each database supplies to the shared Kysely store: its column types, its bulk-write SQL
 * and its way of noticing other writers. All database-specific SQL lives in the two
 * implementations (sqlite/sqlite-store.ts, postgres/postgres-store.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Origin } from '../core/plan.js';
import type { CatalogTables } from './catalog-tables.js';
import type { ColumnTypes } from './migrations/column-types.js';

/** An entity as written: its body already serialised once, reused for the change record. */
export interface EntityRow {
  id: string;
  kind: string;
  name: string;
  bodyJson: string;
  originFile: string | null;
  originLine: number | null;
}

export interface ChangeRow {
  seq: number;
  entityId: string;
  kind: string;
  op: 'create' | 'update' | 'delete';
  beforeJson: string | null;
  afterJson: string | null;
}

/** What every row of one apply shares. `at` is an ISO-8601 timestamp. */
export interface WriteContext {
  applyId: number;
  source: string;
  author: string;
  at: string;
}

/**
 * duplicate_key: a row to insert exists; busy: another process held the write lock past the
 * timeout; unsupported_text: text the database cannot store (PostgreSQL and NUL characters);
 * disk_full: no space left for the write; read_only: the database may not be written.
 */
export type StorageFailure =
  'duplicate_key' | 'busy' | 'unsupported_text' | 'disk_full' | 'read_only';

export type CatalogTransaction = Transaction<CatalogTables>;

export interface DialectAdapter {
  readonly dialect: 'sqlite' | 'postgres';
  /** The database for messages: the SQLite file's absolute path, or server and database name. */
  readonly location: string;
  readonly columnTypes: ColumnTypes;
  /** Turn a JSON column value as the driver returns it into a JavaScript value. */
  decodeJson(value: unknown): unknown;
  /** True when the database does not keep JSON object keys in the order they were written. */
  readonly reordersJsonKeys: boolean;
  /** SQL for a JSON column as the text the database keeps (`body`, `body::text`). */
  jsonAsText(column: string): string;
  /**
   * The text `jsonAsText` gives back for a stored `value`, when the database keeps it so (equal
   * texts then mean equal values); a different text only means "compare the values".
   */
  storedJsonText(value: unknown): string;
  /** Recognise the database failures an apply explains to the user; undefined for others. */
  classifyError(error: unknown): StorageFailure | undefined;
  insertEntities(
    trx: CatalogTransaction,
    rows: readonly EntityRow[],
    ctx: WriteContext,
  ): Promise<void>;
  /** Update entities of `ctx.source`; returns how many rows matched. */
  updateEntities(
    trx: CatalogTransaction,
    rows: readonly EntityRow[],
    ctx: WriteContext,
  ): Promise<number>;
  /** Delete entities of `ctx.source`; returns how many rows matched. */
  deleteEntities(
    trx: CatalogTransaction,
    ids: readonly string[],
    ctx: WriteContext,
  ): Promise<number>;
  /** Set origins of entities of `ctx.source`; returns how many rows matched. */
  moveEntities(
    trx: CatalogTransaction,
    moved: readonly { id: string; origin: Origin }[],
    ctx: WriteContext,
  ): Promise<number>;
  insertChanges(
    trx: CatalogTransaction,
    rows: readonly ChangeRow[],
    ctx: WriteContext,
  ): Promise<void>;
  /** Tell other processes, on commit, that the catalog reached `version`. */
  announce(trx: CatalogTransaction, version: number): Promise<void>;
  /** The schema new tables go to (PostgreSQL's current_schema()); undefined on SQLite. */
  currentSchema(db: Kysely<CatalogTables>): Promise<string | undefined>;
  /** Run the migrations `migrate` holding whatever lock keeps two starting processes apart. */
  whileMigrating<T>(migrate: () => Promise<T>): Promise<T>;
  /** Run `read` in a transaction that sees one consistent state. */
  readConsistently<T>(
    db: Kysely<CatalogTables>,
    read: (trx: CatalogTransaction) => Promise<T>,
  ): Promise<T>;
  /**
   * Start calling `signal` whenever another writer may have changed the catalog (a notification,
   * a timer). Returns a function that stops it.
   */
  watch(signal: () => void): Promise<() => Promise<void>>;
  /** Release what the adapter holds besides the Kysely instance. */
  close(): Promise<void>;
}

/** Split `items` into consecutive batches of at most `size`. */
export function* batches<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
