/**
 * What the foundation uses a provider for, as the overview counts it: the current (not retired)
 * services that run on it, directly or on one of its machines, and the ones it fronts. A provider
 * that runs at least one current service is a hosting provider; the others supply something else
 * (DNS, monitoring, a CDN, ...).
 */
import type { Host, Provider, Service } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
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

function currentServices(index: CatalogIndex, ids: Iterable<string>): Service[] {
  const out: Service[] = [];
  for (const id of new Set(ids)) {
    const e = index.get(id);
    if (e?.kind === 'Service' && isCurrent(e)) out.push(e);
  }
  return out.sort(byName);
}

export function providerUsage(index: CatalogIndex, provider: Provider): ProviderUsage {
  const onIt = [...index.referrers(provider.id, 'runsOn')];
  const direct = currentServices(index, onIt);
  const hosts = onIt
    .map((id) => index.get(id))
    .filter((e): e is Host => e?.kind === 'Host')
    .sort(byName)
    .map((host) => ({
      host,
      services: currentServices(index, index.referrers(host.id, 'runsOn')),
    }));
  const all = new Map<string, Service>();
  for (const s of [...direct, ...hosts.flatMap((h) => h.services)]) all.set(s.id, s);
  return {
    provider,
    direct,
    hosts,
    services: [...all.values()].sort(byName),
    fronted: currentServices(index, index.referrers(provider.id, 'frontedBy')),
  };
}

/** The providers in use (not former), by name. */
export function activeProviders(index: CatalogIndex): Provider[] {
  return index
    .ofKind('Provider')
    .filter((p) => p.status !== 'former')
    .sort(byName);
}

export const isHosting = (usage: ProviderUsage): boolean => usage.services.length > 0;
