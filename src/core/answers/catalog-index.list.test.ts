import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../errors.js';
import type { Entity } from '../schema/entity.schema.js';
import { CatalogIndex, kindRank, type ListFilter } from './catalog-index.js';
import { searchTokens } from './index/entity-fields.js';
import { tokenize } from './index/text-index.js';
import {
  buildIndex,
  generateSyntheticCatalog,
  host,
  person,
  provider,
  service,
  team,
} from '../../../test/support/test-factories.js';

const catalog = [
  team('web-team', { members: ['ann', 'bob'] }),
  person('ann', { name: 'Ann Smith' }),
  person('bob', { name: 'Bob Jones' }),
  person('cy', { name: 'Cy Young' }),
  provider('do', { name: 'DigitalOcean', account: { owners: ['cy'], managed: 'manual' } }),
  provider('cdn', { name: 'Fastly', status: 'active' }),
  provider('old', { name: 'Rackspace', status: 'former' }),
  host('web-1', { provider: 'do', managedBy: 'Salt' }),
  service('site', {
    name: 'Main website',
    description: 'The Django site',
    runsOn: [{ host: 'web-1' }],
    frontedBy: ['cdn'],
    owners: ['web-team'],
    tags: ['web'],
  }),
  service('wiki', {
    name: 'Wiki',
    runsOn: [{ provider: 'do', managedBy: 'chef' }],
    owners: ['cy'],
    status: 'deprecated',
    tags: ['web', 'legacy'],
  }),
  service('bots', {
    name: 'Core bots',
    hostnames: ['bots.example.org'],
    runsOn: [{ provider: 'old' }],
  }),
];
const index = buildIndex(...catalog);
const ids = (filter: ListFilter) => index.list(filter, { limit: 500 }).items.map((e) => e.id);

