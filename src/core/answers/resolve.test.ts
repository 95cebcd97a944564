import { describe, expect, it } from 'vitest';
import { parseTarget, resolve, type MatchedBy } from './resolve.js';
import { buildIndex, host, psfLikeCatalog, service } from '../../../test/support/test-factories.js';

const index = buildIndex(
  ...psfLikeCatalog(),
  service('pythondotorg', {
    name: 'python.org',
    urls: ['https://www.python.org/'],
    hostnames: ['www.python.org', 'python.org'],
  }),
  service('downloads', { name: 'Python downloads', urls: ['https://www.python.org/ftp/python/'] }),
  service('deep-wild', { name: 'Deep wildcard', hostnames: ['*.b.pythonhosted.org'] }),
  host('wiki-host', { name: 'wiki host', hostnames: ['wiki.python.org'] }),
  service('wiki', { name: 'Python wiki', hostnames: ['wiki.python.org'] }),
  service('roundup-site', { name: 'Roundup site', urls: ['https://bugs.python.org/roundup/'] }),
);

const top = (q: string) => resolve(index, q).map((m) => `${m.entity.id}:${m.matchedBy}`);

describe('resolve', () => {
  it.each<[string, string, string[]]>([
    ['a full URL, by exact host name', 'https://bugs.python.org/issue12345', ['bugs:hostname']],
    ['a bare host name', 'bugs.python.org', ['bugs:hostname']],
    ['host:port, any case, trailing dot', 'BUGS.Python.org.:443', ['bugs:hostname']],
    [
      'host/path without a scheme',
      'bugs.python.org/roundup/x',
      ['roundup-site:url-prefix', 'bugs:hostname'],
    ],
    [
      'a declared URL prefix beats the host name',
      'https://www.python.org/ftp/python/3.12.0/Python-3.12.0.tgz',
      ['downloads:url-prefix', 'pythondotorg:hostname'],
    ],
    [
      'a path outside every declared prefix',
      'https://www.python.org/about/',
      ['pythondotorg:hostname'],
    ],
    [
      'prefixes end at segment boundaries',
      'https://www.python.org/ftp/pythonx',
      ['pythondotorg:hostname'],
    ],
    [
      'exact host name before wildcard',
      'files.pythonhosted.org',
      ['pypi-files:hostname', 'pypi:wildcard'],
    ],
    ['a wildcard', 'https://x.pythonhosted.org/simple/', ['pypi:wildcard']],
    ['only the most specific wildcard', 'a.b.pythonhosted.org', ['deep-wild:wildcard']],
    [
      'services before hosts on the same host name',
      'wiki.python.org',
      ['wiki:hostname', 'wiki-host:hostname'],
    ],
    ['an id', 'docs', ['docs:id']],
    ['an id, any case', 'DigitalOcean', ['digitalocean:id']],
    ['a whole name', 'python package index', ['pypi:name']],
    ['name words, the closest name first', 'documentation', ['docs:name']],
    ['a name that is also a host name', 'python.org', ['pythondotorg:hostname']],
    ['a misspelt name', 'Pyhton documentaton', ['docs:fuzzy']],
    ['a partial word', 'roundu', ['roundup-site:fuzzy']],
    ['nothing', 'nothing-like-this', []],
    ['an unknown URL gives no guesses', 'https://unknown.example.com/python', []],
    ['an empty query', '   ', []],
  ])('%s: %s', (_label, q, expected) => {
    expect(top(q).slice(0, expected.length)).toEqual(expected);
    if (expected.length === 0) expect(top(q)).toEqual([]);
  });

  it('says what matched and how well', () => {
    const [prefix, hostMatch] = resolve(index, 'https://www.python.org/ftp/python/3.12/x');
    expect(prefix).toMatchObject({
      matchedBy: 'url-prefix',
      detail: 'under https://www.python.org/ftp/python/',
    });
    expect(prefix?.score).toBeCloseTo(3 / 5);
    expect(hostMatch).toMatchObject({
      matchedBy: 'hostname',
      detail: 'host name www.python.org',
      score: 1,
    });
    const [fuzzy] = resolve(index, 'pyhton documentation');
    expect(fuzzy?.detail).toBe('close to pyhton→python, documentation');
    expect(fuzzy?.score).toBeGreaterThan(0.5);
    expect(fuzzy?.score).toBeLessThan(1);
  });

  it('drops less specific wildcards', () => {
    expect(top('a.b.pythonhosted.org')).toEqual(['deep-wild:wildcard']);
  });

  it('lists each entity once, under its best match', () => {
    const matches = resolve(index, 'https://bugs.python.org/');
    expect(matches.filter((m) => m.entity.id === 'bugs')).toHaveLength(1);
  });

  it('returns public views only', () => {
    expect(JSON.stringify(resolve(index, 'bugs'))).not.toContain('bugs-oncall@example.org');
  });

  it('honours the limit', () => {
    expect(resolve(index, 'python', { limit: 2 })).toHaveLength(2);
  });

  it('orders every tier as documented', () => {
    const tiers: MatchedBy[] = resolve(index, 'https://www.python.org/ftp/python/', {
      limit: 50,
    }).map((m) => m.matchedBy);
    expect(tiers).toEqual(['url-prefix', 'hostname']);
  });
});

describe('parseTarget', () => {
  it.each<[string, { host: string; segments: string[] } | undefined]>([
    ['https://Bugs.Python.org/a/b?x=1#y', { host: 'bugs.python.org', segments: ['a', 'b'] }],
    ['bugs.python.org:8080/a', { host: 'bugs.python.org', segments: ['a'] }],
    ['localhost:8080', { host: 'localhost', segments: [] }],
    ['ftp://example.org/', undefined],
    ['python docs', undefined],
    ['bugs', undefined],
  ])('%s', (q, expected) => {
    expect(parseTarget(q)).toEqual(expected);
  });
});
