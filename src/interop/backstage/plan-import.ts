/**
 * The first step of an import, before any field is mapped: index every entity by reference key,
 * refuse duplicates, decide what each becomes (by kind, the spec.type mapping, or a
 * switchboard.dev/kind annotation), and give every future Switchboard entity its id.
 */
import { ENTITY_KINDS, type EntityKind } from '../../core/schema/entity.schema.js';
import { ID_PATTERN } from '../../core/schema/primitives.schema.js';
import { SB } from './backstage-model.js';
import type { ExportKind } from './export-names.js';
import { assignIds, baseId, type IdRequest } from './id-conversion.js';
import type { ImportContext, Outcome } from './import-context.js';
import { mappedKind } from './import-mapping.js';
import type { IdConversion } from './import-report.js';
import { finding, isObject, own } from './json-access.js';
import type { EnvelopeEntity } from './read-envelope.js';

/**
 * Which Backstage kinds may become each Switchboard kind (through the switchboard.dev/kind
 * annotation): every kind has its entry, so a new kind fails to compile until it says.
 */
const IMPORTED_FROM = {
  Service: ['Component', 'Resource'],
  Host: ['Component', 'Resource'],
  Provider: ['Component', 'Resource'],
  Person: ['User'],
  Team: ['Group'],
} as const satisfies Record<EntityKind, readonly ExportKind[]>;

/** The Switchboard kinds a Backstage kind may become, in the catalog's kind order. */
function compatibleKinds(backstageKind: string | undefined): EntityKind[] {
  return ENTITY_KINDS.filter((kind) =>
    (IMPORTED_FROM[kind] as readonly string[]).includes(backstageKind ?? ''),
  );
}

interface Pending {
  entity: EnvelopeEntity;
  kind: EntityKind;
  exact: boolean;
}

/** What a Component or Resource becomes, or undefined with an error already recorded. */
function decideKind(ctx: ImportContext, e: EnvelopeEntity): Pending | Outcome | undefined {
  const annotations = own(e.metadata, 'annotations');
  const declared = isObject(annotations) ? own(annotations, SB.kind) : undefined;
  const compatible = compatibleKinds(e.kind);
  if (declared !== undefined) {
    const kind = compatible.find((k) => k === declared);
    if (kind !== undefined) {
      return { entity: e, kind, exact: true };
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
export function planImport(
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
