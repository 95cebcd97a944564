/**
 * Readers see whole versions (issue 8), tested the way it was found: a real server on each
 * database holding a 50,000-entity catalog, another process (the real CLI `apply`) applying a
 * version that changes every entity, and 20 concurrent readers checking that every answer is
 * all-old or all-new and that its ETag names the version its content comes from.
 *
 * How fast the catch-up is, and how long requests wait meanwhile, is measured by the benchmarks
 * (bench/steps/catch-up.js), not asserted here.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { exportFiles } from '../src/catalog/export-catalog.js';
import { generateSyntheticCatalog } from './support/synthetic-catalog.js';
import type { Entity } from '../src/core/schema/entity.schema.js';
import type { RunningServer } from '../src/server/start-server.js';
import { testDatabaseUrl } from './support/requirements.js';
import { runCli, tempDir } from './support/run-cli.js';
import { checkedFetch, startTestServer } from './support/test-server.js';
import { createTestSchema, type TestSchema } from '../src/storage/postgres/test-schema.js';

const PG_URL = testDatabaseUrl();

const ENTITIES = 50_000;
const READERS = 20;
/** Per reader; a bound, not a target (the loop stops soon after the new version is seen). */
const MAX_REQUESTS_PER_READER = 5_000;
/** How long readers go on once every one of them has seen the new version. */
const READ_ON_MS = 1_000;
/** Generous bounds: on a loaded 2-core CI machine a 50,000-entity apply can take a minute. */
const DEADLINE_MS = 240_000;
const CLI_TIMEOUT_MS = 240_000;
const TEST_TIMEOUT_MS = 480_000;
/** Readers pause this long between requests, so they leave the CPU to the server and the CLI. */
const READER_PAUSE_MS = 10;

/** Every entity's name ends with its generation: "… g1" before the apply, "… g2" after. */
const generation = (entities: readonly Entity[], g: number): Entity[] =>
  entities.map((e) => ({ ...e, name: `${e.name} g${g}` }));

/** The catalog as YAML files of 1,000 entities, one folder per kind (as the benchmarks write it). */
async function writeCatalog(dir: string, entities: readonly Entity[]): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const CHUNK = 1_000;
  const byKind = new Map<string, Entity[]>();
  for (const e of entities) {
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }
  for (const [kind, list] of byKind) {
    for (let start = 0; start < list.length; start += CHUNK) {
      const [file] = exportFiles(list.slice(start, start + CHUNK), 'yaml');
      await writeFile(path.join(dir, `${kind}-${start / CHUNK}.yaml`), file?.content ?? '');
    }
  }
}

interface Answer {
  path: string;
  etag: string | null;
  generations: string[];
}

const READ_PATHS = [
  '/api/v1/entities?kind=Host&limit=500',
  '/api/v1/entities?limit=100',
  '/api/v1/entities?kind=Service&limit=100',
  '/api/v1/entities/provider-00001',
];

function generationsOf(body: unknown): string[] {
  const names: string[] = [];
  const b = body as { items?: { name: string }[]; entity?: { name: string } };
  for (const item of b.items ?? []) names.push(item.name);
  if (b.entity) names.push(b.entity.name);
  return [...new Set(names.map((n) => / g(\d+)$/.exec(n)?.[1] ?? `unmarked: ${n}`))];
}

async function read(server: RunningServer, p: string): Promise<Answer> {
  const res = await checkedFetch(server, p);
  expect(res.status, p).toBe(200);
  return { path: p, etag: res.headers.get('etag'), generations: generationsOf(await res.json()) };
}

let catalog: Entity[] | undefined;

const progress = (what: string) => {
  if (process.env.WHOLE_VERSIONS_PROGRESS === '1') console.error(new Date().toISOString(), what);
};

async function expectWholeVersions(databaseUrl: string): Promise<void> {
  const dir = path.join(tempDir(), 'catalog');
  const base = (catalog ??= generateSyntheticCatalog(ENTITIES, 7));
  await writeCatalog(dir, generation(base, 1));
  progress('catalog written; starting the server (it applies generation 1)');
  const server = await startTestServer({ databaseUrl, catalogDir: dir });
  progress('server up');
  try {
    const before = await read(server, READ_PATHS[0]!);
    expect(before.generations).toEqual(['1']);
    const oldTag = before.etag;
    expect(oldTag).toMatch(/^W\/"v\d+"$/);

    await writeCatalog(dir, generation(base, 2));
    const answers: Answer[] = [];
    const seenNew = new Set<number>();
    let stopAt = Date.now() + DEADLINE_MS;
    const reader = async (r: number) => {
      for (let i = 0; i < MAX_REQUESTS_PER_READER && Date.now() < stopAt; i++) {
        const answer = await read(server, READ_PATHS[(r + i) % READ_PATHS.length]!);
        answers.push(answer);
        await sleep(READER_PAUSE_MS);
        if (answer.generations.includes('2') && !seenNew.has(r)) {
          seenNew.add(r);
          if (seenNew.size === READERS) stopAt = Math.min(stopAt, Date.now() + READ_ON_MS);
        }
      }
    };
    const readers = Array.from({ length: READERS }, (_, r) => reader(r));
    // The other process: the real CLI, applying a version that changes every entity.
    progress('readers started; the CLI applies generation 2');
    const cli = await runCli(['apply', dir], {
      env: { DATABASE_URL: databaseUrl },
      timeoutMs: CLI_TIMEOUT_MS,
    });
    progress(`CLI done (${cli.code}); ${answers.length} answers so far`);
    expect(cli.code, cli.stderr.slice(-2_000)).toBe(0);
    await Promise.all(readers);
    progress(`readers done: ${answers.length} answers`);

    const newTags = new Set(answers.filter((a) => a.etag !== oldTag).map((a) => a.etag));
    expect(newTags.size, 'one new version, whole').toBe(1);
    const [newTag] = newTags;
    expect(newTag).toMatch(/^W\/"v\d+"$/);
    const wrong = answers.filter(
      (a) =>
        a.generations.length !== 1 ||
        a.etag !== (a.generations[0] === '1' ? oldTag : a.generations[0] === '2' ? newTag : '?'),
    );
    expect(wrong.slice(0, 5), `${wrong.length} of ${answers.length} answers`).toEqual([]);
    const old = answers.filter((a) => a.etag === oldTag).length;
    // The readers must have run across the switch, or this proves nothing.
    expect(old, 'answers from the old version').toBeGreaterThan(READERS);
    expect(answers.length - old, 'answers from the new version').toBeGreaterThanOrEqual(READERS);
    expect(seenNew.size).toBe(READERS);
    // And the server now holds the new version.
    expect((await read(server, READ_PATHS[1]!)).etag).toBe(newTag);
  } finally {
    await server.close();
  }
}

describe('readers see whole versions while another process applies a new one', () => {
  it('on SQLite', { timeout: TEST_TIMEOUT_MS }, async () => {
    await expectWholeVersions(`sqlite:${path.join(tempDir(), 'whole.db')}`);
  });

  let schema: TestSchema | undefined;
  afterAll(async () => {
    await schema?.drop();
  });

  it.skipIf(!PG_URL)('on PostgreSQL', { timeout: TEST_TIMEOUT_MS }, async () => {
    schema = await createTestSchema(PG_URL ?? '', 'sb_whole');
    await expectWholeVersions(schema.url());
  });
});
