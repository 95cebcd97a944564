/**
 * The PostgreSQL CatalogStore: a pg Pool through Kysely. Every PostgreSQL-specific statement is in
 * this file.
 *
 * Bulk writes send one JSON parameter per batch and expand it with jsonb_to_recordset, so a batch
 * is one round trip and no statement nears the 65,535 bound-parameter limit. An apply sends
 * NOTIFY switchboard_catalog '<version>' on commit; onExternalChange LISTENs on a dedicated client
 * that reconnects when the connection drops.
 */
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { CatalogStore } from '../catalog-store.js';
import type { CatalogTables } from '../catalog-tables.js';
import {
  batches,
  type CatalogTransaction,
  type ChangeRow,
  type DialectAdapter,
  type EntityRow,
  type StorageFailure,
  type WriteContext,
} from '../dialect-adapter.js';
import { KyselyCatalogStore } from '../kysely-store.js';
import { runStatement } from '../run-statement.js';
import { ChannelListener } from './channel-listener.js';
import { jsonbText } from './jsonb-text.js';
import type { ColumnTypes } from '../migrations/column-types.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database; `?options=-c search_path=NAME` picks a schema. */
  connectionString: string;
  /** The most connections the pool opens; 10 by default. */
  poolSize?: number;
  /** First wait before reconnecting a dropped LISTEN connection; 1000 ms by default (doubles to 30 s). */
  reconnectDelayMs?: number;
}

export const CATALOG_CHANNEL = 'switchboard_catalog';
const ROWS_PER_STATEMENT = 2000;

const postgresColumnTypes: ColumnTypes = {
  json: 'jsonb',
  timestamp: 'timestamptz',
  bigInteger: 'bigint',
  autoIncrementKey: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
};

const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID) as (text: string) => Date;

/**
 * A timestamptz as ISO-8601. Sessions run in UTC (see createPostgresStore), so the text is
 * `2026-11-02 10:15:30.25+00` and needs no Date on the way (a tenth of the time at 100k rows).
 */
function timestamptzToIso(text: string): string {
  if (text.length >= 22 && text[10] === ' ' && text.endsWith('+00')) {
    const fraction = text.slice(19, -3);
    const millis = fraction === '' ? '.000' : `${fraction}000`.slice(0, 4);
    return `${text.slice(0, 10)}T${text.slice(11, 19)}${millis}Z`;
  }
  return parseTimestamptz(text).toISOString();
}

/** bigint as number (versions stay far below 2^53); timestamptz as an ISO-8601 string. */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID) return (text: string) => Number(text);
    if (oid === TIMESTAMPTZ_OID) return timestamptzToIso;
    return pg.types.getTypeParser(oid, format) as (text: string) => unknown;
  }) as typeof pg.types.getTypeParser,
};

const json = (value: unknown): string => JSON.stringify(value);

function entityRecords(rows: readonly EntityRow[]): string {
  return `[${rows
    .map(
      (r) =>
        `{"id":${json(r.id)},"kind":${json(r.kind)},"name":${json(r.name)},"body":${r.bodyJson},` +
        `"origin_file":${json(r.originFile)},"origin_line":${json(r.originLine)}}`,
    )
    .join(',')}]`;
}

function changeRecords(rows: readonly ChangeRow[]): string {
  return `[${rows
    .map(
      (c) =>
        `{"seq":${c.seq},"entity_id":${json(c.entityId)},"kind":${json(c.kind)},"op":${json(c.op)},` +
        `"before":${c.beforeJson ?? 'null'},"after":${c.afterJson ?? 'null'}}`,
    )
    .join(',')}]`;
}

const ENTITY_RECORD = `r(id text, kind text, name text, body jsonb, origin_file text, origin_line integer)`;

/** The PostgreSQL failures an apply (or opening the database) explains to the user. */
export function classifyPostgresError(error: unknown): StorageFailure | undefined {
  if (!(error instanceof pg.DatabaseError)) return undefined;
  if (error.code === '23505') return 'duplicate_key'; // unique_violation
  // untranslatable_character (\u0000), invalid_text_representation (an unpaired surrogate)
  if (error.code === '22P05' || error.code === '22P02') return 'unsupported_text';
  if (error.code === '55P03') return 'busy'; // lock_not_available
  if (error.code === '53100') return 'disk_full';
  if (error.code === '25006') return 'read_only'; // read_only_sql_transaction (or a standby)
  return undefined;
}

