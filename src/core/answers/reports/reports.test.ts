import { describe, expect, it } from 'vitest';
import type { Entity } from '../../schema/entity.schema.js';
import { CatalogIndex } from '../catalog-index.js';
import {
  buildIndex,
  email,
  generateSyntheticCatalog,
  host,
  mailingList,
  person,
  privateEmail,
  provider,
  psfLikeCatalog,
  service,
  team,
} from '../../../../test/support/test-factories.js';
import {
  REPORTS,
  busFactor,
  cycles,
  findReport,
  managementSummary,
  orphans,
  providerSummary,
  stale,
  unreachable,
} from './report-registry.js';

const rowsOf = (rows: { id: string; reason: string }[]) => rows.map((r) => `${r.id}: ${r.reason}`);

describe('busFactor', () => {
  const index = buildIndex(
    person('a', { name: 'Ann' }),
    person('b', { name: 'Bob' }),
    team('pair', { members: ['a', 'b'] }),
    team('solo', { members: ['a'] }),
    team('empty'),
    service('two-people', { owners: ['a', 'b'] }),
    service('pair-team', { owners: ['pair'] }),
    service('one-person', { owners: ['a'] }),
    service('solo-team', { owners: ['solo'] }),
    service('same-person-twice', { owners: ['a', 'solo'] }),
    service('empty-team', { owners: ['empty'] }),
    service('nobody'),
    service('retired', { status: 'retired' }),
    host('h', { owners: ['b'] }),
  );

  it('lists services and hosts behind fewer than two people, teams counting their members', () => {
    expect(rowsOf(busFactor(index))).toEqual([
      'empty-team: owned by empty, with no members behind it',
      'nobody: no owner at all',
      'one-person: owned by Ann (a) alone',
      'same-person-twice: its owners (a and solo) come down to one person: Ann (a)',
      'solo-team: its owners (solo) come down to one person: Ann (a)',
      'h: owned by Bob (b) alone',
    ]);
    expect(busFactor(index).find((r) => r.id === 'one-person')).toMatchObject({
      kind: 'Service',
      name: 'one-person',
      related: [{ id: 'a', kind: 'Person', name: 'Ann' }],
      counts: { people: 1 },
    });
  });
});

describe('orphans', () => {
  it('lists services and hosts without an owner in the catalog', () => {
    const index = buildIndex(
      person('a'),
      service('owned', { owners: ['a'] }),
      service('none'),
      service('ghost-owned', { owners: ['ghost', 'spirit'] }),
      service('old', { status: 'retired' }),
      host('h'),
    );
    expect(rowsOf(orphans(index))).toEqual([
      'ghost-owned: its owners (ghost and spirit) are not in the catalog',
      'none: no owner declared',
      'h: no owner declared',
    ]);
  });
});

describe('unreachable', () => {
  const entities: Entity[] = [
    person('reachable', { contacts: [email('r@example.org')] }),
    person('hidden', { contacts: [privateEmail('h@example.org')] }),
    team('quiet', { members: ['hidden'] }),
    team('members-reachable', { members: ['reachable'] }),
    service('own-contact', { contacts: [mailingList('list@example.org')] }),
    service('owner-contact', { owners: ['reachable'] }),
    service('member-contact', { owners: ['members-reachable'] }),
    service('private-only', { owners: ['hidden'], contacts: [privateEmail('x@example.org')] }),
    service('quiet-team', { owners: ['quiet'] }),
    service('no-owner'),
  ];

  it('lists what has no public contact of its own or of its owners', () => {
    const index = buildIndex(...entities, team('infra', { role: 'infrastructure' }));
    expect(rowsOf(unreachable(index))).toEqual([
      'no-owner: it has no owner and no public contact; only the infrastructure team (infra) is left',
      'private-only: no public contact for it or its owners; only the infrastructure team (infra) is left',
      'quiet-team: no public contact for it or its owners; only the infrastructure team (infra) is left',
    ]);
  });

  it('says so when there is no infrastructure team either', () => {
    expect(unreachable(buildIndex(...entities))[0]?.reason).toBe(
      'it has no owner and no public contact; and there is no infrastructure team to fall back on',
    );
  });
});

describe('stale', () => {
  const index = buildIndex(
    person('p', { reviewed: { date: '2020-01-01', by: 'p' } }),
    person('q'),
    service('fresh', { reviewed: { date: '2026-10-01', by: 'p' } }),
    service('edge', { reviewed: { date: '2026-05-05', by: 'p' } }),
    service('old', { reviewed: { date: '2026-05-04', by: 'p' } }),
    service('never'),
    service('retired-never', { status: 'retired' }),
    host('h-never'),
    provider('pr', { reviewed: { date: '2025-01-01', by: 'p' } }),
  );

  it('lists never-reviewed infrastructure first, then reviews older than the limit, oldest first', () => {
    expect(rowsOf(stale(index, { today: '2026-11-01', maxAgeDays: 180 }))).toEqual([
      'never: never reviewed',
      'h-never: never reviewed',
      'p: last reviewed 2496 days ago (2020-01-01, by p); the limit is 180',
      'pr: last reviewed 669 days ago (2025-01-01, by p); the limit is 180',
      'old: last reviewed 181 days ago (2026-05-04, by p); the limit is 180',
    ]);
  });

  it('defaults to 180 days', () => {
    expect(stale(index, { today: '2026-11-01' }).map((r) => r.id)).toContain('old');
    expect(stale(index, { today: '2026-11-01' }).map((r) => r.id)).not.toContain('edge');
  });

  it.each([
    [{ today: '2026-13-01' }, 'date.invalid'],
    [{ today: 'yesterday' }, 'date.invalid'],
    [{ today: '2026-11-01', maxAgeDays: -1 }, 'max_age.invalid'],
  ])('refuses %j', (options, code) => {
    expect(() => stale(index, options)).toThrow(expect.objectContaining({ code }));
  });
});

