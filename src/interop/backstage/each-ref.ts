import type { FieldLedger } from './field-ledger.js';
import type { ImportContext } from './import-context.js';
import { finding, own } from './json-access.js';

/** Each element of a list-of-references field, with its path; a non-list is an error. */
export function eachRef(
  ctx: ImportContext,
  ledger: FieldLedger,
  field: string,
  visit: (value: unknown, path: (string | number)[]) => void,
  listOf = 'entity references',
): void {
  const e = ledger.entity;
  const raw = own(e.spec, field);
  if (raw === undefined) return;
  ledger.use(['spec', field]);
  if (!Array.isArray(raw)) {
    ctx.findings.push(
      finding(
        e.doc,
        ['spec', field],
        'error',
        'backstage.field_type',
        `spec.${field} must be a list of ${listOf}`,
        e.ref,
      ),
    );
    return;
  }
  raw.forEach((value: unknown, i) => visit(value, ['spec', field, i]));
}
