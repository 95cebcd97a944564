/**
 * Open the catalog database a URL names, run its migrations, and hand back the store.
 *
 * Accepted: `sqlite:PATH`, `sqlite://PATH` (`sqlite:///abs/path` is absolute), a plain file path,
 * `:memory:`, and `postgres://` or `postgresql://` URLs. Without a URL, DATABASE_URL; without
 * that, `sqlite:./data/switchboard.db`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inputError, SwitchboardError } from '../core/errors.js';
import type { CatalogStore } from './catalog-store.js';
import { storageFailureError, type FailedDatabase } from './storage-errors.js';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/switchboard.db';

export type DatabaseTarget =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; connectionString: string };

const ACCEPTED =
  'sqlite:PATH, sqlite://PATH, a file path, :memory:, or a postgres:// / postgresql:// URL';

/** The URL to use: the argument, else DATABASE_URL (when not empty), else the default. */
export function resolveDatabaseUrl(url?: string): string {
  if (url !== undefined) return url;
  const fromEnv = process.env.DATABASE_URL;
  return fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv : DEFAULT_DATABASE_URL;
}

/** Read a database URL; unsupported ones are a SwitchboardError `storage.bad_url`. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const text = url.trim();
  const bad = (why: string) =>
    inputError(
      'storage.bad_url',
      `unsupported database URL "${describeDatabaseUrl(text)}": ${why}; use ${ACCEPTED}`,
    );
  if (text === '') throw bad('it is empty');
  if (text === ':memory:') return { dialect: 'sqlite', path: ':memory:' };
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return { dialect: 'sqlite', path: text }; // a plain path (C:\ too)
  if (scheme === 'sqlite') {
    const path = text.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw bad('it names no file');
    return { dialect: 'sqlite', path };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    try {
      new URL(text);
    } catch {
      throw bad('it is not a valid URL');
    }
    return { dialect: 'postgres', connectionString: text };
  }
  throw bad(`"${scheme}:" is not a supported database`);
}

/** The URL for log lines: passwords (in the authority or a `password=` parameter) become ***. */
export function describeDatabaseUrl(url?: string): string {
  const text = resolveDatabaseUrl(url);
  return text
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i, '$1:***@')
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}

/** Only the named database's driver is loaded: each takes a noticeable part of a command's start. */
async function createStore(target: DatabaseTarget): Promise<CatalogStore> {
  if (target.dialect === 'postgres') {
    const { createPostgresStore } = await import('./postgres/postgres-store.js');
    return createPostgresStore({ connectionString: target.connectionString });
  }
  if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
  const { createSqliteStore } = await import('./sqlite/sqlite-store.js');
  return createSqliteStore({ path: target.path });
}

/** A disk-full or read-only failure while opening, with the database it happened to. */
async function describeFailure(
  target: DatabaseTarget,
  error: unknown,
): Promise<{ failure: 'disk_full' | 'read_only'; database: FailedDatabase } | undefined> {
  if (target.dialect === 'sqlite') {
    const { classifySqliteError, sqliteLocation } = await import('./sqlite/sqlite-store.js');
    const failure = classifySqliteError(error);
    if (failure !== 'disk_full' && failure !== 'read_only') return undefined;
    return { failure, database: { dialect: 'sqlite', location: sqliteLocation(target.path) } };
  }
  const { classifyPostgresError, postgresLocation } = await import('./postgres/postgres-store.js');
  const failure = classifyPostgresError(error);
  if (failure !== 'disk_full' && failure !== 'read_only') return undefined;
  return {
    failure,
    database: { dialect: 'postgres', location: postgresLocation(target.connectionString) },
  };
}

/** Open the database `url` names (see the module comment) and bring its schema up to date. */
export async function openStore(url?: string): Promise<CatalogStore> {
  const resolved = resolveDatabaseUrl(url);
  const target = parseDatabaseUrl(resolved);
  let store: CatalogStore | undefined;
  try {
    store = await createStore(target);
    await store.migrate();
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    if (error instanceof SwitchboardError) throw error;
    const found = await describeFailure(target, error);
    if (found)
      throw storageFailureError(found.failure, found.database, error, 'Opening the database');
    const reason = error instanceof Error ? error.message : String(error);
    throw new SwitchboardError(
      'unavailable',
      'storage.unavailable',
      `cannot open ${describeDatabaseUrl(resolved)}: ${reason}`,
    );
  }
}
