/**
 * The report an import ends with: what each Backstage entity became, every id conversion, the
 * Locations followed or not, and every field not carried over, per entity and per field.
 */
import type { EntityKind } from '../../core/schema/entity.schema.js';
import type { Conversion, UnmappedField } from './field-ledger.js';
import type { LocationReport, SkippedDocument } from './read-backstage-files.js';

export type EntityResult =
  | { kind: 'entity'; entityKind: EntityKind; id: string }
  | { kind: 'tag'; tag: string; on: string[] }
  | { kind: 'links'; on: string[] }
  | { kind: 'location' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'invalid' };

export interface EntityReport {
  ref: string;
  file: string;
  line: number;
  result: EntityResult;
  conversions: Conversion[];
  unmapped: UnmappedField[];
}

export interface IdConversion {
  ref: string;
  name: string;
  id: string;
  reasons: string[];
}

export interface ImportReport {
  files: string[];
  skipped: SkippedDocument[];
  locations: LocationReport[];
  idConversions: IdConversion[];
  entities: EntityReport[];
  counts: Partial<Record<EntityKind, number>>;
}

function describe(result: EntityResult): string {
  switch (result.kind) {
    case 'entity':
      return `${result.entityKind} ${result.id}`;
    case 'tag':
      return `tag ${result.tag}${result.on.length > 0 ? ` on ${result.on.join(', ')}` : ' (on no entity)'}`;
    case 'links':
      return result.on.length > 0
        ? `links on ${result.on.join(', ')}`
        : 'nothing (no service provides or consumes it)';
    case 'location':
      return 'followed (Location)';
    case 'skipped':
      return `skipped: ${result.reason}`;
    case 'invalid':
      return 'not imported (see the errors above)';
  }
}

/** The report as text lines for the terminal. */
export function renderImportReport(report: ImportReport): string[] {
  const lines: string[] = [];
  const counts = Object.entries(report.counts).map(([kind, n]) => `${n} ${kind}`);
  lines.push(
    `Read ${report.files.length} file(s), ${report.entities.length} Backstage entit${report.entities.length === 1 ? 'y' : 'ies'}; made ${counts.length > 0 ? counts.join(', ') : 'no entities'}.`,
  );
  if (report.locations.length > 0) {
    lines.push('', 'Locations:');
    for (const l of report.locations) {
      const where = `${l.file}:${l.line}:${l.column}`;
      const what =
        l.status === 'followed'
          ? `followed → ${l.files.join(', ')}`
          : l.status === 'remote'
            ? 'remote, not fetched'
            : l.status === 'missing'
              ? 'missing'
              : 'missing (optional)';
      lines.push(`  ${where}  ${l.target}: ${what}`);
    }
  }
  if (report.idConversions.length > 0) {
    lines.push('', 'Ids converted:');
    for (const c of report.idConversions)
      lines.push(`  ${c.ref} → ${c.id} (${c.reasons.join('; ')})`);
  }
  if (report.skipped.length > 0) {
    lines.push('', 'Documents that are not Backstage entities (skipped):');
    for (const s of report.skipped) lines.push(`  ${s.file}:${s.line}  ${s.reason}`);
  }
  const noted = report.entities.filter(
    (e) =>
      !['entity', 'location'].includes(e.result.kind) ||
      e.conversions.length > 0 ||
      e.unmapped.length > 0,
  );
  if (noted.length > 0) {
    lines.push('', 'Per entity (what it became, conversions, fields not carried over):');
    for (const e of noted) {
      lines.push(`  ${e.ref}  (${e.file}:${e.line}) → ${describe(e.result)}`);
      for (const c of e.conversions)
        lines.push(`    ~ ${c.field}: ${JSON.stringify(c.from)} → ${c.to}`);
      for (const u of e.unmapped)
        lines.push(`    - ${u.field} = ${u.value} (line ${u.line}): ${u.reason}`);
    }
  }
  const unmapped = report.entities.reduce((n, e) => n + e.unmapped.length, 0);
  lines.push(
    '',
    unmapped === 0
      ? 'Every field was carried over.'
      : `${unmapped} field(s) not carried over (listed above).`,
  );
  return lines;
}
