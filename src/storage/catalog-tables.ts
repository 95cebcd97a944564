/**
 * The tables as Kysely sees them. JSON columns are `text` on SQLite and `jsonb` on PostgreSQL, so
 * their TypeScript type is `unknown` here and each dialect decodes them (DialectAdapter.decodeJson).
 * Timestamps are ISO-8601 strings on both (PostgreSQL's timestamptz is parsed to one).
 */
import type { Generated } from 'kysely';

export interface EntitiesTable {
  id: string;
  kind: string;
  name: string;
  source: string;
  body: unknown;
  origin_file: string | null;
  origin_line: number | null;
  created_at: string;
  updated_at: string;
}

/** One row per apply that wrote something. */
export interface AppliesTable {
  id: Generated<number>;
  at: string;
  source: string;
  author: string;
  created: number;
  updated: number;
  deleted: number;
  moved: number;
  /** The catalog version this apply left behind. */
  version: number;
}

/** One row per created, updated or deleted entity; `seq` is the catalog version it produced. */
export interface ChangesTable {
  seq: number;
  apply_id: number;
  at: string;
  source: string;
  author: string;
  entity_id: string;
  kind: string;
  op: string;
  before: unknown;
  after: unknown;
}

/** A single row (id = 1) holding the catalog version. */
export interface CatalogMetaTable {
  id: number;
  version: number;
}

export interface CatalogTables {
  entities: EntitiesTable;
  applies: AppliesTable;
  changes: ChangesTable;
  catalog_meta: CatalogMetaTable;
}
