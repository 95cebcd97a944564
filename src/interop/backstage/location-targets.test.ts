import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyTarget, expandGlob } from './location-targets.js';

const base = path.resolve('test/fixtures/backstage/acme');

describe('classifyTarget', () => {
  it.each([
    ['./org/groups.yaml', { kind: 'local', path: path.join(base, 'org/groups.yaml'), glob: false }],
    ['org/groups.yaml', { kind: 'local', path: path.join(base, 'org/groups.yaml'), glob: false }],
    [
      'file:./org/groups.yaml',
      { kind: 'local', path: path.join(base, 'org/groups.yaml'), glob: false },
    ],
    [
      'url:./infra/location.yaml',
      { kind: 'local', path: path.join(base, 'infra/location.yaml'), glob: false },
    ],
    ['file:///srv/catalog/a.yaml', { kind: 'local', path: '/srv/catalog/a.yaml', glob: false }],
    [
      './services/*/catalog-info.yaml',
      { kind: 'local', path: path.join(base, 'services/*/catalog-info.yaml'), glob: true },
    ],
    [
      'https://github.com/acme/x/blob/main/catalog-info.yaml',
      { kind: 'remote', url: 'https://github.com/acme/x/blob/main/catalog-info.yaml' },
    ],
    [
      'url:https://example.org/catalog.yaml',
      { kind: 'remote', url: 'https://example.org/catalog.yaml' },
    ],
  ])('%s', (target, expected) => {
    expect(classifyTarget(target, base)).toEqual(expected);
  });
});

describe('expandGlob', () => {
  const rel = (files: string[]) =>
    files.map((f) => path.relative(base, f).split(path.sep).join('/'));

  it.each([
    [
      'services/*/catalog-info.yaml',
      [
        'services/checkout/catalog-info.yaml',
        'services/payments/catalog-info.yaml',
        'services/search/catalog-info.yaml',
      ],
    ],
    ['**/db-?.yaml', ['infra/hosts/db-1.yaml']],
    [
      '{org,infra}/*.yaml',
      ['infra/location.yaml', 'infra/resources.yaml', 'org/groups.yaml', 'org/users.yaml'],
    ],
    ['org/[gu]*.yaml', ['org/groups.yaml', 'org/users.yaml']],
    ['nowhere/*.yaml', []],
  ])('%s', async (pattern, expected) => {
    expect(rel(await expandGlob(path.join(base, pattern)))).toEqual(expected);
  });
});