/** Server and database of a connection string, for messages: never the user or password. */
export function postgresLocation(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.host}${url.pathname}`;
  } catch {
    return 'named by the connection string';
  }
}

class PostgresAdapter implements DialectAdapter {
  readonly dialect = 'postgres';
  readonly columnTypes = postgresColumnTypes;
  private readonly listeners = new Set<ChannelListener>();

  constructor(
    readonly location: string,
    private readonly clientConfig: pg.ClientConfig,
    private readonly reconnectDelayMs: number,
  ) {}

  decodeJson(value: unknown): unknown {
    return value; // pg parses jsonb
  }

  readonly reordersJsonKeys = true; // jsonb orders keys its own way

  jsonAsText(column: string): string {
    return `${column}::text`;
  }

  storedJsonText(value: unknown): string {
    return jsonbText(value);
  }

  classifyError(error: unknown): StorageFailure | undefined {
    return classifyPostgresError(error);
  }

  async insertEntities(trx: CatalogTransaction, rows: readonly EntityRow[], ctx: WriteContext) {
    for (const batch of batches(rows, ROWS_PER_STATEMENT)) {
      await runStatement(
        trx,
        `insert into entities (id, kind, name, source, body, origin_file, origin_line, created_at, updated_at)
         select r.id, r.kind, r.name, $2, r.body, r.origin_file, r.origin_line, $3::timestamptz, $3::timestamptz
         from jsonb_to_recordset($1::jsonb) as ${ENTITY_RECORD}`,
        [entityRecords(batch), ctx.source, ctx.at],
      );
    }
  }

  async updateEntities(trx: CatalogTransaction, rows: readonly EntityRow[], ctx: WriteContext) {
    let matched = 0;
    for (const batch of batches(rows, ROWS_PER_STATEMENT)) {
      matched += await runStatement(
        trx,
        `update entities as e set kind = r.kind, name = r.name, body = r.body, origin_file = r.origin_file,
           origin_line = r.origin_line, updated_at = $3::timestamptz
         from jsonb_to_recordset($1::jsonb) as ${ENTITY_RECORD}
         where e.id = r.id and e.source = $2`,
        [entityRecords(batch), ctx.source, ctx.at],
      );
    }
    return matched;
  }

  async deleteEntities(trx: CatalogTransaction, ids: readonly string[], ctx: WriteContext) {
    let matched = 0;
    for (const batch of batches(ids, ROWS_PER_STATEMENT * 5)) {
      matched += await runStatement(
        trx,
        `delete from entities where source = $1 and id = any($2::text[])`,
        [ctx.source, batch],
      );
    }
    return matched;
  }

  async moveEntities(
    trx: CatalogTransaction,
    moved: readonly { id: string; origin: { file: string; line: number } }[],
    ctx: WriteContext,
  ) {
    let matched = 0;
    for (const batch of batches(moved, ROWS_PER_STATEMENT * 5)) {
      const records = batch.map((m) => ({
        id: m.id,
        origin_file: m.origin.file,
        origin_line: m.origin.line,
      }));
      matched += await runStatement(
        trx,
        `update entities as e set origin_file = r.origin_file, origin_line = r.origin_line
         from jsonb_to_recordset($1::jsonb) as r(id text, origin_file text, origin_line integer)
         where e.id = r.id and e.source = $2`,
        [JSON.stringify(records), ctx.source],
      );
    }
    return matched;
  }

  async insertChanges(trx: CatalogTransaction, rows: readonly ChangeRow[], ctx: WriteContext) {
    for (const batch of batches(rows, ROWS_PER_STATEMENT)) {
      await runStatement(
        trx,
        `insert into changes (seq, apply_id, at, source, author, entity_id, kind, op, "before", "after")
         select r.seq, $2::integer, $3::timestamptz, $4::text, $5::text, r.entity_id, r.kind, r.op, r."before", r."after"
         from jsonb_to_recordset($1::jsonb)
           as r(seq bigint, entity_id text, kind text, op text, "before" jsonb, "after" jsonb)`,
        [changeRecords(batch), ctx.applyId, ctx.at, ctx.source, ctx.author],
      );
    }
  }

  async announce(trx: CatalogTransaction, version: number): Promise<void> {
    await runStatement(trx, `select pg_notify($1, $2)`, [CATALOG_CHANNEL, String(version)]);
  }

  async currentSchema(db: Kysely<CatalogTables>): Promise<string | undefined> {
    const { rows } = await db.executeQuery<{ schema: string | null }>(
      CompiledQuery.raw(`select current_schema() as schema`),
    );
    return rows[0]?.schema ?? undefined;
  }

  whileMigrating<T>(migrate: () => Promise<T>): Promise<T> {
    return migrate(); // Kysely's migrator locks its lock table row on PostgreSQL
  }

  readConsistently<T>(db: Kysely<CatalogTables>, read: (trx: CatalogTransaction) => Promise<T>) {
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(read);
  }

  async watch(signal: () => void): Promise<() => Promise<void>> {
    const listener = new ChannelListener(
      this.clientConfig,
      CATALOG_CHANNEL,
      signal,
      this.reconnectDelayMs,
    );
    await listener.start();
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
      await listener.stop();
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.listeners].map((l) => l.stop()));
    this.listeners.clear();
  }
}

/** A store on one PostgreSQL database (or schema). Call migrate() before use (openStore does). */
export function createPostgresStore(options: PostgresStoreOptions): CatalogStore {
  const clientConfig: pg.ClientConfig = {
    connectionString: options.connectionString,
    types: pgTypes,
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 10 });
  // An idle pooled connection that drops is discarded by the pool; the next query opens another.
  pool.on('error', () => undefined);
  const dialect = new PostgresDialect({
    pool,
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw(`set time zone 'UTC'`));
    },
  });
  const db = new Kysely<CatalogTables>({ dialect });
  return new KyselyCatalogStore(
    db,
    new PostgresAdapter(
      postgresLocation(options.connectionString),
      clientConfig,
      options.reconnectDelayMs ?? 1000,
    ),
  );
}
