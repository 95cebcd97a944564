import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start-server.js';
import { testDatabaseUrl } from './support/requirements.js';
import { fixture, runCli, tempDir } from './support/run-cli.js';
import { getJson, startTestServer } from './support/test-server.js';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/test-schema.js';

const PG_URL = testDatabaseUrl();

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  for (let i = 0; i < 200 && Date.now() - started < timeoutMs; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

async function expectServerFollowsCliWrites(databaseUrl: string): Promise<void> {
  const server: RunningServer = await startTestServer({ databaseUrl, loadBundledWhenEmpty: false });
  try {
    expect(
      (await getJson<{ items: unknown[] }>(server, '/api/v1/entities')).body.items,
    ).toHaveLength(0);
    const applied = await runCli(
      ['apply', fixture('cli/small-catalog'), '--source', 'other-process'],
      {
        env: { DATABASE_URL: databaseUrl },
      },
    );
    expect(applied.code, applied.stderr).toBe(0);
    // Bounded wait; how fast it arrives is measured by the benchmarks, not asserted here.
    await waitFor(
      async () => (await getJson(server, '/api/v1/entities/tracker')).status === 200,
      5_000,
    );
    const changed = await runCli(
      ['apply', fixture('cli/small-catalog-changed'), '--source', 'other-process'],
      {
        env: { DATABASE_URL: databaseUrl },
      },
    );
    expect(changed.code, changed.stderr).toBe(0);
    await waitFor(async () => {
      const r = await getJson<{ entity: { poweredBy?: string } }>(
        server,
        '/api/v1/entities/tracker',
      );
      return r.body.entity.poweredBy === 'Roundup 2.4';
    }, 5_000);
    expect((await getJson(server, '/api/v1/entities/wiki')).status).toBe(404);
  } finally {
    await server.close();
  }
}

describe('a running server learns of writes made by other processes', () => {
  it('on SQLite (version polling)', async () => {
    await expectServerFollowsCliWrites(`sqlite:${path.join(tempDir(), 'live.db')}`);
  });

  let schema: TestSchema | undefined;
  afterAll(async () => {
    await schema?.drop();
  });

  it.skipIf(!PG_URL)('on PostgreSQL (LISTEN/NOTIFY)', async () => {
    schema = await createTestSchema(PG_URL ?? '', 'sb_live');
    await expectServerFollowsCliWrites(schema.url());
  });
});
