import { summarizePlan, type Plan } from '../core/plan.js';
import type { CliIo } from './cli-io.js';

function short(value: unknown): string {
  if (value === undefined) return '(unset)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Human-readable plan: one line per entity, field-level diffs under updates. */
export function printPlan(io: CliIo, plan: Plan): void {
  const s = summarizePlan(plan);
  io.out(
    `Plan for ${plan.source}: ${s.create} to create, ${s.update} to update, ${s.delete} to delete, ${plan.unchanged} unchanged`,
  );
  for (const change of plan.changes) {
    if (change.op === 'create') {
      const where = change.origin ? `  (${change.origin.file}:${change.origin.line})` : '';
      io.out(`  + create ${change.kind} ${change.id}${where}`);
    } else if (change.op === 'delete') {
      io.out(`  - delete ${change.kind} ${change.id}`);
    } else {
      io.out(`  ~ update ${change.kind} ${change.id}`);
      for (const field of change.fields) {
        io.out(`      ${field.field}: ${short(field.before)} -> ${short(field.after)}`);
      }
    }
  }
  if (plan.moved.length > 0) io.out(`  (${plan.moved.length} moved to another file or line)`);
}
