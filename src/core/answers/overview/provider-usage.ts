/**
 * What the foundation uses a provider for, as the overview counts it: the current (not retired)
 * services that run on it, directly or on one of its machines, and the ones it fronts. A provider
 * that runs at least one current service is a hosting provider; the others supply something else
 * (DNS, monitoring, a CDN, ...).
 */
import type { Host, Provider, Service } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import { runToEnd, ticker, type Sliced } from '../../sliced.js';
import { nameOrder, sortByName, type NameOrder } from './name-order.js';
import { byName } from './overview-writing.js';

export interface HostUsage {
  host: Host;
  /** Current services on this machine, by name. */
  services: Service[];
}

export interface ProviderUsage {
  provider: Provider;
  /** Current services placed on the provider itself (not on one of its machines), by name. */
  direct: Service[];
  /** The provider's machines, by name, each with the current services on it. */
  hosts: HostUsage[];
  /** Every current service on it, directly or on its machines, by name. */
  services: Service[];
  /** Current services it fronts (frontedBy), by name. */
  fronted: Service[];
}

export const isCurrent = (entity: { kind: string; status?: string }): boolean =>
  entity.status !== 'retired';

function* currentServices(
  index: CatalogIndex,
  order: NameOrder,
  ids: Iterable<string>,
): Sliced<Service[]> {
  const out: Service[] = [];
  const tick = ticker();
  for (const id of new Set(ids)) {
    const e = index.get(id);
    if (e?.kind === 'Service' && isCurrent(e)) out.push(e);
    if (tick()) yield;
  }
  return yield* sortByName(order, out);
}

/** What the provider is used for, in slices (a busy provider runs tens of thousands of services). */
export function* providerUsageSliced(
  index: CatalogIndex,
  provider: Provider,
  order: NameOrder,
): Sliced<ProviderUsage> {
  const onIt = [...index.referrers(provider.id, 'runsOn')];
  const direct = yield* currentServices(index, order, onIt);
  const machines: Host[] = [];
  for (const id of onIt) {
    const e = index.get(id);
    if (e?.kind === 'Host') machines.push(e);
  }
  const hosts: HostUsage[] = [];
  for (const host of yield* sortByName(order, machines)) {
    hosts.push({
      host,
      services: yield* currentServices(index, order, index.referrers(host.id, 'runsOn')),
    });
  }
  const all = new Map<string, Service>();
  const tick = ticker();
  for (const s of direct) all.set(s.id, s);
  for (const h of hosts) {
    for (const s of h.services) {
      all.set(s.id, s);
      if (tick()) yield;
    }
  }
  return {
    provider,
    direct,
    hosts,
    services: yield* sortByName(order, [...all.values()]),
    fronted: yield* currentServices(index, order, index.referrers(provider.id, 'frontedBy')),
  };
}

export function providerUsage(index: CatalogIndex, provider: Provider): ProviderUsage {
  return runToEnd(providerUsageSliced(index, provider, runToEnd(nameOrder(index))));
}

/** The providers in use (not former), by name. */
export function activeProviders(index: CatalogIndex): Provider[] {
  return index
    .ofKind('Provider')
    .filter((p) => p.status !== 'former')
    .sort(byName);
}

/** Usages worked out for an index revision, kept as the name order is (shared by every format). */
const kept = new WeakMap<
  CatalogIndex,
  { revision: number; order: NameOrder; usages: readonly ProviderUsage[] }
>();

/**
 * The usage of every provider in use, by provider name, in slices; kept until the index changes,
 * so the page's three formats work it out once. The answer is shared: never change it.
 */
export function* activeUsages(
  index: CatalogIndex,
  order: NameOrder,
): Sliced<readonly ProviderUsage[]> {
  const known = kept.get(index);
  if (known && known.revision === index.revision && known.order === order) return known.usages;
  const revision = index.revision;
  const usages: ProviderUsage[] = [];
  for (const provider of activeProviders(index)) {
    usages.push(yield* providerUsageSliced(index, provider, order));
  }
  if (index.revision === revision) kept.set(index, { revision, order, usages });
  return usages;
}

export const isHosting = (usage: ProviderUsage): boolean => usage.services.length > 0;
