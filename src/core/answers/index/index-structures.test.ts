import { describe, expect, it } from 'vitest';
import { LazyPostings } from './lazy-postings.js';
import { MultiMap } from './multi-map.js';
import { SortedKeyList } from './sorted-key-list.js';
import { tokenize } from './text-index.js';
import { parseUrlTarget } from './url-prefix-index.js';

describe('SortedKeyList', () => {
  it('keeps keys sorted and distinct through small and large batches', () => {
    const list = new SortedKeyList();
    const keys = Array.from({ length: 200 }, (_, i) => `k${(i * 7919) % 200}`);
    keys.forEach((k) => list.add(k));
    list.add('k5');
    expect(list.values()).toEqual([...new Set(keys)].sort());
    list.delete('k5');
    list.add('zz');
    expect(list.has('k5')).toBe(false);
    expect([...list.after('k98')].slice(0, 3)).toEqual(['k99', 'zz']);
    list.delete('zz');
    list.add('zz');
    expect(list.has('zz')).toBe(true);
    expect(list.withPrefix('k19')).toEqual([
      'k19',
      'k190',
      'k191',
      'k192',
      'k193',
      'k194',
      'k195',
      'k196',
      'k197',
      'k198',
      'k199',
    ]);
  });

  it('settles a large batch in slices to the order a read gives', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${(i * 7919) % 4000}`);
    const [read, sliced] = [new SortedKeyList(), new SortedKeyList()];
    for (const list of [read, sliced]) {
      keys.forEach((k) => list.add(k));
      list.delete('k17');
    }
    const steps = sliced.settleSliced();
    let pauses = 0;
    while (steps.next().done !== true) pauses++;
    expect(pauses).toBeGreaterThan(5);
    expect(sliced.values()).toEqual(read.values());
    expect(sliced.values()).toHaveLength(3999);
    expect(sliced.has('k17')).toBe(false);
  });
});

describe('LazyPostings', () => {
  it('skips removed ids, lifts a tombstone on re-add, and compacts', () => {
    const p = new LazyPostings();
    ['a', 'b', 'c', 'd'].forEach((id) => p.add('w', id));
    p.delete('w', 'b');
    expect(p.values('w')).toEqual(['a', 'c', 'd']);
    expect(p.count('w')).toBe(3);
    p.add('w', 'b');
    expect(p.values('w')).toEqual(['a', 'b', 'c', 'd']);
    p.delete('w', 'a');
    p.delete('w', 'c');
    expect(p.values('w')).toEqual(['b', 'd']);
    p.delete('w', 'b');
    p.delete('w', 'd');
    expect(p.has('w')).toBe(false);
    expect(p.values('w')).toEqual([]);
  });
});

describe('MultiMap', () => {
  it('stores one value plainly and several in a set', () => {
    const m = new MultiMap<string>();
    m.add('k', 'a');
    m.add('k', 'a');
    expect(m.get('k')).toEqual(['a']);
    m.add('k', 'b');
    expect(m.count('k')).toBe(2);
    m.delete('k', 'a');
    expect(m.get('k')).toEqual(['b']);
    m.delete('k', 'b');
    expect(m.has('k')).toBe(false);
  });
});

describe('tokenize', () => {
  it.each([
    ['Python Package Index (PyPI)', ['python', 'package', 'index', 'pypi']],
    ['Marc-André Lemburg', ['marc', 'andre', 'lemburg']],
    ['東京 service', ['東京', 'service']],
    ['bugs.python.org bugs', ['bugs', 'python', 'org']],
    ['  ', []],
  ])('%s', (text, words) => {
    expect(tokenize(text)).toEqual(words);
  });
});

describe('parseUrlTarget', () => {
  it.each([
    ['https://www.python.org/ftp/python/', { host: 'www.python.org', segments: ['ftp', 'python'] }],
    ['HTTP://WWW.Python.ORG./a/../b', { host: 'www.python.org', segments: ['b'] }],
    ['http://0x7f.1/x', { host: '127.0.0.1', segments: ['x'] }],
    ['https://user@host.example/p?q#f', { host: 'host.example', segments: ['p'] }],
    ['https://bücher.example/', { host: 'xn--bcher-kva.example', segments: [] }],
    ['mailto:x@example.org', undefined],
    ['not a url', undefined],
  ])('%s', (raw, expected) => {
    expect(parseUrlTarget(raw)).toEqual(expected);
  });
});
