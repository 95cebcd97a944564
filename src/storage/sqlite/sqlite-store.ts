/**
 * The SQLite CatalogStore: better-sqlite3 through Kysely, WAL mode, foreign keys on, a busy
 * timeout for other processes' writes. Every SQLite-specific statement is in this file.
 *
 * Bulk writes are multi-row statements sized to stay under SQLite's 32,766 bound parameters.
 * better-sqlite3 is synchronous, so two stores in one process must not write at the same time
 * (the second would wait out the busy timeout); separate processes are fine.
 */
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { CatalogStore } from '../catalog-store.js';
import type { CatalogTables } from '../catalog-tables.js';
import {
  batches,
  type CatalogTransaction,
  type ChangeRow,
  type DialectAdapter,
  type EntityRow,
  type StorageFailure,
} from '../dialect-adapter.js';
import { KyselyCatalogStore } from '../kysely-store.js';
import { runStatement } from '../run-statement.js';
import type { ColumnTypes } from '../migrations/column-types.js';

export interface SqliteStoreOptions {
  /** A file path, or ":memory:". The folder must exist. */
  path: string;
  /** How often onExternalChange checks the version; 500 ms by default. */
  pollIntervalMs?: number;
  /** How long a write waits for another process's write lock; 5000 ms by default. */
  busyTimeoutMs?: number;
}

const ROWS_PER_STATEMENT = 500;

const sqliteColumnTypes: ColumnTypes = {
  json: 'text',
  timestamp: 'text',
  bigInteger: 'integer',
  autoIncrementKey: (column) => column.primaryKey(),
};

