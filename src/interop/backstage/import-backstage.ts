/**
 * Use case: `switchboard import backstage PATH...`. Reads Backstage entity files (following local
 * Locations), maps them onto Switchboard's kinds (docs/backstage.md has the tables), and
 * returns catalog files that validate, the located findings, and a report of everything that
 * was converted or not carried over. Pure apart from reading the input files.
 */
import { exportFiles, type ExportedFile } from '../../catalog/export-catalog.js';
import type { Finding } from '../../core/finding.js';
import { compareFindings, countBySeverity } from '../../core/finding.js';
import type { Entity, EntityKind } from '../../core/schema/entity.schema.js';
import { FieldLedger } from './field-ledger.js';
import type { ImportContext } from './import-context.js';
import { DEFAULT_MAPPING, type ImportMapping } from './import-mapping.js';
import type { EntityReport, ImportReport } from './import-report.js';
import {
  completeRelations,
  dropDanglingRefs,
  validateMapped,
  type Mapped,
} from './finish-import.js';
import { mapComponent } from './map-component.js';
import { mapSystem, useGroupingFields } from './map-grouping.js';
import { mapGroup, mapUser } from './map-org.js';
import { readBackstageSources, type ReadOptions } from './read-backstage-files.js';
import { finding } from './json-access.js';
import { planImport } from './plan-import.js';
import type { EnvelopeEntity } from './read-envelope.js';

export interface ImportBackstageOptions extends ReadOptions {
  mapping?: ImportMapping;
}

export interface ImportResult {
  /** The Switchboard entities, valid against the catalog schema and each other. */
  entities: Entity[];
  /** Catalog files (one per kind), ready to write; empty when there are errors. */
  files: ExportedFile[];
  findings: Finding[];
  report: ImportReport;
}

function mapAll(
  ctx: ImportContext,
  entities: readonly EnvelopeEntity[],
): { mapped: Map<string, Mapped>; ledgers: Map<EnvelopeEntity, FieldLedger> } {
  const mapped = new Map<string, Mapped>();
  const ledgers = new Map<EnvelopeEntity, FieldLedger>();
  const live = entities.filter((e) => e.key !== undefined && ctx.byKey.get(e.key) === e);
  for (const e of live) ledgers.set(e, new FieldLedger(e));
  for (const e of live) if (e.kind === 'System') mapSystem(ctx, ledgers.get(e) as FieldLedger);
  for (const e of live) {
    const ledger = ledgers.get(e) as FieldLedger;
    const outcome = ctx.outcomes.get(e.key ?? '');
    if (outcome?.kind !== 'entity') {
      useGroupingFields(ledger);
      continue;
    }
    const out =
      outcome.entityKind === 'Person'
        ? mapUser(ctx, ledger, outcome.id, outcome.exact)
        : outcome.entityKind === 'Team'
          ? mapGroup(ctx, ledger, outcome.id)
          : mapComponent(ctx, ledger, outcome.entityKind, outcome.id, outcome.exact);
    mapped.set(e.key ?? '', { out, ledger });
  }
  completeRelations(ctx, mapped);
  return { mapped, ledgers };
}

function reportFor(
  ctx: ImportContext,
  e: EnvelopeEntity,
  ledger: FieldLedger | undefined,
  valid: Map<string, Entity>,
): EntityReport {
  const base = { ref: e.ref, file: e.doc.file, line: e.doc.locate(['metadata', 'name']).line };
  const outcome = e.key === undefined ? undefined : ctx.outcomes.get(e.key);
  if (e.kind === undefined)
    return {
      ...base,
      result: { kind: 'skipped', reason: `kind ${e.kindText} has no Switchboard equivalent` },
      conversions: [],
      unmapped: [],
    };
  if (ledger === undefined || outcome === undefined)
    return { ...base, result: { kind: 'invalid' }, conversions: [], unmapped: [] };
  const on = ctx.usedBy.get(e.key ?? '') ?? [];
  const result =
    outcome.kind === 'entity'
      ? valid.has(e.key ?? '')
        ? { kind: 'entity' as const, entityKind: outcome.entityKind, id: outcome.id }
        : { kind: 'invalid' as const }
      : outcome.kind === 'tag'
        ? { ...outcome, on }
        : outcome.kind === 'links'
          ? { kind: 'links' as const, on }
          : outcome;
  const skippedWhole = outcome.kind === 'skipped';
  return {
    ...base,
    result,
    conversions: ledger.conversions,
    unmapped: skippedWhole ? [] : ledger.unmapped(),
  };
}

/** Import Backstage entity files: see the module comment. */
export async function importBackstage(
  paths: readonly string[],
  options: ImportBackstageOptions = {},
): Promise<ImportResult> {
  const read = await readBackstageSources(paths, options);
  const ctx: ImportContext = {
    byKey: new Map(),
    outcomes: new Map(),
    mapping: options.mapping ?? DEFAULT_MAPPING,
    findings: [...read.findings],
    memberships: [],
    childParents: [],
    inverseDeps: [],
    systemDomains: new Map(),
    usedBy: new Map(),
  };
  for (const e of read.entities) {
    if (e.kind === undefined)
      ctx.findings.push(
        finding(
          e.doc,
          ['kind'],
          'warning',
          'backstage.kind_unsupported',
          `kind ${e.kindText} has no Switchboard equivalent; skipped`,
          e.ref,
        ),
      );
  }
  const { conversions } = planImport(ctx, read.entities);
  const { mapped, ledgers } = mapAll(ctx, read.entities);
  const valid = validateMapped(mapped, ctx.findings);
  dropDanglingRefs(valid, mapped, ctx.findings);
  const entities = [...valid.values()];
  const counts: Partial<Record<EntityKind, number>> = {};
  for (const e of entities) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  const report: ImportReport = {
    files: read.files,
    skipped: read.skipped,
    locations: read.locations,
    idConversions: conversions,
    entities: read.entities.map((e) => reportFor(ctx, e, ledgers.get(e), valid)),
    counts,
  };
  const findings = [...ctx.findings].sort(compareFindings);
  const { errors } = countBySeverity(findings);
  return { entities, files: errors > 0 ? [] : exportFiles(entities, 'yaml'), findings, report };
}
