import type { Entity } from '../../schema/entity.schema.js';
import { unhandledKind } from '../../kinds/registry.js';
import type { CatalogIndex } from '../catalog-index.js';
import type { ReportRow, ReportSpec } from './report-types.js';
import { runToEnd, ticker, type Sliced } from '../../sliced.js';
import { joinWords, plural, summarize } from './ownership.js';

const DISPLAY: Record<string, string> = {
  salt: 'Salt',
  chef: 'Chef',
  terraform: 'Terraform',
  ansible: 'Ansible',
  puppet: 'Puppet',
  manual: 'hand',
};

/** How each method reads in a sentence: "managed by Salt", "managed by hand". */
export function managementDisplayName(method: string): string {
  return DISPLAY[method.toLowerCase()] ?? method;
}

export const UNKNOWN_METHOD = 'unknown';

/** How each entity is managed: a service per placement (a host placement inherits the host's). */
export function managementMethods(index: CatalogIndex, entity: Entity): string[] {
  const out = new Set<string>();
  switch (entity.kind) {
    case 'Service':
      for (const placement of entity.runsOn ?? []) {
        const host = placement.host !== undefined ? index.get(placement.host) : undefined;
        const method = placement.managedBy ?? (host?.kind === 'Host' ? host.managedBy : undefined);
        if (method !== undefined) out.add(method.toLowerCase());
      }
      break;
    case 'Host':
      if (entity.managedBy !== undefined) out.add(entity.managedBy.toLowerCase());
      break;
    case 'Provider':
      if (entity.account?.managed !== undefined) out.add(entity.account.managed.toLowerCase());
      break;
    case 'Person':
    case 'Team':
      break;
    default:
      return unhandledKind(entity);
  }
  return [...out];
}

interface Group {
  services: Entity[];
  hosts: Entity[];
  accounts: Entity[];
}

/**
 * Per management method (salt, chef, manual, ...): the services, hosts and provider accounts it
 * manages; services and hosts with no known method are counted under "unknown". Retired
 * services are left out.
 */
export function managementSummary(index: CatalogIndex): ReportRow[] {
  return runToEnd(managementSummarySliced(index));
}

function* managementSummarySliced(index: CatalogIndex): Sliced<ReportRow[]> {
  const tick = ticker();
  const groups = new Map<string, Group>();
  const group = (method: string): Group => {
    let g = groups.get(method);
    if (!g) {
      g = { services: [], hosts: [], accounts: [] };
      groups.set(method, g);
    }
    return g;
  };
  for (const entity of index.each()) {
    if (tick()) yield;
    // Which column of the summary each kind counts in; a kind that is not managed is skipped.
    let column: keyof Group;
    switch (entity.kind) {
      case 'Service':
        if (entity.status === 'retired') continue;
        column = 'services';
        break;
      case 'Host':
        column = 'hosts';
        break;
      case 'Provider':
        column = 'accounts';
        break;
      case 'Person':
      case 'Team':
        continue;
      default:
        return unhandledKind(entity);
    }
    const methods = managementMethods(index, entity);
    if (methods.length === 0 && column !== 'accounts') methods.push(UNKNOWN_METHOD);
    for (const method of methods) group(method)[column].push(entity);
  }
  const rows: (ReportRow & { total: number })[] = [];
  for (const [method, g] of groups) {
    const parts = [
      g.services.length > 0 ? plural(g.services.length, 'service') : '',
      g.hosts.length > 0 ? plural(g.hosts.length, 'host') : '',
      g.accounts.length > 0 ? plural(g.accounts.length, 'provider account') : '',
    ].filter((p) => p !== '');
    const total = g.services.length + g.hosts.length + g.accounts.length;
    const verb = total === 1 ? 'is' : 'are';
    const how =
      method === UNKNOWN_METHOD
        ? `${verb} managed in a way the catalog does not record`
        : `${verb} managed by ${managementDisplayName(method)}`;
    const related = [];
    for (const entity of [...g.services, ...g.hosts, ...g.accounts]) {
      related.push(summarize(entity));
      if (tick()) yield;
    }
    rows.push({
      id: method,
      name:
        method === UNKNOWN_METHOD
          ? 'Unknown'
          : method === 'manual'
            ? 'By hand'
            : managementDisplayName(method),
      kind: 'ManagementMethod',
      reason: `${joinWords(parts)} ${how}`,
      related,
      counts: {
        services: g.services.length,
        hosts: g.hosts.length,
        providerAccounts: g.accounts.length,
      },
      total,
    });
  }
  rows.sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
  return rows.map(({ total: _total, ...row }) => row);
}

export const managementSummaryReport: ReportSpec = {
  name: 'management-summary',
  title: 'Management methods',
  description:
    'For each way things are configured (Salt, Chef, Terraform, by hand, ...), how many services, hosts and provider accounts it manages.',
  rows: (index) => managementSummarySliced(index),
};
