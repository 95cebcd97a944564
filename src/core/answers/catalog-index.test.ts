import { describe, expect, it } from 'vitest';
import { CatalogIndex } from './catalog-index.js';
import {
  buildIndex,
  email,
  host,
  person,
  privateEmail,
  provider,
  psfLikeCatalog,
  service,
  team,
} from '../../../test/support/test-factories.js';

describe('CatalogIndex basics', () => {
  const index = buildIndex(...psfLikeCatalog());

  it('orders all() by kind (services first) then id', () => {
    const ids = index.all().map((e) => `${e.kind}:${e.id}`);
    expect(ids.slice(0, 5)).toEqual([
      'Service:bugs',
      'Service:docs',
      'Service:pypi',
      'Service:pypi-files',
      'Host:bugs-nyc1',
    ]);
    expect(ids.at(-1)).toBe('Team:infra');
  });

  it('keeps private contacts in get() and drops them in getPublic()', () => {
    expect(JSON.stringify(index.get('ee'))).toContain('ee-home@example.org');
    expect(JSON.stringify(index.getPublic('ee'))).not.toContain('ee-home@example.org');
  });

  it('indexes both directions of a relation, with inverse names and field paths', () => {
    expect(index.outgoing('docs')).toContainEqual({
      type: 'frontedBy',
      relation: 'frontedBy',
      direction: 'outgoing',
      other: 'fastly',
      path: ['frontedBy', 0],
    });
    expect(index.incoming('fastly').map((e) => [e.type, e.other])).toEqual([
      ['fronts', 'docs'],
      ['fronts', 'pypi'],
    ]);
    expect(index.incoming('ee').map((e) => `${e.other}:${e.type}:${e.path.join('.')}`)).toEqual([
      'digitalocean:holdsAccount:account.owners.0',
      'fastly:holdsAccount:account.owners.0',
      'infra:memberOf:members.0',
      'infra:leads:lead',
      'pypi:ownerOf:owners.0',
    ]);
  });

  it('finds host names exactly and by the most specific wildcard', () => {
    const idx = buildIndex(
      service('a', { hostnames: ['*.example.org'] }),
      service('b', { hostnames: ['*.files.example.org'] }),
      service('c', { hostnames: ['exact.files.example.org'] }),
    );
    expect(idx.hostnameMatches('EXACT.files.example.org.')).toEqual(['c']);
    expect(idx.wildcardMatch('x.files.example.org')).toEqual({
      pattern: '*.files.example.org',
      ids: ['b'],
    });
    expect(idx.wildcardMatch('deep.x.example.org')).toEqual({
      pattern: '*.example.org',
      ids: ['a'],
    });
    expect(idx.wildcardMatch('example.org')).toBeUndefined();
  });

  it('finds the longest URL prefix by whole path segments', () => {
    const idx = buildIndex(
      service('site', { urls: ['https://www.python.org/'] }),
      service('downloads', { urls: ['https://www.python.org/ftp/python/'] }),
      service('issue', { urls: ['http://www.python.org/issue'] }),
    );
    const match = (path: string) =>
      idx.urlPrefixMatch({ host: 'www.python.org', segments: path.split('/').filter(Boolean) });
    expect(match('/ftp/python/3.12/x.tgz')?.matches.map((m) => m.id)).toEqual(['downloads']);
    expect(match('/ftp/other')?.matches.map((m) => m.id)).toEqual(['site']);
    expect(match('/issue12345')?.matches.map((m) => m.id)).toEqual(['site']);
    expect(match('/issue/1')).toMatchObject({ depth: 1, matches: [{ id: 'issue' }] });
  });

  it('returns the infrastructure team', () => {
    expect(index.infrastructureTeam()?.id).toBe('infra');
    expect(buildIndex(team('t')).infrastructureTeam()).toBeUndefined();
  });

  it('lets the last entity win when an id repeats in build()', () => {
    const idx = CatalogIndex.build([service('x', { name: 'One' }), service('x', { name: 'Two' })]);
    expect(idx.size).toBe(1);
    expect(idx.get('x')?.name).toBe('Two');
    expect(idx.exactNameMatches('one')).toEqual([]);
  });
});

