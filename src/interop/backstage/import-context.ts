/**
 * What the entity mappers share while an import runs: every Backstage entity by reference key,
 * what each one becomes, the findings so far, and relations that are completed after all
 * entities are mapped (team members from `memberOf`, parents from `children`, `dependencyOf`).
 */
import type { Finding } from '../../core/finding.js';
import type { EntityKind } from '../../core/schema/entity.schema.js';
import type { BackstageKind } from './backstage-model.js';
import { parseEntityRef, refKey } from './entity-ref.js';
import type { FieldLedger } from './field-ledger.js';
import type { ImportMapping } from './import-mapping.js';
import { finding } from './json-access.js';
import { type EnvelopeEntity } from './read-envelope.js';
import type { FieldPath } from './source-document.js';

export type Outcome =
  | { kind: 'entity'; entityKind: EntityKind; id: string; exact: boolean }
  | { kind: 'tag'; tag: string }
  | { kind: 'links' }
  | { kind: 'location' }
  | { kind: 'skipped'; reason: string };

export interface ImportContext {
  byKey: Map<string, EnvelopeEntity>;
  outcomes: Map<string, Outcome>;
  mapping: ImportMapping;
  findings: Finding[];
  /** User spec.memberOf → team members. */
  memberships: { teamKey: string; personId: string }[];
  /** Group spec.children → a parent tag on the child team. */
  childParents: { childKey: string; parentId: string }[];
  /** spec.dependencyOf: the entity at `dependentKey` depends on `dependencyId`, which declares it. */
  inverseDeps: {
    dependentKey: string;
    dependencyId: string;
    ledger: FieldLedger;
    path: FieldPath;
  }[];
  /** System key → its Domain (from the System's spec.domain). */
  systemDomains: Map<string, EnvelopeEntity>;
  /** API and System/Domain keys → the Switchboard ids that carry their links or tags. */
  usedBy: Map<string, string[]>;
}

export interface RefRule {
  /** What the field is, for messages: "owner", "dependency". */
  what: string;
  defaultKind?: BackstageKind;
  /** Kinds the reference may name. */
  allowed: readonly BackstageKind[];
  /** Backstage itself only accepts `allowed` here: another kind is an error, not a drop. */
  strict: boolean;
}

/** Resolve one reference field; problems become findings and report lines, never exceptions. */
export function resolveRef(
  ctx: ImportContext,
  ledger: FieldLedger,
  path: FieldPath,
  value: unknown,
  rule: RefRule,
): EnvelopeEntity | undefined {
  const entity = ledger.entity;
  if (typeof value !== 'string') {
    ctx.findings.push(
      finding(
        entity.doc,
        path,
        'error',
        'backstage.field_type',
        `the ${rule.what} must be an entity reference string`,
        entity.ref,
      ),
    );
    ledger.use(path);
    return undefined;
  }
  const parsed = parseEntityRef(value, {
    defaultKind: rule.defaultKind,
    defaultNamespace: entity.namespace,
  });
  if (!parsed.ok) {
    ctx.findings.push(
      finding(entity.doc, path, 'error', 'backstage.ref_invalid', parsed.message, entity.ref),
    );
    ledger.use(path);
    return undefined;
  }
  const { ref } = parsed;
  const kinds =
    ref.kind !== undefined ? [ref.kind] : ref.unknownKind === undefined ? rule.allowed : [];
  const wrongKind =
    ref.unknownKind ??
    (ref.kind !== undefined && !rule.allowed.includes(ref.kind) ? ref.kind : undefined);
  if (wrongKind !== undefined) {
    if (rule.strict) {
      ctx.findings.push(
        finding(
          entity.doc,
          path,
          'error',
          'backstage.ref_kind',
          `the ${rule.what} "${value}" must be a ${rule.allowed.join(' or ')}, not a ${wrongKind}`,
          entity.ref,
        ),
      );
      ledger.use(path);
    } else {
      ledger.drop(
        path,
        `a ${rule.what} on ${/^[aeiou]/i.test(wrongKind) ? 'an' : 'a'} ${wrongKind} has no Switchboard equivalent`,
      );
    }
    return undefined;
  }
  for (const kind of kinds) {
    const target = ctx.byKey.get(refKey(kind, ref.namespace, ref.name));
    if (target !== undefined) return target;
  }
  const wanted =
    kinds.length === 1
      ? `${kinds[0]?.toLowerCase()}:${ref.namespace}/${ref.name}`
      : `"${value}" (${kinds.join(' or ')})`;
  ctx.findings.push(
    finding(
      entity.doc,
      path,
      'warning',
      'backstage.ref_missing',
      `the ${rule.what} ${wanted} is not in the files read; the reference is left out`,
      entity.ref,
    ),
  );
  ledger.drop(path, `refers to ${wanted}, which is not in the files read`);
  return undefined;
}

/** The Switchboard id `target` became, or undefined (with the reason recorded) when it is none. */
export function targetId(
  ctx: ImportContext,
  ledger: FieldLedger,
  path: FieldPath,
  target: EnvelopeEntity,
  allowed: readonly EntityKind[],
): string | undefined {
  const outcome = target.key === undefined ? undefined : ctx.outcomes.get(target.key);
  if (outcome?.kind === 'entity' && allowed.includes(outcome.entityKind)) return outcome.id;
  const became =
    outcome === undefined
      ? 'was not imported (it has errors)'
      : outcome.kind === 'entity'
        ? `became a ${outcome.entityKind}, and this field takes a ${allowed.join(' or ')}`
        : outcome.kind === 'skipped'
          ? `was skipped (${outcome.reason})`
          : 'is not a Switchboard entity';
  ledger.drop(path, `${target.ref} ${became}`);
  return undefined;
}
