import { describe, expect, it } from 'vitest';
import { inSchemaOrder } from './schema-order.js';
import type { Service } from './entity.schema.js';

/** Keys as PostgreSQL's jsonb returns them: shorter keys first, then bytewise, at every depth. */
function jsonbOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonbOrder);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  return Object.fromEntries(keys.map((k) => [k, jsonbOrder(source[k])]));
}

const service: Service = {
  kind: 'Service',
  id: 'tracker',
  name: 'Issue tracker',
  description: 'Where bugs are filed.',
  reviewed: { date: '2026-10-01', by: 'ada' },
  urls: ['https://tracker.example.org/'],
  runsOn: [{ provider: 'cloudco', as: 'vm', managedBy: 'salt' }],
  owners: ['ada'],
  contacts: [{ type: 'email', value: 'tracker@example.org' }],
};

describe('inSchemaOrder', () => {
  it('puts keys back in the order the schema declares, at every depth', () => {
    const shuffled = jsonbOrder(service) as Service;
    expect(Object.keys(shuffled)[0]).toBe('id');
    const ordered = inSchemaOrder(shuffled);
    expect(JSON.stringify(ordered)).toBe(JSON.stringify(service));
    expect(Object.keys(ordered.runsOn?.[0] ?? {})).toEqual(['provider', 'as', 'managedBy']);
    expect(Object.keys(ordered.reviewed ?? {})).toEqual(['date', 'by']);
  });

  it('changes nothing it is given, and keeps parts already in order as they are', () => {
    const shuffled = jsonbOrder(service) as Service;
    const before = JSON.stringify(shuffled);
    const ordered = inSchemaOrder(shuffled);
    expect(JSON.stringify(shuffled)).toBe(before);
    expect(ordered.contacts).toBe(shuffled.contacts);
    expect(ordered.urls).toBe(shuffled.urls);
    expect(ordered.runsOn).not.toBe(shuffled.runsOn);
    expect(inSchemaOrder(service)).toBe(service);
  });

  it('keeps keys the schema does not know after the known ones, in their order', () => {
    const extra = { zeta: 1, ...jsonbOrder(service) as object, alpha: 2 } as unknown as Service;
    expect(Object.keys(inSchemaOrder(extra)).slice(-2)).toEqual(['zeta', 'alpha']);
  });
});
