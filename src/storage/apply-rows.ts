/**
 * Turn a plan into the rows an apply writes. Pure: each entity body is serialised exactly once and
 * the same text is used for the entity row and its change record.
 */
import type { Origin, Plan } from '../core/plan.js';
import type { ChangeRow, EntityRow } from './dialect-adapter.js';

export interface ApplyRows {
  creates: EntityRow[];
  updates: EntityRow[];
  deletes: string[];
  moves: { id: string; origin: Origin }[];
  /** One per create, update and delete, numbered from `firstSeq`. */
  changes: ChangeRow[];
}

function entityRow(id: string, kind: string, name: string, bodyJson: string, origin?: Origin) {
  return {
    id,
    kind,
    name,
    bodyJson,
    originFile: origin?.file ?? null,
    originLine: origin?.line ?? null,
  };
}

export function planRows(plan: Plan, firstSeq: number): ApplyRows {
  const rows: ApplyRows = { creates: [], updates: [], deletes: [], moves: plan.moved, changes: [] };
  let seq = firstSeq;
  for (const change of plan.changes) {
    if (change.op === 'delete') {
      rows.deletes.push(change.id);
      rows.changes.push({
        seq: seq++,
        entityId: change.id,
        kind: change.kind,
        op: 'delete',
        beforeJson: JSON.stringify(change.before),
        afterJson: null,
      });
      continue;
    }
    const afterJson = JSON.stringify(change.after);
    const row = entityRow(change.id, change.kind, change.after.name, afterJson, change.origin);
    (change.op === 'create' ? rows.creates : rows.updates).push(row);
    rows.changes.push({
      seq: seq++,
      entityId: change.id,
      kind: change.kind,
      op: change.op,
      beforeJson: change.op === 'update' ? JSON.stringify(change.before) : null,
      afterJson,
    });
  }
  return rows;
}
