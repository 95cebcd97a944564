import { describe, expect, it } from 'vitest';
import { analyzeImpact, impact } from './impact.js';
import {
  buildIndex,
  host,
  person,
  provider,
  psfLikeCatalog,
  service,
  team,
} from '../../../test/support/test-factories.js';

const index = buildIndex(...psfLikeCatalog());
const lines = (id: string) => impact(index, id).map((i) => `${i.effect}: ${i.explanation}`);

describe('impact', () => {
  it.each<[string, string, string[]]>([
    [
      'a CDN: what it fronts, then what depends on those',
      'fastly',
      [
        'affected: fastly → frontedBy ← docs',
        'affected: fastly → frontedBy ← pypi',
        'affected: fastly → frontedBy ← pypi → dependsOn ← pypi-files',
      ],
    ],
    [
      'a provider: its hosts, the services on them, services placed on it directly',
      'digitalocean',
      [
        'affected: digitalocean → runsOn ← docs',
        'affected: digitalocean → runsOn ← bugs-nyc1',
        'affected: digitalocean → runsOn ← bugs-nyc1 → runsOn ← bugs',
      ],
    ],
    ['a host', 'bugs-nyc1', ['affected: bugs-nyc1 → runsOn ← bugs']],
    ['a service: its dependents', 'pypi', ['affected: pypi → dependsOn ← pypi-files']],
    ['a leaf service: nothing', 'docs', []],
    [
      'a person: sole ownership and sole account first, then shared ones',
      'ee',
      [
        'orphaned: ee → sole holder of the digitalocean account',
        'co-owned: ee → one of 2 owners of pypi',
        'co-owned: ee → one of 2 account holders of fastly',
      ],
    ],
    ['a person who is a sole owner', 'julien', ['orphaned: julien → sole owner of docs']],
    [
      'a team',
      'infra',
      ['orphaned: infra → sole owner of pypi-files', 'orphaned: infra → sole owner of bugs-nyc1'],
    ],
    [
      'a person whose team owns things: the team stays',
      'donald',
      [
        'co-owned: donald → one of 2 owners of pypi',
        'co-owned: donald → one of 2 account holders of fastly',
      ],
    ],
  ])('%s (%s)', (_label, id, expected) => {
    expect(lines(id)).toEqual(expected);
  });

  it('gives each item its depth and the hops from the root', () => {
    const item = impact(index, 'fastly').find((i) => i.entity.id === 'pypi-files');
    expect(item).toEqual({
      entity: { id: 'pypi-files', kind: 'Service', name: 'PyPI file hosting' },
      effect: 'affected',
      depth: 2,
      path: [
        { from: 'pypi', relation: 'frontedBy', to: 'fastly' },
        { from: 'pypi-files', relation: 'dependsOn', to: 'pypi' },
      ],
      explanation: 'fastly → frontedBy ← pypi → dependsOn ← pypi-files',
    });
  });

  it('lists each entity once, by its shortest path, and survives cycles', () => {
    const idx = buildIndex(
      provider('p'),
      service('a', { runsOn: [{ provider: 'p' }], dependsOn: ['c'] }),
      service('b', { dependsOn: ['a'] }),
      service('c', { dependsOn: ['b'], runsOn: [{ provider: 'p' }] }),
    );
    expect(impact(idx, 'p').map((i) => i.explanation)).toEqual([
      'p → runsOn ← a',
      'p → runsOn ← c',
      'p → runsOn ← a → dependsOn ← b',
    ]);
    expect(impact(idx, 'a').map((i) => i.entity.id)).toEqual(['b', 'c']);
  });

  it('counts only owners present in the catalog', () => {
    const idx = buildIndex(
      person('a'),
      service('s', { owners: ['a', 'ghost'] }),
      host('h', { owners: ['a', 'a'] }),
    );
    expect(impact(idx, 'a').map((i) => i.explanation)).toEqual([
      'a → sole owner of s',
      'a → sole owner of h',
    ]);
  });

  it('does not propagate ownership loss: an orphaned service still runs', () => {
    const idx = buildIndex(
      person('a'),
      service('s', { owners: ['a'] }),
      service('t', { dependsOn: ['s'] }),
    );
    expect(impact(idx, 'a').map((i) => i.entity.id)).toEqual(['s']);
  });

  it('counts everything and returns the first items when limited', () => {
    const result = analyzeImpact(index, 'digitalocean', { limit: 1 });
    expect(result.total).toBe(3);
    expect(result.byKind).toEqual({ Service: 2, Host: 1 });
    expect(result.items.map((i) => i.entity.id)).toEqual(['docs']);
    expect(analyzeImpact(index, 'ee', { limit: 0 })).toEqual({
      total: 3,
      byKind: { Service: 1, Provider: 2 },
      items: [],
    });
  });

  it('refuses an unknown id', () => {
    expect(() => impact(index, 'nope')).toThrow(
      expect.objectContaining({ code: 'entity.not_found' }),
    );
  });

  it('handles a provider with thousands of dependents', () => {
    const entities = [
      provider('big'),
      ...Array.from({ length: 3000 }, (_, i) => host(`h${i}`, { provider: 'big' })),
      ...Array.from({ length: 6000 }, (_, i) =>
        service(`s${i}`, { runsOn: [{ host: `h${i % 3000}` }] }),
      ),
      ...Array.from({ length: 1000 }, (_, i) => service(`d${i}`, { dependsOn: [`s${i}`] })),
      team('t'),
    ];
    const items = impact(buildIndex(...entities), 'big');
    expect(items).toHaveLength(10_000);
    expect(items.at(-1)?.depth).toBe(3);
  });
});
