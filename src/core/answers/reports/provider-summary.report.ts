import type { Entity } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import type { ReportRow, ReportSpec } from './report-types.js';
import { runToEnd, sortSliced, ticker, type Sliced } from '../../sliced.js';
import { byKindThenId, joinWords, plural, summarize } from './ownership.js';

function* entitiesOf(index: CatalogIndex, ids: Iterable<string>): Sliced<Entity[]> {
  const out: Entity[] = [];
  const tick = ticker(1024);
  for (const id of ids) {
    const e = index.get(id);
    if (e) out.push(e);
    if (tick()) yield;
  }
  return yield* sortSliced(out, byKindThenId);
}

/** Per provider: the hosts and services running on it (directly or on its hosts), and what it fronts. */
export function providerSummary(index: CatalogIndex): ReportRow[] {
  return runToEnd(providerSummarySliced(index));
}

function* providerSummarySliced(index: CatalogIndex): Sliced<ReportRow[]> {
  const rows: (ReportRow & { total: number })[] = [];
  const tick = ticker(1024);
  for (const provider of index.ofKind('Provider')) {
    const onIt = yield* entitiesOf(index, index.referrers(provider.id, 'runsOn'));
    const hosts = onIt.filter((e) => e.kind === 'Host');
    const direct = onIt.filter((e) => e.kind === 'Service');
    const viaHosts = new Set<string>();
    for (const host of hosts) {
      for (const id of index.referrers(host.id, 'runsOn')) viaHosts.add(id);
      if (tick()) yield;
    }
    for (const service of direct) viaHosts.delete(service.id);
    const services = yield* sortSliced(
      [...direct, ...(yield* entitiesOf(index, viaHosts))],
      byKindThenId,
    );
    const fronted = yield* entitiesOf(index, index.referrers(provider.id, 'frontedBy'));
    const parts: string[] = [];
    if (hosts.length > 0) parts.push(plural(hosts.length, 'host'));
    if (services.length > 0) {
      const via =
        viaHosts.size > 0 && direct.length > 0 ? ` (${viaHosts.size} of them on its hosts)` : '';
      parts.push(`${plural(services.length, 'service')}${via}`);
    }
    const count = hosts.length + services.length;
    const runs = count > 0 ? `${joinWords(parts)} ${count === 1 ? 'runs' : 'run'} on it` : '';
    const fronts = fronted.length > 0 ? `it fronts ${plural(fronted.length, 'service')}` : '';
    const reason =
      [runs, fronts].filter((p) => p !== '').join('; ') || 'nothing in the catalog uses it';
    const listed = new Set<Entity>(services);
    const related = [];
    for (const entity of [...services, ...hosts, ...fronted.filter((f) => !listed.has(f))]) {
      related.push(summarize(entity));
      if (tick()) yield;
    }
    rows.push({
      id: provider.id,
      name: provider.name,
      kind: 'Provider',
      reason: reason.charAt(0).toUpperCase() + reason.slice(1),
      related,
      counts: {
        hosts: hosts.length,
        services: services.length,
        servicesDirect: direct.length,
        servicesViaHosts: viaHosts.size,
        fronts: fronted.length,
      },
      total: hosts.length + services.length + fronted.length,
    });
  }
  rows.sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
  return rows.map(({ total: _total, ...row }) => row);
}

export const providerSummaryReport: ReportSpec = {
  name: 'provider-summary',
  title: 'Providers',
  description:
    'For each provider, how many hosts and services run on it (directly or on its hosts) and how many services it fronts, busiest first.',
  rows: (index) => providerSummarySliced(index),
};
