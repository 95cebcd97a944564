import type { CatalogIndex } from '../catalog-index.js';
import type { ReportRow, ReportSpec } from './report-types.js';
import { runToEnd, ticker, type Sliced } from '../../sliced.js';
import {
  eachRunningThing,
  joinWords,
  peopleBehind,
  presentOwners,
  summarize,
} from './ownership.js';

/** Services and hosts whose owners come down to fewer than two people (teams count their members). */
export function busFactor(index: CatalogIndex): ReportRow[] {
  return runToEnd(busFactorSliced(index));
}

function* busFactorSliced(index: CatalogIndex): Sliced<ReportRow[]> {
  const rows: ReportRow[] = [];
  const tick = ticker();
  for (const entity of eachRunningThing(index)) {
    if (tick()) yield;
    const owners = presentOwners(index, entity);
    const people = peopleBehind(index, owners);
    if (people.length >= 2) continue;
    let reason: string;
    if (owners.length === 0) reason = 'no owner at all';
    else if (people.length === 0)
      reason = `owned by ${joinWords(owners.map((o) => o.id))}, with no members behind it`;
    else if (owners.length === 1 && owners[0]?.id === people[0]?.id)
      reason = `owned by ${people[0]?.name ?? ''} (${people[0]?.id ?? ''}) alone`;
    else
      reason = `its owners (${joinWords(owners.map((o) => o.id))}) come down to one person: ${people[0]?.name ?? ''} (${people[0]?.id ?? ''})`;
    rows.push({
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      reason,
      related: people.map(summarize),
      counts: { people: people.length },
    });
  }
  return rows;
}

export const busFactorReport: ReportSpec = {
  name: 'bus-factor',
  title: 'Bus factor',
  description:
    'Services and hosts whose owners come down to fewer than two distinct people (a team counts as its members). Retired services are left out.',
  rows: (index) => busFactorSliced(index),
};
