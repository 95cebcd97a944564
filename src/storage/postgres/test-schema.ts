/**
 * For tests on PostgreSQL: a fresh schema on the test database, a connection URL whose sessions
 * use it, and a way to drop it afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestSchema {
  readonly name: string;
  /** `baseUrl` with `search_path` set to this schema (and read-only sessions when asked). */
  url(options?: { readOnly?: boolean }): string;
  drop(): Promise<void>;
}

async function adminQuery(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Create a schema named `<prefix>_<random>` on the database `baseUrl` names. */
export async function createTestSchema(baseUrl: string, prefix = 'sb_test'): Promise<TestSchema> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `create schema ${name}`);
  return {
    name,
    url({ readOnly = false } = {}) {
      const u = new URL(baseUrl);
      const options = [`-c search_path=${name}`];
      if (readOnly) options.push('-c default_transaction_read_only=on');
      u.searchParams.set('options', options.join(' '));
      return u.toString();
    },
    drop: () => adminQuery(baseUrl, `drop schema if exists ${name} cascade`),
  };
}
