import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SwitchboardError } from '../core/errors.js';
import {
  DEFAULT_DATABASE_URL,
  describeDatabaseUrl,
  openStore,
  parseDatabaseUrl,
  resolveDatabaseUrl,
  type DatabaseTarget,
} from './open-store.js';

describe('parseDatabaseUrl', () => {
  const accepted: [string, DatabaseTarget][] = [
    ['sqlite:./data/switchboard.db', { dialect: 'sqlite', path: './data/switchboard.db' }],
    ['sqlite:/var/lib/sb.db', { dialect: 'sqlite', path: '/var/lib/sb.db' }],
    ['sqlite://./data/x.db', { dialect: 'sqlite', path: './data/x.db' }],
    ['sqlite:///var/lib/sb.db', { dialect: 'sqlite', path: '/var/lib/sb.db' }],
    ['SQLite:catalog.db', { dialect: 'sqlite', path: 'catalog.db' }],
    ['sqlite::memory:', { dialect: 'sqlite', path: ':memory:' }],
    [':memory:', { dialect: 'sqlite', path: ':memory:' }],
    ['data/switchboard.db', { dialect: 'sqlite', path: 'data/switchboard.db' }],
    ['/tmp/catalog.sqlite', { dialect: 'sqlite', path: '/tmp/catalog.sqlite' }],
    ['C:\\data\\sb.db', { dialect: 'sqlite', path: 'C:\\data\\sb.db' }],
    [
      'postgres://sb:secret@db:5432/sb',
      { dialect: 'postgres', connectionString: 'postgres://sb:secret@db:5432/sb' },
    ],
    [
      'postgresql://localhost/sb',
      { dialect: 'postgres', connectionString: 'postgresql://localhost/sb' },
    ],
  ];
  it.each(accepted)('reads %s', (url, target) => {
    expect(parseDatabaseUrl(url)).toEqual(target);
  });

  const refused: [string, RegExp][] = [
    ['mysql://root@localhost/sb', /"mysql:" is not a supported database/],
    ['https://example.org/db', /"https:" is not a supported database/],
    ['sqlite:', /names no file/],
    ['', /empty/],
    ['postgres://[broken', /not a valid URL/],
  ];
  it.each(refused)('refuses %j with storage.bad_url', (url, reason) => {
    let error: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('storage.bad_url');
    expect((error as SwitchboardError).kind).toBe('input');
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).toContain('sqlite:PATH');
    expect((error as Error).message).toContain('postgres://');
  });

  it('does not echo a password in its refusal', () => {
    expect(() => parseDatabaseUrl('mysql://root:hunter2@db/sb')).toThrow(/root:\*\*\*@db/);
    expect(() => parseDatabaseUrl('mysql://root:hunter2@db/sb')).not.toThrow(/hunter2/);
  });
});

describe('describeDatabaseUrl', () => {
  it.each([
    ['postgres://sb:secret@db:5432/sb', 'postgres://sb:***@db:5432/sb'],
    ['postgresql://sb:p%40ss@db/sb?sslmode=require', 'postgresql://sb:***@db/sb?sslmode=require'],
    [
      'postgres://sb@db/sb?password=secret&sslmode=require',
      'postgres://sb@db/sb?password=***&sslmode=require',
    ],
    ['postgres://db/sb', 'postgres://db/sb'],
    ['sqlite:./data/switchboard.db', 'sqlite:./data/switchboard.db'],
  ])('shows %s as %s', (url, shown) => {
    expect(describeDatabaseUrl(url)).toBe(shown);
  });

  it('describes the default when given nothing', () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      expect(describeDatabaseUrl(undefined)).toBe(DEFAULT_DATABASE_URL);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });
});

describe('openStore', () => {
  const saved = process.env.DATABASE_URL;
  let dir: string | undefined;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('uses DATABASE_URL, else the default, and ignores an empty DATABASE_URL', () => {
    process.env.DATABASE_URL = 'sqlite:/tmp/from-env.db';
    expect(resolveDatabaseUrl()).toBe('sqlite:/tmp/from-env.db');
    expect(resolveDatabaseUrl('sqlite:given.db')).toBe('sqlite:given.db');
    process.env.DATABASE_URL = '';
    expect(resolveDatabaseUrl()).toBe(DEFAULT_DATABASE_URL);
  });

  it('creates the folder of a SQLite file and migrates it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-open-'));
    const path = join(dir, 'nested', 'deeper', 'catalog.db');
    process.env.DATABASE_URL = `sqlite:${path}`;
    const store = await openStore();
    try {
      expect(store.dialect).toBe('sqlite');
      expect(await store.version()).toBe(0);
      expect(existsSync(path)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('opens an in-memory database', async () => {
    const store = await openStore(':memory:');
    expect(await store.count()).toBe(0);
    await store.close();
  });

  it('reports a SQLite path it cannot open as storage.unavailable', async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-open-'));
    await expect(openStore(`sqlite:${dir}`)).rejects.toMatchObject({
      code: 'storage.unavailable',
      message: expect.stringContaining(dir) as unknown,
    });
  });

  it('reports an unreachable PostgreSQL as storage.unavailable, without the password', async () => {
    const error: unknown = await openStore('postgres://sb:hunter2@127.0.0.1:1/sb').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('storage.unavailable');
    expect((error as SwitchboardError).kind).toBe('unavailable');
    expect((error as Error).message).toContain('postgres://sb:***@127.0.0.1:1/sb');
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('refuses an unsupported URL before touching anything', async () => {
    await expect(openStore('mysql://localhost/sb')).rejects.toMatchObject({
      code: 'storage.bad_url',
    });
  });
});
