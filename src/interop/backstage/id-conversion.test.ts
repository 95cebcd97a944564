import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../../core/schema/primitives.schema.js';
import type { BackstageKind } from './backstage-model.js';
import { refKey } from './entity-ref.js';
import { assignIds, baseId, type IdRequest } from './id-conversion.js';

function request(
  kind: BackstageKind,
  name: string,
  namespace = 'default',
  preferred?: string,
): IdRequest {
  return { key: refKey(kind, namespace, name), kind, namespace, name, preferred };
}

describe('baseId', () => {
  it.each([
    ['billing', 'default', 'billing', []],
    ['Billing_API', 'default', 'billing-api', ['lowercased', '"_" and "." replaced by "-"']],
    ['orders.v2', 'default', 'orders-v2', ['"_" and "." replaced by "-"']],
    ['billing', 'payments', 'payments-billing', ['namespace "payments" prefixed']],
    [
      '3scale',
      'default',
      'component-3scale',
      ['prefixed with "component-" (ids start with a letter)'],
    ],
  ])('%s in %s → %s', (name, namespace, id, reasons) => {
    expect(baseId(request('Component', name, namespace))).toEqual({ id, reasons });
  });

  it('cuts long names to 63 characters with a stable hash', () => {
    const long = `very-${'long-'.repeat(20)}name`;
    const first = baseId(request('Component', long));
    expect(first.id).toHaveLength(63);
    expect(first.id).toMatch(ID_PATTERN);
    expect(first.id).toMatch(/-[0-9a-f]{6}$/);
    expect(baseId(request('Component', long))).toEqual(first);
    expect(baseId(request('Resource', long)).id).not.toBe(first.id);
  });
});

describe('assignIds', () => {
  it('resolves clashes the same way whatever the input order', () => {
    const requests = [
      request('Group', 'infra'),
      request('Component', 'infra'),
      request('User', 'Infra'),
      request('Component', 'infra-group'),
    ];
    const a = assignIds(requests);
    const b = assignIds([...requests].reverse());
    expect([...a.values()].map((x) => x.id).sort()).toEqual(
      [...b.values()].map((x) => x.id).sort(),
    );
    expect(a.get(refKey('Component', 'default', 'infra'))?.id).toBe('infra');
    // "infra-group" is wanted by a component, so the group gets the next free name.
    expect(a.get(refKey('Group', 'default', 'infra'))?.id).toBe('infra-group-2');
    expect(a.get(refKey('User', 'default', 'infra'))?.id).toBe('infra-user');
    expect(a.get(refKey('User', 'default', 'infra'))?.reasons).toEqual([
      'lowercased',
      'renamed: "infra" is already the id of component:default/infra',
    ]);
    const ids = [...a.values()].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });

  it('lets preferred ids win over converted names', () => {
    const ids = assignIds([
      request('Component', 'web'),
      request('Resource', 'web-host', 'default', 'web'),
    ]);
    expect(ids.get(refKey('Resource', 'default', 'web-host'))?.id).toBe('web');
    expect(ids.get(refKey('Component', 'default', 'web'))?.id).toBe('web-component');
  });
});
