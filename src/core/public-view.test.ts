import { describe, expect, it } from 'vitest';
import { publicView } from './public-view.js';
import type { Entity } from './schema/entity.schema.js';
import { person, privateEmail, email, service, team } from '../../test/support/test-factories.js';

describe('publicView', () => {
  it.each<[string, Entity]>([
    [
      'a person',
      person('ee', { contacts: [email('ee@example.org'), privateEmail('home@example.org')] }),
    ],
    [
      'a team',
      team('infra', { contacts: [privateEmail('pager@example.org'), email('infra@example.org')] }),
    ],
    [
      'a service',
      service('bugs', {
        contacts: [privateEmail('oncall@example.org'), email('bugs@example.org')],
      }),
    ],
  ])('removes private contacts from %s and keeps the public ones', (_label, entity) => {
    const view = publicView(entity);
    expect(JSON.stringify(view)).not.toContain('private');
    expect(view).toMatchObject({ id: entity.id, kind: entity.kind });
    expect((view as { contacts?: unknown[] }).contacts).toHaveLength(1);
  });

  it('removes private contacts from contact lists nested anywhere', () => {
    const odd = {
      ...service('x'),
      extra: { contacts: [privateEmail('deep@example.org'), email('ok@example.org')] },
    } as unknown as Entity;
    expect(JSON.stringify(publicView(odd))).not.toContain('deep@example.org');
    expect(JSON.stringify(publicView(odd))).toContain('ok@example.org');
  });

  it('copies: the input keeps its private contacts', () => {
    const entity = person('ee', { contacts: [privateEmail('home@example.org')] });
    const view = publicView(entity);
    expect(view).not.toBe(entity);
    expect(entity.contacts).toHaveLength(1);
  });

  it('answers the same for contacts that are all private as for no contacts', () => {
    const hidden = publicView(person('ee', { contacts: [privateEmail('home@example.org')] }));
    const none = publicView(person('ee', {}));
    expect(hidden).toEqual(none);
    expect(JSON.stringify(hidden)).toBe(JSON.stringify(none));
    expect('contacts' in hidden).toBe(false);
  });

  it('keeps a "__proto__" key a plain key', () => {
    const entity = JSON.parse(
      '{"kind":"Service","id":"x","name":"x","__proto__":{"polluted":1}}',
    ) as Entity;
    const view = publicView(entity) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(view)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