/** `?, ?, ?` */
function parameterList(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** `(?, ?), (?, ?)` for a multi-row VALUES list. */
function placeholders(rowCount: number, columnCount: number): string {
  const row = `(${parameterList(columnCount)})`;
  return Array.from({ length: rowCount }, () => row).join(', ');
}

/** The SQLite failures an apply (or opening the database) explains to the user. */
export function classifySqliteError(error: unknown): StorageFailure | undefined {
  if (!(error instanceof Database.SqliteError)) return undefined;
  if (error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'duplicate_key';
  if (error.code.startsWith('SQLITE_BUSY') || error.code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (error.code === 'SQLITE_FULL') return 'disk_full';
  if (error.code.startsWith('SQLITE_READONLY')) return 'read_only';
  return undefined;
}

/** The file for messages: its absolute path (":memory:" as it is). */
export function sqliteLocation(path: string): string {
  return path === ':memory:' ? path : resolve(path);
}

class SqliteAdapter implements DialectAdapter {
  readonly dialect = 'sqlite';
  readonly columnTypes = sqliteColumnTypes;

  constructor(
    readonly location: string,
    private readonly database: Database.Database,
    private readonly pollIntervalMs: number,
  ) {}

  decodeJson(value: unknown): unknown {
    return typeof value === 'string' ? JSON.parse(value) : value;
  }

  readonly reordersJsonKeys = false;

  jsonAsText(column: string): string {
    return column;
  }

  /** Bodies are written as JSON.stringify gives them (apply-rows.ts) and kept as written. */
  storedJsonText(value: unknown): string {
    return JSON.stringify(value);
  }

  classifyError(error: unknown): StorageFailure | undefined {
    return classifySqliteError(error);
  }

  async insertEntities(
    trx: CatalogTransaction,
    rows: readonly EntityRow[],
    ctx: { source: string; at: string },
  ) {
    for (const batch of batches(rows, ROWS_PER_STATEMENT)) {
      const parameters: unknown[] = [];
      for (const r of batch) {
        parameters.push(
          r.id,
          r.kind,
          r.name,
          ctx.source,
          r.bodyJson,
          r.originFile,
          r.originLine,
          ctx.at,
          ctx.at,
        );
      }
      await runStatement(
        trx,
        `insert into entities (id, kind, name, source, body, origin_file, origin_line, created_at, updated_at) values ${placeholders(batch.length, 9)}`,
        parameters,
      );
    }
  }

  async updateEntities(
    trx: CatalogTransaction,
    rows: readonly EntityRow[],
    ctx: { source: string; at: string },
  ) {
    let matched = 0;
    for (const batch of batches(rows, ROWS_PER_STATEMENT)) {
      const parameters: unknown[] = [];
      for (const r of batch)
        parameters.push(r.id, r.kind, r.name, r.bodyJson, r.originFile, r.originLine);
      parameters.push(ctx.at, ctx.source);
      matched += await runStatement(
        trx,
        `with r (id, kind, name, body, origin_file, origin_line) as (values ${placeholders(batch.length, 6)})
         update entities set kind = r.kind, name = r.name, body = r.body, origin_file = r.origin_file,
           origin_line = r.origin_line, updated_at = ?
         from r where entities.id = r.id and entities.source = ?`,
        parameters,
      );
    }
    return matched;
  }

  async deleteEntities(trx: CatalogTransaction, ids: readonly string[], ctx: { source: string }) {
    let matched = 0;
    for (const batch of batches(ids, ROWS_PER_STATEMENT * 4)) {
      matched += await runStatement(
        trx,
        // `+source` keeps SQLite on the primary key instead of scanning the source index
        `delete from entities where id in (${parameterList(batch.length)}) and +source = ?`,
        [...batch, ctx.source],
      );
    }
    return matched;
  }

  async moveEntities(
    trx: CatalogTransaction,
    moved: readonly { id: string; origin: { file: string; line: number } }[],
    ctx: { source: string },
  ) {
    let matched = 0;
    for (const batch of batches(moved, ROWS_PER_STATEMENT)) {
      const parameters: unknown[] = [];
      for (const m of batch) parameters.push(m.id, m.origin.file, m.origin.line);
      parameters.push(ctx.source);
      matched += await runStatement(
        trx,
        `with r (id, origin_file, origin_line) as (values ${placeholders(batch.length, 3)})
         update entities set origin_file = r.origin_file, origin_line = r.origin_line
         from r where entities.id = r.id and entities.source = ?`,
        parameters,
      );
    }
    return matched;
  }

  async insertChanges(
    trx: CatalogTransaction,
    rows: readonly ChangeRow[],
    ctx: { applyId: number; source: string; author: string; at: string },
  ) {
    for (const batch of batches(rows, ROWS_PER_STATEMENT)) {
      const parameters: unknown[] = [];
      for (const c of batch)
        parameters.push(c.seq, c.entityId, c.kind, c.op, c.beforeJson, c.afterJson);
      parameters.push(ctx.applyId, ctx.at, ctx.source, ctx.author);
      await runStatement(
        trx,
        `with r (seq, entity_id, kind, op, before, after) as (values ${placeholders(batch.length, 6)})
         insert into changes (seq, entity_id, kind, op, "before", "after", apply_id, at, source, author)
         select r.seq, r.entity_id, r.kind, r.op, r.before, r.after, ?, ?, ?, ? from r`,
        parameters,
      );
    }
  }

  async announce(): Promise<void> {
    // Other processes poll the version (watch); there is nothing to send.
  }

  currentSchema(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }

  async whileMigrating<T>(migrate: () => Promise<T>): Promise<T> {
    // Kysely takes no lock on SQLite; hold the write lock so two processes starting on a new file
    // do not both create the tables. Kysely's single connection is this same database handle.
    this.database.exec('begin immediate');
    try {
      const result = await migrate();
      this.database.exec('commit');
      return result;
    } catch (error) {
      if (this.database.inTransaction) this.database.exec('rollback');
      throw error;
    }
  }

  readConsistently<T>(db: Kysely<CatalogTables>, read: (trx: CatalogTransaction) => Promise<T>) {
    return db.transaction().execute(read);
  }

  watch(signal: () => void): Promise<() => Promise<void>> {
    const timer = setInterval(signal, this.pollIntervalMs);
    timer.unref(); // polling alone never keeps the process alive
    return Promise.resolve(() => Promise.resolve(clearInterval(timer)));
  }

  async close(): Promise<void> {
    // Kysely's destroy() closes the database handle.
  }
}

/** A store on one SQLite file. Call migrate() before use (openStore does). */
export function createSqliteStore(options: SqliteStoreOptions): CatalogStore {
  const database = new Database(options.path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${Math.floor(options.busyTimeoutMs ?? 5000)}`);
  const db = new Kysely<CatalogTables>({ dialect: new SqliteDialect({ database }) });
  return new KyselyCatalogStore(
    db,
    new SqliteAdapter(sqliteLocation(options.path), database, options.pollIntervalMs ?? 500),
  );
}
