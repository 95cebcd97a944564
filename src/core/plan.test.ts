/**
 * computePlan: what an apply would do, worked out from what a source declares and what the store
 * holds. The store's side (writing a plan, refusing a stale one or one with conflicts) is in
 * storage/catalog-store.contract.ts.
 */
import { describe, expect, it } from 'vitest';
import { host, service } from '../../test/support/test-factories.js';
import {
  computePlan,
  isNoop,
  summarizePlan,
  type DesiredEntity,
  type Origin,
  type StoredEntity,
} from './plan.js';
import type { Entity } from './schema/entity.schema.js';

const SOURCE = 'dir:catalog';
const OTHER = 'ui';

const at = (line: number, file = 'services.yaml'): Origin => ({ file, line });
const want = (entity: Entity, origin?: Origin): DesiredEntity => ({
  entity,
  ...(origin ? { origin } : {}),
});
const stored = (entity: Entity, source = SOURCE, origin?: Origin): StoredEntity => ({
  entity,
  source,
  ...(origin ? { origin } : {}),
  updatedAt: '2026-11-01T00:00:00.000Z',
});
/** The store's snapshot: stored entities, or [id, stored] for one whose body must not be read. */
const storeOf = (
  ...entries: (StoredEntity | [string, StoredEntity])[]
): Map<string, StoredEntity> =>
  new Map(entries.map((e) => (Array.isArray(e) ? e : [e.entity.id, e])));

/** A stored entity whose body may not be read (as a body kept as text, parsed only when read). */
function unreadable(id: string, source = SOURCE): [string, StoredEntity] {
  const entry: StoredEntity = {
    source,
    updatedAt: '2026-11-01T00:00:00.000Z',
    get entity(): Entity {
      throw new Error(`the body of ${id} was read`);
    },
  };
  return [id, entry];
}

