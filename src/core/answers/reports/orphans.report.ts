import type { CatalogIndex } from '../catalog-index.js';
import type { ReportDefinition, ReportRow } from './report-types.js';
import { joinWords, presentOwners, runningThings } from './ownership.js';

/** Services and hosts with no owner in the catalog. */
export function orphans(index: CatalogIndex): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const entity of runningThings(index)) {
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

export const orphansReport: ReportDefinition = {
  name: 'orphans',
  title: 'Orphans',
  description:
    'Services and hosts with no owner: none declared, or only owners missing from the catalog. Retired services are left out.',
  run: (index) => orphans(index),
};