describe('CatalogIndex.list filters', () => {
  it.each<[string, ListFilter, string[]]>([
    [
      'no filter: everything, by kind then id',
      {},
      ['bots', 'site', 'wiki', 'web-1', 'cdn', 'do', 'old', 'ann', 'bob', 'cy', 'web-team'],
    ],
    ['kind', { kind: 'Provider' }, ['cdn', 'do', 'old']],
    ['owner: a team, directly', { owner: 'web-team' }, ['site']],
    ['owner: a person, through their team', { owner: 'ann' }, ['site']],
    ['owner: a person, directly and as account holder', { owner: 'cy' }, ['wiki', 'do']],
    ['runsOn: a host', { runsOn: 'web-1' }, ['site']],
    [
      'runsOn: a provider, with its hosts and their services',
      { runsOn: 'do' },
      ['site', 'wiki', 'web-1'],
    ],
    ['frontedBy', { frontedBy: 'cdn' }, ['site']],
    [
      'managedBy, case-insensitive, inherited from the host',
      { managedBy: 'SALT' },
      ['site', 'web-1'],
    ],
    ['managedBy on a provider account', { managedBy: 'manual' }, ['do']],
    ['tag', { tag: 'legacy' }, ['wiki']],
    ['status: default active', { status: 'active' }, ['bots', 'site', 'cdn', 'do']],
    ['status: former', { status: 'former' }, ['old']],
    ['q: a word of the description', { q: 'django' }, ['site']],
    ['q: word prefixes, all must match', { q: 'main web' }, ['site']],
    ['q: host names', { q: 'bots.example.org' }, ['bots']],
    ['q: nothing', { q: 'zzz' }, []],
    ['combined filters', { tag: 'web', runsOn: 'do', status: 'active' }, ['site']],
    ['an unknown value', { owner: 'nobody' }, []],
    ['an unknown kind', { kind: 'Widget' }, []],
    ['kind with another filter larger in other kinds', { kind: 'Host', runsOn: 'do' }, ['web-1']],
    ['an empty q is no filter', { kind: 'Team', q: '  ' }, ['web-team']],
  ])('%s', (_label, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('pages with an opaque cursor and says when there is no more', () => {
    const first = index.list({}, { limit: 4 });
    expect(first.items.map((e) => e.id)).toEqual(['bots', 'site', 'wiki', 'web-1']);
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const second = index.list({}, { limit: 4, cursor: first.nextCursor });
    expect(second.items.map((e) => e.id)).toEqual(['cdn', 'do', 'old', 'ann']);
    const third = index.list({}, { limit: 4, cursor: second.nextCursor });
    expect(third.items.map((e) => e.id)).toEqual(['bob', 'cy', 'web-team']);
    expect(third.nextCursor).toBeUndefined();
  });

  it('has no next cursor when the page is exactly full', () => {
    expect(index.list({ kind: 'Provider' }, { limit: 3 }).nextCursor).toBeUndefined();
  });

  it('continues after the cursor even when that entity was removed meanwhile', () => {
    const idx = buildIndex(service('a'), service('b'), service('c'));
    const first = idx.list({}, { limit: 2 });
    idx.remove('b');
    expect(idx.list({}, { cursor: first.nextCursor }).items.map((e) => e.id)).toEqual(['c']);
  });

  it.each([
    [{ limit: 0 }, 'limit.invalid'],
    [{ limit: 501 }, 'limit.invalid'],
    [{ limit: 2.5 }, 'limit.invalid'],
    [{ cursor: 'not a cursor!' }, 'cursor.invalid'],
    [{ cursor: Buffer.from('../../etc').toString('base64url') }, 'cursor.invalid'],
  ])('refuses %j with %s', (page, code) => {
    let error: unknown;
    try {
      index.list({}, page);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SwitchboardError);
    expect(error).toMatchObject({ kind: 'input', code });
  });

  it('returns public views', () => {
    const idx = buildIndex(
      person('p', { contacts: [{ type: 'email', value: 'p@example.org', private: true }] }),
    );
    expect(JSON.stringify(idx.list({}).items)).not.toContain('p@example.org');
  });
});

/** The obvious, slow implementation the index must agree with. */
function naiveList(entities: Map<string, Entity>, filter: ListFilter): string[] {
  const owners = (e: Entity): string[] => {
    const direct =
      e.kind === 'Provider' ? (e.account?.owners ?? []) : 'owners' in e ? (e.owners ?? []) : [];
    return direct.flatMap((o) => {
      const t = entities.get(o);
      return [o, ...(t?.kind === 'Team' ? (t.members ?? []) : [])];
    });
  };
  const runsOn = (e: Entity): string[] => {
    if (e.kind === 'Host') return e.provider ? [e.provider] : [];
    if (e.kind !== 'Service') return [];
    return (e.runsOn ?? []).flatMap((p) => {
      const h = p.host ? entities.get(p.host) : undefined;
      return [p.host, p.provider, h?.kind === 'Host' ? h.provider : undefined].filter(
        (x) => x !== undefined,
      );
    });
  };
  const words = filter.q === undefined ? [] : tokenize(filter.q);
  return [...entities.values()]
    .filter((e) => filter.kind === undefined || e.kind === filter.kind)
    .filter((e) => filter.owner === undefined || owners(e).includes(filter.owner))
    .filter((e) => filter.runsOn === undefined || runsOn(e).includes(filter.runsOn))
    .filter((e) => filter.tag === undefined || (e.tags ?? []).includes(filter.tag))
    .filter((e) => words.every((w) => searchTokens(e).some((t) => t.startsWith(w))))
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || (a.id < b.id ? -1 : 1))
    .map((e) => e.id);
}

function pageAll(idx: CatalogIndex, filter: ListFilter, limit: number): string[] {
  const out: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = idx.list(filter, { limit, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.map((e) => e.id));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
}

describe('CatalogIndex.list agrees with a naive filter on a synthetic catalog', () => {
  const entities = generateSyntheticCatalog(1500, 7);
  const filters: ListFilter[] = [
    { kind: 'Service' },
    { owner: 'person-00010' },
    { owner: 'team-00002' },
    { runsOn: 'provider-00004' },
    { runsOn: 'host-00003' },
    { tag: 'web', kind: 'Service' },
    { q: 'alpha' },
    { q: 'tra', kind: 'Service', runsOn: 'provider-00004' },
    { kind: 'Host', runsOn: 'provider-00004' },
    { kind: 'Person' },
    { kind: 'Host', q: 'dc1' },
  ];

  it('after a build, paging through every filter', () => {
    const idx = CatalogIndex.build(entities);
    const byId = new Map(entities.map((e) => [e.id, e]));
    for (const filter of filters) {
      const expected = naiveList(byId, filter);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(pageAll(idx, filter, 37), JSON.stringify(filter)).toEqual(expected);
    }
  });

  it('built a few entities at a time, as if built at once', () => {
    const whole = CatalogIndex.build(entities);
    const builder = CatalogIndex.builder(entities);
    expect(() => builder.finish()).toThrow();
    let steps = 0;
    let asked = 0;
    while (!builder.step(() => ++asked % 2 === 0)) steps++;
    expect(steps).toBeGreaterThan(10);
    const pieced = builder.finish();
    for (const filter of filters) {
      expect(pageAll(pieced, filter, 500), JSON.stringify(filter)).toEqual(
        pageAll(whole, filter, 500),
      );
    }
    expect(pieced.all()).toEqual(whole.all());
    expect(pieced.incoming('provider-00004')).toEqual(whole.incoming('provider-00004'));
    expect(new Set(pieced.values())).toEqual(new Set(whole.values()));
  });

  it('after many upserts and removes, as if rebuilt', () => {
    const idx = CatalogIndex.build(entities);
    const byId = new Map(entities.map((e) => [e.id, e]));
    const replacements = generateSyntheticCatalog(1500, 8);
    replacements.forEach((e, i) => {
      if (i % 3 === 0) {
        idx.upsert(e);
        byId.set(e.id, e);
      } else if (i % 7 === 0) {
        idx.remove(e.id);
        byId.delete(e.id);
      }
    });
    const rebuilt = CatalogIndex.build(byId.values());
    for (const filter of filters) {
      expect(pageAll(idx, filter, 50), JSON.stringify(filter)).toEqual(naiveList(byId, filter));
      expect(pageAll(rebuilt, filter, 500)).toEqual(pageAll(idx, filter, 500));
    }
    expect(idx.all().map((e) => e.id)).toEqual(rebuilt.all().map((e) => e.id));
    // The lazily cleaned structures (relations, name words) agree with the rebuilt index too.
    const sorted = (xs: Iterable<string>) => [...xs].sort();
    for (const id of [
      'provider-00004',
      'team-00001',
      'person-00003',
      ...sorted(byId.keys()).slice(0, 300),
    ]) {
      expect(idx.incoming(id), id).toEqual(rebuilt.incoming(id));
      expect(sorted(idx.referrers(id, 'runsOn')), id).toEqual(
        sorted(rebuilt.referrers(id, 'runsOn')),
      );
    }
    for (const word of ['alpha', 'tracker', 'svc', 'team', 'ada', '00001', 'cloud']) {
      expect(sorted(idx.idsWithNameWord(word)), word).toEqual(
        sorted(rebuilt.idsWithNameWord(word)),
      );
    }
  });
});