describe('computePlan', () => {
  describe('creates', () => {
    it('creates every declared entity the store does not hold, with where it is declared', () => {
      const bugs = service('bugs');
      const db = host('db1');
      const plan = computePlan(
        [want(bugs, at(1)), want(db, at(3, 'hosts.yaml'))],
        storeOf(),
        SOURCE,
      );

      expect(plan.changes).toEqual([
        { op: 'create', id: 'bugs', kind: 'Service', after: bugs, origin: at(1) },
        { op: 'create', id: 'db1', kind: 'Host', after: db, origin: at(3, 'hosts.yaml') },
      ]);
      expect(summarizePlan(plan)).toEqual({ create: 2, update: 0, delete: 0 });
      expect(plan).toMatchObject({ source: SOURCE, unchanged: 0, moved: [], conflicts: [] });
      expect(isNoop(plan)).toBe(false);
    });
  });

  describe('updates', () => {
    it('lists the fields that changed, by name, with their values before and after', () => {
      const before = service('bugs', { name: 'Bugs', tags: ['web'], status: 'active' });
      const after = service('bugs', {
        name: 'Bug tracker',
        status: 'active',
        description: 'Where bugs are reported.',
      });
      const plan = computePlan([want(after, at(7))], storeOf(stored(before)), SOURCE);

      expect(plan.changes).toEqual([
        {
          op: 'update',
          id: 'bugs',
          kind: 'Service',
          before,
          after,
          origin: at(7),
          fields: [
            { field: 'description', before: undefined, after: 'Where bugs are reported.' },
            { field: 'name', before: 'Bugs', after: 'Bug tracker' },
            { field: 'tags', before: ['web'], after: undefined },
          ],
        },
      ]);
      expect(plan.unchanged).toBe(0);
    });

    it('names a change deep inside a field by the top-level field, with its whole value', () => {
      const before = service('bugs', { runsOn: [{ host: 'db1', as: 'vm', managedBy: 'salt' }] });
      const after = service('bugs', { runsOn: [{ host: 'db1', as: 'vm', managedBy: 'ansible' }] });
      const plan = computePlan([want(after)], storeOf(stored(before)), SOURCE);

      expect(plan.changes).toMatchObject([
        { op: 'update', fields: [{ field: 'runsOn', before: before.runsOn, after: after.runsOn }] },
      ]);
    });

    it('counts a reordered list as a change, but not reordered keys', () => {
      const before = service('bugs', { tags: ['web', 'ci'], status: 'active' });
      const reorderedKeys = {
        status: 'active',
        tags: ['web', 'ci'],
        name: 'bugs',
        id: 'bugs',
        kind: 'Service',
      } as Entity;
      const reorderedTags = service('bugs', { tags: ['ci', 'web'], status: 'active' });

      expect(computePlan([want(reorderedKeys)], storeOf(stored(before)), SOURCE)).toMatchObject({
        changes: [],
        unchanged: 1,
      });
      expect(
        computePlan([want(reorderedTags)], storeOf(stored(before)), SOURCE).changes,
      ).toMatchObject([{ op: 'update', fields: [{ field: 'tags' }] }]);
    });
  });

  describe('deletes', () => {
    it("deletes what the source no longer declares, and leaves other sources' entities alone", () => {
      const gone = service('old-wiki');
      const theirs = service('status-page');
      const kept = service('bugs');
      const plan = computePlan(
        [want(kept)],
        storeOf(stored(kept), stored(gone), stored(theirs, OTHER)),
        SOURCE,
      );

      expect(plan.changes).toEqual([
        { op: 'delete', id: 'old-wiki', kind: 'Service', before: gone },
      ]);
      expect(plan.unchanged).toBe(1);
      expect(summarizePlan(plan)).toEqual({ create: 0, update: 0, delete: 1 });
    });

    it('deletes everything the source holds when it declares nothing', () => {
      const plan = computePlan([], storeOf(stored(service('a')), stored(host('b'))), SOURCE);
      expect(plan.changes.map((c) => `${c.op} ${c.id}`)).toEqual(['delete a', 'delete b']);
    });
  });

  describe('conflicts', () => {
    it('refuses to take over an entity another source manages, pointing at the declaration', () => {
      const plan = computePlan(
        [want(service('status-page', { name: 'Status' }), at(12)), want(service('bugs'), at(1))],
        storeOf(stored(service('status-page'), OTHER)),
        SOURCE,
      );

      expect(plan.conflicts).toEqual([
        {
          severity: 'error',
          code: 'apply.conflict',
          message: '"status-page" is managed by ui; remove it there first (or from this source)',
          entityId: 'status-page',
          location: { file: 'services.yaml', line: 12, column: 1 },
        },
      ]);
      // Neither updated nor deleted; the rest of the plan is still worked out.
      expect(plan.changes.map((c) => `${c.op} ${c.id}`)).toEqual(['create bugs']);
    });

    it('gives a conflict no location when the declaration has no origin', () => {
      const plan = computePlan(
        [want(service('status-page'))],
        storeOf(stored(service('status-page'), OTHER)),
        SOURCE,
      );
      expect(plan.conflicts).toHaveLength(1);
      expect(plan.conflicts[0]).not.toHaveProperty('location');
    });
  });

  describe('unchanged entities', () => {
    it('leaves an identical entity alone: a plan with nothing to do is a no-op', () => {
      const bugs = service('bugs', { tags: ['web'] });
      const plan = computePlan(
        [want({ ...bugs, tags: ['web'] }, at(1))],
        storeOf(stored(bugs, SOURCE, at(1))),
        SOURCE,
      );

      expect(plan).toEqual({ source: SOURCE, changes: [], moved: [], unchanged: 1, conflicts: [] });
      expect(isNoop(plan)).toBe(true);
    });

    it('records an unchanged entity written somewhere else as moved, which is not a no-op', () => {
      const bugs = service('bugs');
      const movedLine = computePlan(
        [want(bugs, at(9))],
        storeOf(stored(bugs, SOURCE, at(1))),
        SOURCE,
      );
      const movedFile = computePlan(
        [want(bugs, at(1, 'web.yaml'))],
        storeOf(stored(bugs, SOURCE, at(1))),
        SOURCE,
      );

      expect(movedLine).toMatchObject({
        changes: [],
        unchanged: 1,
        moved: [{ id: 'bugs', origin: at(9) }],
      });
      expect(movedFile.moved).toEqual([{ id: 'bugs', origin: at(1, 'web.yaml') }]);
      expect(isNoop(movedLine)).toBe(false);
    });

    it('does not call an entity declared without an origin moved', () => {
      const bugs = service('bugs');
      const plan = computePlan([want(bugs)], storeOf(stored(bugs, SOURCE, at(1))), SOURCE);
      expect(plan).toMatchObject({ unchanged: 1, moved: [] });
    });

    it('trusts sameBody: a stored body it vouches for is never read', () => {
      const plan = computePlan([want(service('bugs'))], storeOf(unreadable('bugs')), SOURCE, {
        sameBody: () => true,
      });
      expect(plan).toMatchObject({ changes: [], unchanged: 1 });
    });

    it('still compares the values when sameBody cannot vouch for a body', () => {
      const bugs = service('bugs', { tags: ['web'] });
      const sameBody = (): boolean => false;
      expect(
        computePlan([want(service('bugs', { tags: ['web'] }))], storeOf(stored(bugs)), SOURCE, {
          sameBody,
        }),
      ).toMatchObject({ changes: [], unchanged: 1 });
      expect(
        computePlan([want(service('bugs', { tags: ['ci'] }))], storeOf(stored(bugs)), SOURCE, {
          sameBody,
        }).changes,
      ).toMatchObject([{ op: 'update', fields: [{ field: 'tags' }] }]);
    });

    it("reads no stored body only to find it is not deleted, nor another source's", () => {
      const plan = computePlan(
        [want(service('bugs'))],
        storeOf(stored(service('bugs')), unreadable('theirs', OTHER)),
        SOURCE,
      );
      expect(plan).toMatchObject({ changes: [], unchanged: 1 });
    });
  });

  describe('stale plans', () => {
    // A plan describes the store as it was when planned: the store refuses it once the catalog
    // has moved on (apply.stale_plan, in the contract suite). Planning again against the newer
    // snapshot gives what to do now.
    it('plans again against a newer snapshot: what another writer did meanwhile is seen', () => {
      const then = storeOf(stored(service('bugs')));
      const declared = [want(service('bugs')), want(service('wiki'), at(4))];
      const first = computePlan(declared, then, SOURCE);
      expect(first.changes.map((c) => `${c.op} ${c.id}`)).toEqual(['create wiki']);

      // Meanwhile the same source created wiki: nothing is left to do.
      const sameSource = storeOf(stored(service('bugs')), stored(service('wiki'), SOURCE, at(4)));
      expect(isNoop(computePlan(declared, sameSource, SOURCE))).toBe(true);

      // Meanwhile another source took wiki: planning again turns the create into a conflict.
      const otherSource = storeOf(stored(service('bugs')), stored(service('wiki'), OTHER));
      const again = computePlan(declared, otherSource, SOURCE);
      expect(again.changes).toEqual([]);
      expect(again.conflicts.map((f) => [f.code, f.entityId])).toEqual([
        ['apply.conflict', 'wiki'],
      ]);
    });

    it('leaves the snapshot and the declarations it planned from as they were', () => {
      const snapshot = storeOf(stored(service('bugs', { tags: ['web'] })), stored(service('old')));
      const declared = [want(service('bugs', { tags: ['ci'] })), want(service('new'))];
      const copy = structuredClone([...snapshot]);
      const declaredCopy = structuredClone(declared);
      computePlan(declared, snapshot, SOURCE);
      expect([...snapshot]).toEqual(copy);
      expect(declared).toEqual(declaredCopy);
    });
  });
});
