import type { Entity } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import type { ReportRow, ReportSpec } from './report-types.js';
import { runToEnd, ticker, type Sliced } from '../../sliced.js';
import { eachRunningThing, peopleBehind, presentOwners } from './ownership.js';

function hasPublicContact(entity: Entity): boolean {
  return 'contacts' in entity && (entity.contacts ?? []).some((c) => c.private !== true);
}

/**
 * Services and hosts that nobody can be reached about: no public contact of their own, of their
 * owners, or of their owning teams' members; only the infrastructure team's fallback is left.
 */
export function unreachable(index: CatalogIndex): ReportRow[] {
  return runToEnd(unreachableSliced(index));
}

function* unreachableSliced(index: CatalogIndex): Sliced<ReportRow[]> {
  const tick = ticker();
  const infra = index.infrastructureTeam();
  const fallback = infra
    ? `only the infrastructure team (${infra.id}) is left`
    : 'and there is no infrastructure team to fall back on';
  const rows: ReportRow[] = [];
  for (const entity of eachRunningThing(index)) {
    if (tick()) yield;
    const owners = presentOwners(index, entity);
    const reachable = [entity, ...owners, ...peopleBehind(index, owners)].some(hasPublicContact);
    if (reachable) continue;
    const whose =
      owners.length === 0
        ? 'it has no owner and no public contact'
        : 'no public contact for it or its owners';
    rows.push({
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      reason: `${whose}; ${fallback}`,
    });
  }
  return rows;
}

export const unreachableReport: ReportSpec = {
  name: 'unreachable',
  title: 'Unreachable',
  description:
    "Services and hosts with no public contact of their own or of their owners (teams' members included), so only the infrastructure team's fallback is left. Retired services are left out.",
  rows: (index) => unreachableSliced(index),
};