describe('cycles', () => {
  it('finds each tangle once, with one concrete cycle', () => {
    const index = buildIndex(
      service('a', { dependsOn: ['b'] }),
      service('b', { dependsOn: ['c'] }),
      service('c', { dependsOn: ['a', 'd'] }),
      service('d'),
      service('self', { dependsOn: ['self'] }),
      service('x', { dependsOn: ['y'] }),
      host('y', {}),
      service('p', { dependsOn: ['q', 'r'] }),
      service('q', { dependsOn: ['p'] }),
      service('r', { dependsOn: ['p'] }),
      service('dangling', { dependsOn: ['missing'] }),
    );
    expect(rowsOf(cycles(index))).toEqual([
      'a: a → b → c → a',
      'p: p → q → p (1 more in the same tangle)',
      'self: self → self',
    ]);
    expect(cycles(index)[1]?.related?.map((e) => e.id)).toEqual(['p', 'q', 'r']);
  });

  it('copes with a very long chain (no recursion limit)', () => {
    const chain = Array.from({ length: 10_000 }, (_, i) =>
      service(`s${i}`, { dependsOn: [`s${(i + 1) % 10_000}`] }),
    );
    const [row] = cycles(CatalogIndex.build(chain));
    expect(row?.counts).toEqual({ members: 10_000 });
  });

  it('finds nothing in an acyclic synthetic catalog', () => {
    expect(cycles(CatalogIndex.build(generateSyntheticCatalog(800, 3)))).toEqual([]);
  });
});

describe('providerSummary', () => {
  it('counts hosts, services directly and on hosts, and fronted services, busiest first', () => {
    const rows = providerSummary(
      buildIndex(...psfLikeCatalog(), provider('idle', { name: 'Idle' })),
    );
    expect(rowsOf(rows)).toEqual([
      'digitalocean: 1 host and 2 services (1 of them on its hosts) run on it',
      'aws: 2 services run on it',
      'fastly: It fronts 2 services',
      'idle: Nothing in the catalog uses it',
    ]);
    expect(rows[0]).toMatchObject({
      counts: { hosts: 1, services: 2, servicesDirect: 1, servicesViaHosts: 1, fronts: 0 },
      related: [
        { id: 'bugs', kind: 'Service', name: 'Python issue tracker' },
        { id: 'docs', kind: 'Service', name: 'Python documentation' },
        { id: 'bugs-nyc1', kind: 'Host', name: 'bugs.nyc1.psf.io' },
      ],
    });
  });
});

describe('managementSummary', () => {
  it('groups services (through their hosts too), hosts and accounts by method', () => {
    const rows = managementSummary(
      buildIndex(...psfLikeCatalog(), service('loose'), service('gone', { status: 'retired' })),
    );
    expect(rowsOf(rows)).toEqual([
      'salt: 2 services and 1 host are managed by Salt',
      'unknown: 2 services are managed in a way the catalog does not record',
      'manual: 1 provider account is managed by hand',
      'terraform: 1 service is managed by Terraform',
    ]);
    expect(rows.find((r) => r.id === 'manual')?.name).toBe('By hand');
  });
});

describe('REPORTS', () => {
  it('registers every report once, with a title and description, and each runs on a synthetic catalog', () => {
    const names = REPORTS.map((r) => r.name);
    expect(names).toEqual([
      'bus-factor',
      'orphans',
      'unreachable',
      'stale',
      'cycles',
      'provider-summary',
      'management-summary',
    ]);
    const index = CatalogIndex.build(generateSyntheticCatalog(1000, 9));
    for (const report of REPORTS) {
      expect(report.title.length).toBeGreaterThan(0);
      expect(report.description.length).toBeGreaterThan(20);
      const rows = report.run(index, { today: '2026-11-01' });
      for (const row of rows) expect(row.reason.length, report.name).toBeGreaterThan(0);
      expect(findReport(report.name)).toBe(report);
    }
    expect(findReport('nope')).toBeUndefined();
  });

  it('never shows private contacts', () => {
    const index = CatalogIndex.build(generateSyntheticCatalog(500, 2));
    const text = JSON.stringify(REPORTS.map((r) => r.run(index, { today: '2026-11-01' })));
    expect(text).not.toMatch(/@example\.org/);
  });
});
