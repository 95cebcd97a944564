/**
 * The one CatalogStore test suite. sqlite/sqlite-store.test.ts and postgres/postgres-store.test.ts
 * run it, each with a harness that hands out stores on a fresh, empty database.
 */
import { entitySchema } from '../core/schema/entity.schema.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/canonical-json.js';
import { SwitchboardError } from '../core/errors.js';
import { computePlan, summarizePlan, type Plan } from '../core/plan.js';
import type { Entity } from '../core/schema/entity.schema.js';
import type { CatalogStore, WriteMeta } from './catalog-store.js';
import { declared, person, service, team } from '../../test/support/test-entities.js';

export interface StoreHarness {
  /** A new store on this harness's database, not yet migrated. */
  open(): Promise<CatalogStore>;
  /** Remove the database. Every store opened here is closed first. */
  destroy(): Promise<void>;
}

const SOURCE = 'dir:catalog/psf';
const AT = new Date('2026-11-02T10:15:30.250Z');
const meta = (author = 'cli:alice', source = SOURCE, at = AT): WriteMeta => ({
  source,
  author,
  at,
});

/** Plan `entities` for `source` against what `store` holds, and apply it. */
async function applyEntities(
  store: CatalogStore,
  entities: readonly Entity[],
  source = SOURCE,
  author = 'cli:alice',
) {
  const { version, entities: current } = await store.loadSnapshot();
  const plan = computePlan(declared(entities), current, source);
  return { plan, result: await store.applyPlan(plan, meta(author, source), version) };
}

/** Everything a failed apply must leave untouched. */
async function state(store: CatalogStore) {
  return {
    version: await store.version(),
    count: await store.count(),
    entities: canonicalJson([...(await store.loadAll()).entries()]),
    history: (await store.history()).length,
  };
}

async function expectRefusal(promise: Promise<unknown>, code: string) {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SwitchboardError);
  expect((error as SwitchboardError).code).toBe(code);
  return error as SwitchboardError;
}

function waitFor<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The handles that keep a Node process alive, counted by type. */
function liveHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) {
    if (type === 'TCPSocketWrap' || type === 'Timeout' || type === 'FSReqCallback') {
      counts[type] = (counts[type] ?? 0) + 1;
    }
  }
  return counts;
}

const UNICODE_SERVICE = service('unicode', {
  name: 'Ünïcödé — 日本語のサービス 🐍👩🏽‍💻 עברית',
  description:
    'Combining: e\u0301, zero-width joiner: \u200d, line separator: \u2028, quotes: "\'\\',
  notes: 'tab\tnewline\nand a 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 astral plane',
  tags: ['ß', 'İ', 'ﬁ'],
});

