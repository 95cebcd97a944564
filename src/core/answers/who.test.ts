import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../errors.js';
import { who } from './who.js';
import {
  buildIndex,
  email,
  host,
  irc,
  mailingList,
  person,
  privateEmail,
  provider,
  psfLikeCatalog,
  service,
  team,
} from '../../../test/support/test-factories.js';

const index = buildIndex(...psfLikeCatalog());
const steps = (id: string) => who(index, id).map((s) => `${s.entity.id} [${s.role}] ${s.reason}`);

describe('who', () => {
  it('a service on a host: owners, then the host, its owners, its provider and account holder, then infra', () => {
    expect(steps('bugs')).toEqual([
      'zach [owner] owner of bugs',
      'bugs-nyc1 [host] bugs runs on bugs-nyc1',
      'infra [host-owner] owner of bugs-nyc1, which bugs runs on',
      'ee [team-member] lead of infra, owner of bugs-nyc1, which bugs runs on',
      'donald [team-member] member of infra, owner of bugs-nyc1, which bugs runs on',
      'digitalocean [provider] bugs-nyc1 runs on digitalocean',
    ]);
  });

  it('a service on a provider, fronted by a CDN', () => {
    expect(steps('docs')).toEqual([
      'julien [owner] owner of docs',
      'digitalocean [provider] docs runs on digitalocean',
      'ee [account-holder] docs runs on digitalocean, account held by ee',
      'fastly [fronted-by] docs is fronted by fastly',
      'donald [account-holder] docs is fronted by fastly, account held by donald',
      'infra [infrastructure] the infrastructure team: the last resort',
    ]);
  });

  it('starts with the entity’s own public contacts', () => {
    const [first] = who(index, 'pypi');
    expect(first).toMatchObject({ role: 'self', reason: 'contacts of pypi' });
    expect(first?.contacts).toEqual([email('admin@pypi.org')]);
  });

  it('skips the entity itself when it has no public contact (bugs only has a private one)', () => {
    expect(who(index, 'bugs').some((s) => s.role === 'self')).toBe(false);
  });

  it('never shows a private contact', () => {
    for (const id of ['bugs', 'docs', 'pypi', 'ee', 'infra', 'digitalocean']) {
      const text = JSON.stringify(who(index, id));
      expect(text).not.toContain('ee-home@example.org');
      expect(text).not.toContain('donald@example.org');
      expect(text).not.toContain('bugs-oncall@example.org');
    }
  });

  it('lists each party once, under the first reason', () => {
    const ids = who(index, 'pypi').map((s) => s.entity.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(who(index, 'pypi').find((s) => s.entity.id === 'ee')?.reason).toBe('owner of pypi');
  });

  it('does not repeat the infrastructure team at the end when it already appeared', () => {
    const list = who(index, 'pypi-files');
    expect(list.filter((s) => s.entity.id === 'infra')).toHaveLength(1);
    expect(list[0]).toMatchObject({ role: 'owner', reason: 'owner of pypi-files' });
  });

  it.each([
    [
      'a team: itself, lead, members, then nobody else',
      'infra',
      ['infra [self]', 'ee [team-member]', 'donald [team-member]'],
    ],
    ['a person: themself, then infra', 'julien', ['julien [self]', 'infra [infrastructure]']],
    [
      'a provider: vendor contacts, account holders, infra',
      'digitalocean',
      ['digitalocean [self]', 'ee [account-holder]', 'infra [infrastructure]'],
    ],
    [
      'a host: owners, provider, holder',
      'bugs-nyc1',
      ['infra [owner]', 'ee [team-member]', 'donald [team-member]', 'digitalocean [provider]'],
    ],
  ])('%s', (_label, id, expected) => {
    expect(who(index, id).map((s) => `${s.entity.id} [${s.role}]`)).toEqual(expected);
  });

  it('ends with the infrastructure team even when nothing else is known', () => {
    const idx = buildIndex(
      service('lonely'),
      team('infra', {
        role: 'infrastructure',
        contacts: [mailingList('infra@example.org'), irc('#infra')],
      }),
    );
    expect(who(idx, 'lonely')).toEqual([
      expect.objectContaining({
        role: 'infrastructure',
        contacts: [mailingList('infra@example.org'), irc('#infra')],
      }),
    ]);
  });

  it('skips references to entities missing from the catalog', () => {
    const idx = buildIndex(
      service('s', { owners: ['ghost'], runsOn: [{ host: 'gone' }, { provider: 'p' }] }),
      provider('p', { account: { owners: ['nobody'] } }),
      person('x', { contacts: [privateEmail('x@example.org')] }),
      host('h'),
    );
    expect(who(idx, 's').map((s) => s.entity.id)).toEqual(['p']);
  });

  it('refuses an unknown id with entity.not_found', () => {
    expect(() => who(index, 'nope')).toThrow(SwitchboardError);
    expect(() => who(index, 'nope')).toThrow(expect.objectContaining({ code: 'entity.not_found' }));
  });
});
