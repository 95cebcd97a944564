/**
 * The column types that differ between the databases. Migrations are written once against these,
 * so a new table (monitors, schedules, users) is one migration for both databases.
 */
import type { ColumnDefinitionBuilder } from 'kysely';

export interface ColumnTypes {
  /** JSON documents: `text` on SQLite, `jsonb` on PostgreSQL. */
  json: 'text' | 'jsonb';
  /** Points in time: ISO-8601 `text` on SQLite, `timestamptz` on PostgreSQL. */
  timestamp: 'text' | 'timestamptz';
  /** Counters that may outgrow 32 bits (versions, sequence numbers). */
  bigInteger: 'integer' | 'bigint';
  /** Make an integer column an automatically numbered primary key. */
  autoIncrementKey(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
}
