/** Ownership helpers the reports share. */
import type { Entity, Host, Service } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import { kindRank } from '../catalog-index.js';
import type { EntitySummary } from '../impact.js';

export const summarize = (e: Entity): EntitySummary => ({ id: e.id, kind: e.kind, name: e.name });

/**
 * Services and hosts that still matter, one at a time (services by id, then hosts by id): retired
 * services are left out of the health reports.
 */
export function* eachRunningThing(index: CatalogIndex): Generator<Service | Host, void, undefined> {
  for (const service of index.each('Service')) if (service.status !== 'retired') yield service;
  yield* index.each('Host');
}

/** Declared owners that exist in the catalog. */
export function presentOwners(index: CatalogIndex, entity: Service | Host): Entity[] {
  const out: Entity[] = [];
  for (const id of new Set(entity.owners ?? [])) {
    const owner = index.get(id);
    if (owner) out.push(owner);
  }
  return out;
}

/** The distinct people behind a list of owners: people directly, and the members of teams. */
export function peopleBehind(index: CatalogIndex, owners: readonly Entity[]): Entity[] {
  const people = new Map<string, Entity>();
  for (const owner of owners) {
    if (owner.kind === 'Person') people.set(owner.id, owner);
    if (owner.kind !== 'Team') continue;
    for (const id of [
      ...(owner.lead !== undefined ? [owner.lead] : []),
      ...(owner.members ?? []),
    ]) {
      const member = index.get(id);
      if (member?.kind === 'Person') people.set(id, member);
    }
  }
  return [...people.values()];
}

export function byKindThenId(
  a: { kind: string; id: string },
  b: { kind: string; id: string },
): number {
  const ka = kindRank(a.kind as Entity['kind']);
  const kb = kindRank(b.kind as Entity['kind']);
  return ka - kb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;
