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

export interface RenderReportOptions {
  /**
   * Nothing was written (errors in the input, or files in the way): the report then says what the
   * import would have made, not what it made.
   */
  blocked?: boolean;
}

const KIND_PLURALS: Partial<Record<EntityKind, string>> = { Person: 'People' };

/** "1 Service", "2 Services", "3 People". */
function kindCount(kind: EntityKind, n: number): string {
  return `${n} ${n === 1 ? kind : (KIND_PLURALS[kind] ?? `${kind}s`)}`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The first line: what was read and what was (or would have been) made. */
function summaryLine(report: ImportReport, blocked: boolean): string {
  const counts = (Object.entries(report.counts) as [EntityKind, number][]).map(([kind, n]) =>
    kindCount(kind, n),
  );
  const read = `Read ${count(report.files.length, 'file', 'files')}, ${count(report.entities.length, 'Backstage entity', 'Backstage entities')}`;
  const made = counts.length > 0 ? counts.join(', ') : 'no entities';
  return blocked
    ? `${read}; nothing was written (it would have made ${made}).`
    : `${read}; made ${made}.`;
}

/** The last line: how many fields were (or would be) left out. */
function closingLine(report: ImportReport, blocked: boolean): string {
  const unmapped = report.entities.reduce((n, e) => n + e.unmapped.length, 0);
  if (!blocked)
    return unmapped === 0
      ? 'Every field was carried over.'
      : `${unmapped} field(s) not carried over (listed above).`;
  const invalid = report.entities.filter((e) => e.result.kind === 'invalid').length;
  const fields = unmapped === 0 ? 'No field' : `${unmapped} field(s)`;
  const besides =
    invalid > 0
      ? `, besides the ${count(invalid, 'entity', 'entities')} not imported because of errors`
      : '';
  return `${fields} would be left out${unmapped > 0 ? ' (listed above)' : ''}${besides}.`;
}

/** The report as text lines for the terminal. */
export function renderImportReport(
  report: ImportReport,
  options: RenderReportOptions = {},
): string[] {
  const blocked = options.blocked === true;
  const lines: string[] = [summaryLine(report, blocked)];
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
    lines.push(
      '',
      blocked
        ? 'Per entity (what it would become, conversions, fields that would not be carried over):'
        : 'Per entity (what it became, conversions, fields not carried over):',
    );
    for (const e of noted) {
      lines.push(`  ${e.ref}  (${e.file}:${e.line}) → ${describe(e.result)}`);
      for (const c of e.conversions)
        lines.push(`    ~ ${c.field}: ${JSON.stringify(c.from)} → ${c.to}`);
      for (const u of e.unmapped)
        lines.push(`    - ${u.field} = ${u.value} (line ${u.line}): ${u.reason}`);
    }
  }
  lines.push('', closingLine(report, blocked));
  return lines;
}
