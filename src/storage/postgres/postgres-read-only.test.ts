/**
 * A PostgreSQL database that may not be written (a read-only standby, or a user whose sessions
 * default to read-only transactions) answers an apply with `storage.read_only`, like SQLite.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../test/support/requirements.js';
import { SwitchboardError } from '../../core/errors.js';
import { computePlan } from '../../core/plan.js';
import { openStore } from '../open-store.js';
import { declared, service } from '../../../test/support/test-entities.js';
import { createPostgresStore } from './postgres-store.js';
import { createTestSchema } from './test-schema.js';

const baseUrl = testDatabaseUrl();

const meta = (source: string) => ({ source, author: 'test', at: new Date() });

describe.skipIf(!baseUrl)('PostgreSQL store that may not be written', () => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it('refuses an apply with storage.read_only, names the database, and keeps the catalog', async () => {
    const schema = await createTestSchema(baseUrl!);
    cleanup.push(() => schema.drop());
    const writable = await openStore(schema.url());
    cleanup.push(() => writable.close());
    await writable.applyPlan(
      computePlan(declared([service('a')]), new Map(), 'dir:x'),
      meta('dir:x'),
      0,
    );

    const readOnly = createPostgresStore({ connectionString: schema.url({ readOnly: true }) });
    cleanup.push(() => readOnly.close());
    const snapshot = await readOnly.loadSnapshot();
    const plan = computePlan(
      declared([service('a', { name: 'Renamed' }), service('b')]),
      snapshot.entities,
      'dir:x',
    );
    const error = await readOnly.applyPlan(plan, meta('dir:x'), snapshot.version).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SwitchboardError);
    const failure = error as SwitchboardError;
    expect(failure.code).toBe('storage.read_only');
    expect(failure.kind).toBe('unavailable');
    expect(failure.message).toContain(new URL(baseUrl!).host);
    expect(failure.message).toContain('read-only transaction');
    expect(failure.message).toContain('default_transaction_read_only');
    expect(failure.message).not.toMatch(/password|postgres:\/\//);

    const after = await writable.loadSnapshot();
    expect(after.version).toBe(snapshot.version);
    expect([...after.entities.keys()]).toEqual(['a']);
    expect(after.entities.get('a')?.entity.name).toBe('Service a');
  });

  it('says storage.read_only when opening needs a write it may not make', async () => {
    const schema = await createTestSchema(baseUrl!);
    cleanup.push(() => schema.drop());
    // A new schema needs its tables: a read-only session cannot create them.
    const error = await openStore(schema.url({ readOnly: true })).then(
      (store) => store.close(),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('storage.read_only');
    expect((error as SwitchboardError).message).toMatch(
      /^Opening the database failed: .* cannot be written/,
    );
  });
});