describe('CatalogIndex incremental updates', () => {
  it('moves host names, URLs, names and relations on upsert', () => {
    const idx = buildIndex(
      service('x', { name: 'Old name', hostnames: ['old.example.org'], frontedBy: ['cdn'] }),
      provider('cdn'),
    );
    const before = idx.revision;
    idx.upsert(
      service('x', { name: 'New name', hostnames: ['new.example.org'], urls: ['https://x.org/a'] }),
    );
    expect(idx.revision).toBe(before + 1);
    expect(idx.hostnameMatches('old.example.org')).toEqual([]);
    expect(idx.hostnameMatches('new.example.org')).toEqual(['x']);
    expect(idx.urlPrefixMatch({ host: 'x.org', segments: ['a', 'b'] })?.matches).toEqual([
      { id: 'x', url: 'https://x.org/a' },
    ]);
    expect(idx.exactNameMatches('old name')).toEqual([]);
    expect(idx.exactNameMatches('NEW name')).toEqual(['x']);
    expect(idx.incoming('cdn')).toEqual([]);
    expect(idx.list({ frontedBy: 'cdn' }).items).toEqual([]);
  });

  it('forgets everything about a removed entity', () => {
    const idx = buildIndex(
      service('x', { hostnames: ['x.org'], urls: ['https://x.org/'], tags: ['t'] }),
    );
    expect(idx.remove('x')).toBe(true);
    expect(idx.remove('x')).toBe(false);
    expect(idx.size).toBe(0);
    expect(idx.hostnameMatches('x.org')).toEqual([]);
    expect(idx.urlPrefixMatch({ host: 'x.org', segments: [] })).toBeUndefined();
    expect(idx.list({ tag: 't' }).items).toEqual([]);
    expect(idx.all()).toEqual([]);
  });

  it('refreshes derived owners when a team changes its members', () => {
    const idx = buildIndex(
      team('t', { members: ['a'] }),
      person('a'),
      person('b'),
      service('s', { owners: ['t'] }),
    );
    expect(idx.list({ owner: 'a' }).items.map((e) => e.id)).toEqual(['s']);
    idx.upsert(team('t', { members: ['b'] }));
    expect(idx.list({ owner: 'a' }).items).toEqual([]);
    expect(idx.list({ owner: 'b' }).items.map((e) => e.id)).toEqual(['s']);
    idx.remove('t');
    expect(idx.list({ owner: 'b' }).items).toEqual([]);
    expect(idx.list({ owner: 't' }).items.map((e) => e.id)).toEqual(['s']);
  });

  it('refreshes derived placements when a host moves provider', () => {
    const idx = buildIndex(
      provider('p1'),
      provider('p2'),
      host('h', { provider: 'p1', managedBy: 'Salt' }),
      service('s', { runsOn: [{ host: 'h' }] }),
    );
    expect(idx.list({ runsOn: 'p1' }).items.map((e) => e.id)).toEqual(['s', 'h']);
    expect(idx.list({ managedBy: 'salt' }).items.map((e) => e.id)).toEqual(['s', 'h']);
    idx.upsert(host('h', { provider: 'p2', managedBy: 'chef' }));
    expect(idx.list({ runsOn: 'p1' }).items).toEqual([]);
    expect(idx.list({ runsOn: 'p2' }).items.map((e) => e.id)).toEqual(['s', 'h']);
    expect(idx.list({ managedBy: 'CHEF' }).items.map((e) => e.id)).toEqual(['s', 'h']);
  });

  it('picks up a team that appears after what it owns', () => {
    const idx = buildIndex(service('s', { owners: ['t'] }));
    idx.upsert(team('t', { members: ['a'] }));
    expect(idx.list({ owner: 'a' }).items.map((e) => e.id)).toEqual(['s']);
  });

  it('drops the cached public view when the entity changes', () => {
    const idx = buildIndex(person('a', { contacts: [email('a@example.org')] }));
    expect(idx.getPublic('a')).toMatchObject({ contacts: [{ value: 'a@example.org' }] });
    idx.upsert(person('a', { contacts: [privateEmail('a@example.org')] }));
    expect(idx.getPublic('a')).not.toHaveProperty('contacts');
  });
});
