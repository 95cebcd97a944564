/**
 * Services and hosts in name order (`byName`), worked out once per index revision and kept, so
 * that the page's many lists by name (every service, each provider's and each machine's) are
 * sorted by a number instead of by comparing names again: the page's cost stays linear.
 */
import type { Entity, Host, Service } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import { collectSliced, sortSliced, ticker, type Sliced } from '../../sliced.js';
import { byName } from './overview-writing.js';

export interface NameOrder {
  services: Service[];
  hosts: Host[];
  /** Position of each service in `services` and of each host in `hosts`. */
  rank: Map<string, number>;
}

const kept = new WeakMap<CatalogIndex, { revision: number; order: NameOrder }>();

/**
 * Names of letters, digits and spaces only compare, under the collator `byName` uses (base
 * sensitivity), as their lower-case forms compare: spaces before digits before letters, case
 * ignored. Those are compared as plain strings, the others by the collator.
 */
const SIMPLE = /^[A-Za-z0-9 ]*$/;

interface Keyed<E extends Entity> {
  entity: E;
  key: string | undefined;
}

function compareKeyed<E extends Entity>(a: Keyed<E>, b: Keyed<E>): number {
  if (a.key === undefined || b.key === undefined) return byName(a.entity, b.entity);
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.entity.id < b.entity.id ? -1 : 1;
}

function* sortedByName<E extends Entity>(entities: Iterable<E>): Sliced<E[]> {
  const keyed: Keyed<E>[] = [];
  const tick = ticker(1024);
  for (const entity of entities) {
    keyed.push({ entity, key: SIMPLE.test(entity.name) ? entity.name.toLowerCase() : undefined });
    if (tick()) yield;
  }
  const sorted = yield* sortSliced(keyed, compareKeyed);
  return sorted.map((k) => k.entity);
}

/** The name order of `index`'s services and hosts (kept until the index changes). */
export function* nameOrder(index: CatalogIndex): Sliced<NameOrder> {
  const known = kept.get(index);
  if (known && known.revision === index.revision) return known.order;
  const revision = index.revision;
  const services = yield* sortedByName(yield* collectSliced(index.each('Service')));
  const hosts = yield* sortedByName(yield* collectSliced(index.each('Host')));
  const rank = new Map<string, number>();
  services.forEach((s, i) => rank.set(s.id, i));
  hosts.forEach((h, i) => rank.set(h.id, i));
  const order = { services, hosts, rank };
  if (index.revision === revision) kept.set(index, { revision, order });
  return order;
}

/** Distinct services (or hosts) of the index, sorted by name as `sort(byName)` would. */
export function* sortByName<E extends Service | Host>(
  order: NameOrder,
  items: readonly E[],
): Sliced<E[]> {
  const all = (items[0]?.kind === 'Host' ? order.hosts : order.services) as E[];
  const ranks = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as E;
    const rank = order.rank.get(item.id);
    // Not in the index's order (not the index's own object): compare names.
    if (rank === undefined || all[rank] !== item) return yield* sortSliced(items, byName);
    ranks[i] = rank;
  }
  ranks.sort();
  yield;
  return Array.from(ranks, (r) => all[r] as E);
}
