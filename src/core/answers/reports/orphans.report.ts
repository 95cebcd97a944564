import type { CatalogIndex } from '../catalog-index.js';
import type { ReportRow, ReportSpec } from './report-types.js';
import { runToEnd, ticker, type Sliced } from '../../sliced.js';
import { eachRunningThing, joinWords, presentOwners } from './ownership.js';

/** Services and hosts with no owner in the catalog. */
export function orphans(index: CatalogIndex): ReportRow[] {
  return runToEnd(orphansSliced(index));
}

function* orphansSliced(index: CatalogIndex): Sliced<ReportRow[]> {
  const rows: ReportRow[] = [];
  const tick = ticker();
  for (const entity of eachRunningThing(index)) {
    if (tick()) yield;
    if (presentOwners(index, entity).length > 0) continue;
    const declared = entity.owners ?? [];
    rows.push({
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      reason:
        declared.length === 0
          ? 'no owner declared'
          : `its owners (${joinWords(declared)}) are not in the catalog`,
    });
  }
  return rows;
}

export const orphansReport: ReportSpec = {
  name: 'orphans',
  title: 'Orphans',
  description:
    'Services and hosts with no owner: none declared, or only owners missing from the catalog. Retired services are left out.',
  rows: (index) => orphansSliced(index),
};
