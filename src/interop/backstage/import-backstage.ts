/**
 * Use case: `switchboard import backstage PATH...`. Reads Backstage entity files (following local
 * Locations), maps them onto Switchboard's five kinds (docs/backstage.md has the tables), and
 * returns catalog files that validate, the located findings, and a report of everything that
 * was converted or not carried over. Pure apart from reading the input files.
 */
import { exportFiles, type ExportedFile } from '../../app/export-catalog.js';
import type { Finding } from '../../core/finding.js';
import { countBySeverity } from '../../core/finding.js';
import { ID_PATTERN } from '../../core/schema/primitives.schema.js';
import type { Entity, EntityKind } from '../../core/schema/entity.schema.js';
import { SB } from './backstage-model.js';
import { FieldLedger } from './field-ledger.js';
import { assignIds, baseId, type IdRequest } from './id-conversion.js';
import type { ImportContext, Outcome } from './import-context.js';
import { DEFAULT_MAPPING, mappedKind, type ImportMapping } from './import-mapping.js';
import type { EntityReport, ImportReport, IdConversion } from './import-report.js';
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
import { finding, isObject, own, type EnvelopeEntity } from './read-envelope.js';

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

const COMPATIBLE: Partial<Record<string, readonly EntityKind[]>> = {
  Component: ['Service', 'Host', 'Provider'],
  Resource: ['Service', 'Host', 'Provider'],
  User: ['Person'],
  Group: ['Team'],
};

interface Pending {
  entity: EnvelopeEntity;
  kind: EntityKind;
  exact: boolean;
}

/** What a Component or Resource becomes, or undefined with an error already recorded. */
function decideKind(ctx: ImportContext, e: EnvelopeEntity): Pending | Outcome | undefined {
  const annotations = own(e.metadata, 'annotations');
  const declared = isObject(annotations) ? own(annotations, SB.kind) : undefined;
  const compatible = COMPATIBLE[e.kind ?? ''] ?? [];
  if (declared !== undefined) {
    if (typeof declared === 'string' && (compatible as readonly string[]).includes(declared)) {
      return { entity: e, kind: declared as EntityKind, exact: true };
    }
    ctx.findings.push(
      finding(
        e.doc,
        ['metadata', 'annotations', SB.kind],
        'error',
        'backstage.annotation_invalid',
        `${SB.kind} on a ${e.kind} must be one of ${compatible.join(', ')}`,
        e.ref,
      ),
    );
    return undefined;
  }
  if (e.kind === 'User') return { entity: e, kind: 'Person', exact: false };
  if (e.kind === 'Group') return { entity: e, kind: 'Team', exact: false };
  const type = own(e.spec, 'type');
  if (typeof type !== 'string' || type === '') {
    ctx.findings.push(
      finding(
        e.doc,
        ['spec', 'type'],
        'error',
        'backstage.field_required',
        `a ${e.kind} needs spec.type (e.g. service, website, database)`,
        e.ref,
      ),
    );
    return undefined;
  }
  const target = mappedKind(ctx.mapping, e.kind as 'Component' | 'Resource', type);
  if (target === 'skip')
    return { kind: 'skipped', reason: `spec.type "${type}" is mapped to skip` };
  return { entity: e, kind: target, exact: false };
}

function preferredId(ctx: ImportContext, p: Pending): string | undefined {
  const annotations = own(p.entity.metadata, 'annotations');
  const wanted = isObject(annotations) ? own(annotations, SB.id) : undefined;
  if (wanted !== undefined) {
    if (typeof wanted === 'string' && ID_PATTERN.test(wanted)) return wanted;
    ctx.findings.push(
      finding(
        p.entity.doc,
        ['metadata', 'annotations', SB.id],
        'error',
        'backstage.annotation_invalid',
        `${SB.id} must be a Switchboard id`,
        p.entity.ref,
      ),
    );
    return undefined;
  }
  return p.exact && ID_PATTERN.test(p.entity.name) ? p.entity.name : undefined;
}

/** Index entities, refuse duplicates, decide what each becomes and give entities their ids. */
function plan(
  ctx: ImportContext,
  entities: readonly EnvelopeEntity[],
): { pending: Pending[]; conversions: IdConversion[] } {
  const pending: Pending[] = [];
  for (const e of entities) {
    if (e.key === undefined || e.kind === undefined) continue;
    const previous = ctx.byKey.get(e.key);
    if (previous !== undefined) {
      const where = `${previous.doc.file}:${previous.doc.locate(['metadata', 'name']).line}`;
      ctx.findings.push(
        finding(
          e.doc,
          ['metadata', 'name'],
          'error',
          'backstage.duplicate_entity',
          `${e.ref} is also declared at ${where}`,
          e.ref,
        ),
      );
      continue;
    }
    ctx.byKey.set(e.key, e);
    if (e.kind === 'Location') ctx.outcomes.set(e.key, { kind: 'location' });
    else if (e.kind === 'API') ctx.outcomes.set(e.key, { kind: 'links' });
    else if (e.kind === 'System' || e.kind === 'Domain') {
      const id = baseId({ key: e.key, kind: e.kind, namespace: e.namespace, name: e.name }).id;
      ctx.outcomes.set(e.key, { kind: 'tag', tag: `${e.kind.toLowerCase()}:${id}` });
    } else {
      const decided = decideKind(ctx, e);
      if (decided === undefined) continue;
      if ('entity' in decided) pending.push(decided);
      else ctx.outcomes.set(e.key, decided);
    }
  }
  const requests: IdRequest[] = pending.map((p) => ({
    key: p.entity.key ?? '',
    kind: p.entity.kind ?? 'Component',
    namespace: p.entity.namespace,
    name: p.entity.name,
    preferred: preferredId(ctx, p),
  }));
  const ids = assignIds(requests);
  const conversions: IdConversion[] = [];
  for (const p of pending) {
    const assigned = ids.get(p.entity.key ?? '');
    if (assigned === undefined) continue;
    ctx.outcomes.set(p.entity.key ?? '', {
      kind: 'entity',
      entityKind: p.kind,
      id: assigned.id,
      exact: p.exact,
    });
    if (assigned.id !== p.entity.name) {
      conversions.push({
        ref: p.entity.ref,
        name: p.entity.name,
        id: assigned.id,
        reasons: assigned.reasons.length > 0 ? assigned.reasons : [`set by ${SB.id}`],
      });
    }
  }
  return { pending, conversions };
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

function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location?.file ?? '';
  const fb = b.location?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0)
  );
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
  const { conversions } = plan(ctx, read.entities);
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