export function describeCatalogStoreContract(
  name: string,
  createHarness: (() => Promise<StoreHarness>) | undefined,
): void {
  describe.skipIf(createHarness === undefined)(`CatalogStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let stores: CatalogStore[];

    /** A store on the shared test database, not yet migrated. */
    async function openStore(): Promise<CatalogStore> {
      const store = await harness.open();
      stores.push(store);
      return store;
    }
    async function openMigrated(): Promise<CatalogStore> {
      const store = await openStore();
      await store.migrate();
      return store;
    }

    beforeEach(async () => {
      harness = await createHarness!();
      stores = [];
    });
    afterEach(async () => {
      await Promise.all(stores.map((s) => s.close()));
      await harness.destroy();
    });

    it('migrates an empty database, again without effect, and starts empty', async () => {
      const store = await openStore();
      await store.migrate();
      await store.migrate();
      await (await openStore()).migrate();
      expect(await store.version()).toBe(0);
      expect(await store.count()).toBe(0);
      expect((await store.loadAll()).size).toBe(0);
      expect(await store.history()).toEqual([]);
      expect(await store.loadSnapshot()).toEqual({ version: 0, entities: new Map() });
    });

    it('creates, updates and deletes what computePlan says', async () => {
      const store = await openMigrated();
      const first = [
        person('ee-durbin'),
        team('infrastructure-staff', ['ee-durbin']),
        service('bugs'),
      ];
      const { result } = await applyEntities(store, first);
      expect(result).toMatchObject({ created: 3, updated: 0, deleted: 0, version: 3 });
      expect(result.applyId).toBeGreaterThan(0);
      const loaded = await store.loadAll();
      expect([...loaded.keys()].sort()).toEqual(['bugs', 'ee-durbin', 'infrastructure-staff']);
      expect(loaded.get('bugs')).toEqual({
        entity: service('bugs'),
        source: SOURCE,
        origin: { file: 'catalog.yaml', line: 41 },
        updatedAt: AT.toISOString(),
      });

      const second = [person('ee-durbin', { name: 'Ee Durbin' }), service('bugs'), service('wiki')];
      const { plan, result: again } = await applyEntities(store, second);
      expect(summarizePlan(plan)).toEqual({ create: 1, update: 1, delete: 1 });
      expect(again).toMatchObject({ created: 1, updated: 1, deleted: 1, version: 6 });
      expect(await store.count()).toBe(3);
      expect((await store.get('ee-durbin'))?.entity.name).toBe('Ee Durbin');
      expect(await store.get('infrastructure-staff')).toBeUndefined();
      expect((await store.get('wiki'))?.entity).toEqual(service('wiki'));

      const { plan: noop, result: none } = await applyEntities(store, second);
      expect(noop.changes).toEqual([]);
      expect(none).toEqual({
        applyId: 0,
        created: 0,
        updated: 0,
        deleted: 0,
        moved: 0,
        version: 6,
      });
    });

    it('round-trips entity bodies exactly, whatever their key order', async () => {
      const store = await openMigrated();
      const reordered = Object.fromEntries(
        Object.entries(service('reordered')).reverse(),
      ) as Entity;
      await applyEntities(store, [UNICODE_SERVICE, reordered, person('ee-durbin')]);
      const reader = await openMigrated();
      const loaded = await reader.loadAll();
      for (const entity of [UNICODE_SERVICE, reordered, person('ee-durbin')]) {
        expect(canonicalJson(loaded.get(entity.id)?.entity)).toBe(canonicalJson(entity));
        expect(canonicalJson((await reader.get(entity.id))?.entity)).toBe(canonicalJson(entity));
      }
      const [change] = await reader.history({ entityId: 'unicode' });
      expect(canonicalJson(change?.after)).toBe(canonicalJson(UNICODE_SERVICE));
    });

    it('tells an unchanged body from its stored text, and parses a lazy body only when read', async () => {
      const store = await openMigrated();
      const odd = person('odd', {
        name: 'Quote " backslash \\ tab \t bell \u0007 é 𝄞 \u2028',
        handles: { github: 'odd', é: 'accent', zz: 'z', a: 'a' },
      });
      const entities = [UNICODE_SERVICE, odd, service('plain')];
      await applyEntities(store, entities);
      const reader = await openMigrated();
      const snapshot = await reader.loadSnapshot({ anyFieldOrder: true, lazyBodies: true });
      const sameBody = snapshot.sameBody!;
      for (const entity of entities) {
        const stored = snapshot.entities.get(entity.id)!;
        // Equal text for the very entity written, whatever the database did to its keys ...
        expect(sameBody(stored, entity)).toBe(true);
        // ... and a lazy body reads back as the entity.
        expect(canonicalJson(stored.entity)).toBe(canonicalJson(entity));
      }
      const stored = snapshot.entities.get('plain')!;
      expect(sameBody(stored, service('plain', { name: 'Renamed' }))).toBe(false);
      const plan = computePlan(
        declared([UNICODE_SERVICE, odd, service('plain', { tags: ['web', 'new'] })]),
        snapshot.entities,
        SOURCE,
        { sameBody },
      );
      expect(summarizePlan(plan)).toEqual({ create: 0, update: 1, delete: 0 });
      expect(plan.changes[0]).toMatchObject({
        op: 'update',
        id: 'plain',
        fields: [{ field: 'tags' }],
      });
    });

    it('gives entities back with their fields in schema order at every depth', async () => {
      const store = await openMigrated();
      const written = entitySchema.parse({
        kind: 'Service',
        id: 'ordered',
        name: 'Ordered',
        runsOn: [{ provider: 'cloud', as: 'vm', managedBy: 'salt' }],
        contacts: [{ type: 'irc', value: '#ordered', network: 'libera', note: 'zz' }],
        reviewed: { date: '2026-01-01', by: 'ee-durbin' },
      });
      await applyEntities(store, [written]);
      const reader = await openMigrated();
      expect(JSON.stringify((await reader.get('ordered'))?.entity)).toBe(JSON.stringify(written));
      expect(JSON.stringify((await reader.loadAll()).get('ordered')?.entity)).toBe(
        JSON.stringify(written),
      );
    });

    it('records each change with before, after, author, source and time', async () => {
      const store = await openMigrated();
      const { result: first } = await applyEntities(store, [service('bugs'), service('wiki')]);
      const later = new Date('2026-11-03T08:00:00.000Z');
      const current = await store.loadAll();
      const renamed = service('bugs', { name: 'Python issue tracker' });
      const plan = computePlan(declared([renamed]), current, SOURCE);
      const second = await store.applyPlan(plan, meta('ui:bob', SOURCE, later), first.version);

      const history = await store.history();
      expect(history.map((c) => [c.seq, c.entityId, c.op])).toEqual([
        [1, 'bugs', 'create'],
        [2, 'wiki', 'create'],
        [3, 'bugs', 'update'],
        [4, 'wiki', 'delete'],
      ]);
      expect(history[0]).toEqual({
        seq: 1,
        applyId: first.applyId,
        at: AT.toISOString(),
        source: SOURCE,
        author: 'cli:alice',
        entityId: 'bugs',
        kind: 'Service',
        op: 'create',
        before: null,
        after: service('bugs'),
      });
      expect(history[2]).toMatchObject({
        applyId: second.applyId,
        author: 'ui:bob',
        at: later.toISOString(),
        before: service('bugs'),
        after: renamed,
      });
      expect(history[3]).toMatchObject({ op: 'delete', before: service('wiki'), after: null });
      expect(second.applyId).not.toBe(first.applyId);

      expect((await store.history({ entityId: 'bugs' })).map((c) => c.seq)).toEqual([1, 3]);
      expect((await store.history({ afterSeq: 2 })).map((c) => c.seq)).toEqual([3, 4]);
      expect((await store.history({ afterSeq: 1, limit: 2 })).map((c) => c.seq)).toEqual([2, 3]);
    });

    it('refuses a stale plan and writes nothing', async () => {
      const store = await openMigrated();
      await applyEntities(store, [service('bugs')]);
      const { version, entities } = await store.loadSnapshot();
      const stalePlan = computePlan(declared([service('bugs'), service('wiki')]), entities, SOURCE);
      await applyEntities(await openMigrated(), [service('bugs'), service('pypi')]);
      const before = await state(store);

      const error = await expectRefusal(
        store.applyPlan(stalePlan, meta(), version),
        'apply.stale_plan',
      );
      expect(error.kind).toBe('conflict');
      expect(await state(store)).toEqual(before);
      const noop = computePlan(declared([service('bugs'), service('pypi')]), entities, SOURCE);
      await expectRefusal(
        store.applyPlan({ ...noop, changes: [] }, meta(), version),
        'apply.stale_plan',
      );
    });

    it('refuses a plan with conflicts and writes nothing', async () => {
      const store = await openMigrated();
      await applyEntities(store, [service('bugs')], 'dir:other');
      const { version, entities } = await store.loadSnapshot();
      const plan = computePlan(declared([service('bugs'), service('wiki')]), entities, SOURCE);
      expect(plan.conflicts).toHaveLength(1);
      const before = await state(store);
      const error = await expectRefusal(store.applyPlan(plan, meta(), version), 'apply.conflict');
      expect(error.findings).toEqual(plan.conflicts);
      expect(await state(store)).toEqual(before);
      await expectRefusal(
        store.applyPlan({ ...plan, conflicts: [] }, meta('cli:alice', 'dir:elsewhere'), version),
        'apply.source_mismatch',
      );
    });

    const many = Array.from({ length: 2500 }, (_, i) => service(`bulk-${i}`));
    const failures: { name: string; breakPlan: (plan: Plan) => void }[] = [
      {
        name: 'a create of an entity that already exists, after 2,500 good ones',
        breakPlan: (plan) =>
          plan.changes.push({ op: 'create', id: 'bugs', kind: 'Service', after: service('bugs') }),
      },
      {
        name: 'an update of an entity that is not stored',
        breakPlan: (plan) =>
          plan.changes.push({
            op: 'update',
            id: 'ghost',
            kind: 'Service',
            before: service('ghost'),
            after: service('ghost', { name: 'Boo' }),
            fields: [],
          }),
      },
      {
        name: "a delete of another source's entity",
        breakPlan: (plan) =>
          plan.changes.push({
            op: 'delete',
            id: 'theirs',
            kind: 'Service',
            before: service('theirs'),
          }),
      },
      {
        name: 'a move of an entity that is not stored',
        breakPlan: (plan) => plan.moved.push({ id: 'ghost', origin: { file: 'x.yaml', line: 1 } }),
      },
    ];
    it.each(failures)(
      'rolls everything back after a failure mid-apply: $name',
      async ({ breakPlan }) => {
        const store = await openMigrated();
        await applyEntities(store, [service('theirs')], 'dir:other');
        await applyEntities(store, [service('bugs'), service('wiki')]);
        const { version, entities } = await store.loadSnapshot();
        const plan = computePlan(
          declared([service('bugs', { name: 'Renamed' }), ...many]),
          entities,
          SOURCE,
        );
        breakPlan(plan);
        const before = await state(store);
        await expectRefusal(store.applyPlan(plan, meta(), version), 'apply.stale_plan');
        expect(await state(store)).toEqual(before);
        const { result } = await applyEntities(store, [
          service('bugs'),
          service('wiki'),
          service('pypi'),
        ]);
        expect(result.version).toBe(before.version + 1);
      },
    );

    it('numbers versions by change; a moves-only apply takes one number, a no-op none', async () => {
      const store = await openMigrated();
      const entities = [service('bugs'), service('wiki'), service('pypi')];
      expect((await applyEntities(store, entities)).result.version).toBe(3);
      expect(
        (await applyEntities(store, [service('bugs', { name: 'B' }), ...entities.slice(1)])).result
          .version,
      ).toBe(4);

      const { version, entities: current } = await store.loadSnapshot();
      const desired = declared([service('bugs', { name: 'B' }), ...entities.slice(1)]);
      desired[0] = { ...desired[0]!, origin: { file: 'services/bugs.yaml', line: 3 } };
      const moved = computePlan(desired, current, SOURCE);
      expect(moved.changes).toEqual([]);
      expect(moved.moved).toHaveLength(1);
      const result = await store.applyPlan(moved, meta(), version);
      expect(result).toMatchObject({ moved: 1, created: 0, version: 5 });
      expect(result.applyId).toBeGreaterThan(0);
      expect(await store.version()).toBe(5);
      expect((await store.get('bugs'))?.origin).toEqual({ file: 'services/bugs.yaml', line: 3 });
      expect((await store.history()).map((c) => c.seq)).toEqual([1, 2, 3, 4]);

      const next = await applyEntities(store, [service('bugs', { name: 'B' }), service('wiki')]);
      expect(next.result).toMatchObject({ deleted: 1, version: 6 });
      expect((await store.history({ afterSeq: 4 })).map((c) => c.seq)).toEqual([6]);
    });

    it('gives a reader at an older version the catalog at a newer one: changes by seq range, then meta', async () => {
      const store = await openMigrated();
      const v1 = (await applyEntities(store, [service('bugs'), service('wiki'), service('pypi')]))
        .result.version;
      const renamed = service('bugs', { name: 'B' });
      await applyEntities(store, [renamed, service('wiki')]);
      const { version: v2, entities: current } = await store.loadSnapshot();
      const desired = declared([renamed, service('wiki')]);
      desired[1] = { ...desired[1]!, origin: { file: 'services/wiki.yaml', line: 7 } };
      await store.applyPlan(computePlan(desired, current, SOURCE), meta(), v2);
      await applyEntities(store, [service('docs')], 'dir:elsewhere');

      // What a reader at v1 needs to reach v3 (the moves-only apply), read after v4 exists.
      const pages = [
        await store.history({ afterSeq: v1, upToSeq: v2 + 1, omitBefore: true, limit: 1 }),
        await store.history({ afterSeq: v1 + 1, upToSeq: v2 + 1, omitBefore: true, limit: 1 }),
        await store.history({ afterSeq: v1 + 2, upToSeq: v2 + 1, omitBefore: true, limit: 1 }),
      ];
      expect(pages.map((p) => p.map((c) => [c.seq, c.entityId, c.op]))).toEqual([
        [[4, 'bugs', 'update']],
        [[5, 'pypi', 'delete']],
        [],
      ]);
      expect(pages[0]?.[0]).toMatchObject({ before: null, after: renamed, source: SOURCE });

      const snapshot = await store.loadMetaSnapshot();
      expect(snapshot.version).toBe(7);
      expect(snapshot.version).toBe(await store.version());
      expect([...snapshot.meta.keys()].sort()).toEqual(['bugs', 'docs', 'wiki']);
      expect(snapshot.meta.get('wiki')).toEqual({
        source: SOURCE,
        origin: { file: 'services/wiki.yaml', line: 7 },
        updatedAt: AT.toISOString(),
      });
      const stored = await store.loadAll();
      for (const [id, m] of snapshot.meta) {
        const { entity: _entity, ...expected } = stored.get(id)!;
        expect(m).toEqual(expected);
      }
    });

    it('reads the meta snapshot in pages and stays consistent when a write lands between them', async () => {
      const store = await openMigrated();
      const other = await openMigrated();
      const entities = Array.from({ length: 9 }, (_, i) => service(`svc-${i}`));
      await applyEntities(store, entities);
      let pauses = 0;
      let wrote = false;
      const snapshot = await store.loadMetaSnapshot({
        pageSize: 2,
        betweenPages: async () => {
          pauses++;
          if (!wrote) {
            wrote = true;
            // Another process adds one entity and deletes another while we are between pages.
            await applyEntities(other, [...entities.slice(1), service('svc-late')]);
          }
        },
      });
      expect(pauses).toBeGreaterThanOrEqual(4 + 4);
      expect(snapshot.version).toBe(await store.version());
      expect([...snapshot.meta.keys()].sort()).toEqual(
        [...entities.slice(1).map((e) => e.id), 'svc-late'].sort(),
      );
    });

    it('tells a listener about writes made by another store instance, not about its own', async () => {
      const store = await openMigrated();
      const other = await openMigrated();
      const seen: number[] = [];
      let notify: (version: number) => void = () => undefined;
      const stop = await store.onExternalChange((version) => {
        seen.push(version);
        notify(version);
      });
      await applyEntities(store, [service('bugs')]);
      await sleep(700);
      const external = new Promise<number>((resolve) => (notify = resolve));
      const { result } = await applyEntities(other, [service('wiki')], 'dir:other');
      expect(await waitFor(external, 5000, 'the external change')).toBe(result.version);
      expect(seen).toEqual([result.version]);

      await stop();
      await applyEntities(other, [service('pypi')], 'dir:other');
      await sleep(700);
      expect(seen).toEqual([result.version]);
    });

    it('releases every handle on close()', async () => {
      const baseline = liveHandles();
      const store = await openMigrated();
      await store.onExternalChange(() => undefined);
      await applyEntities(store, [service('bugs')]);
      await store.loadAll();
      await store.close();
      stores = stores.filter((s) => s !== store);
      // Sockets close asynchronously: wait (bounded, 5 s) until none is left over the baseline.
      const leftOver = (now: Record<string, number>) =>
        Object.keys(now).some((type) => (now[type] ?? 0) > (baseline[type] ?? 0));
      let after = liveHandles();
      for (let i = 0; i < 200 && leftOver(after); i++) {
        await sleep(25);
        after = liveHandles();
      }
      for (const type of Object.keys(after)) {
        expect(after[type], `${type} handles left open`).toBeLessThanOrEqual(baseline[type] ?? 0);
      }
    });
  });
}
