/**
 * A fresh PostgreSQL schema per benchmark run: created before the first apply, dropped at the
 * end, reached through `?options=-c search_path=NAME` so the store needs no other setting.
 */
import pg from 'pg';

export const DEFAULT_BENCH_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The base URL to use: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local default. */
export function benchPostgresUrl() {
  return (
    process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_BENCH_POSTGRES_URL
  );
}

async function withClient(url, body) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** Undefined when PostgreSQL answers at `url`, else why not. */
export async function postgresUnreachable(url) {
  try {
    await withClient(url, (c) => c.query('select 1'));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Create schema `name` (dropping a leftover of the same name) and return a URL that uses it. */
export async function createSchema(url, name) {
  await withClient(url, async (c) => {
    await c.query(`drop schema if exists "${name}" cascade`);
    await c.query(`create schema "${name}"`);
  });
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${name}`)}`;
}

export async function dropSchema(url, name) {
  await withClient(url, (c) => c.query(`drop schema if exists "${name}" cascade`));
}
