import { describe, expect, it } from 'vitest';
import { parseEntityRef, refKey } from './entity-ref.js';

describe('parseEntityRef', () => {
  it.each([
    [
      'team-a',
      { defaultKind: 'Group' as const },
      { kind: 'Group', namespace: 'default', name: 'team-a' },
    ],
    [
      'user:jdoe',
      { defaultKind: 'Group' as const },
      { kind: 'User', namespace: 'default', name: 'jdoe' },
    ],
    [
      'ops/team-b',
      { defaultKind: 'Group' as const },
      { kind: 'Group', namespace: 'ops', name: 'team-b' },
    ],
    ['Component:Ops/Billing_API', {}, { kind: 'Component', namespace: 'ops', name: 'Billing_API' }],
    [
      'resource:db',
      { defaultNamespace: 'payments' },
      { kind: 'Resource', namespace: 'payments', name: 'db' },
    ],
    ['db', {}, { kind: undefined, namespace: 'default', name: 'db' }],
    ['api:default/orders.v1', {}, { kind: 'API', namespace: 'default', name: 'orders.v1' }],
  ])('%s', (text, context, expected) => {
    const parsed = parseEntityRef(text, context);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.ref).toMatchObject(expected);
  });

  it('keeps an unknown kind aside', () => {
    const parsed = parseEntityRef('template:default/new-service');
    expect(parsed).toMatchObject({ ok: true, ref: { kind: undefined, unknownKind: 'template' } });
  });

  it.each(['', 'component:', ':name', 'default/', 'a/b/c', 'group:ns/'])('rejects %j', (text) => {
    expect(parseEntityRef(text).ok).toBe(false);
  });

  it('indexes refs without regard to case', () => {
    expect(refKey('Component', 'Default', 'Billing')).toBe(
      refKey('Component', 'default', 'billing'),
    );
  });
});
