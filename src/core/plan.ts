/**
 * Plan: the difference between what a source declares and what the store holds. Pure: no I/O.
 * A source (a catalog directory, later the web UI) owns the entities it declares; an entity owned
 * by another source is a conflict, never silently taken over.
 */
import { canonicalJson, jsonEqual } from './canonical-json.js';
import type { Finding } from './finding.js';
import type { Entity, EntityKind } from './schema/entity.schema.js';

/** Where an entity was declared: a file path relative to the catalog root, and a 1-based line. */
export interface Origin {
  file: string;
  line: number;
}

export interface DesiredEntity {
  entity: Entity;
  origin?: Origin;
}

export interface StoredEntity {
  entity: Entity;
  /** The source that manages it, e.g. "dir:catalog/psf" or "ui". */
  source: string;
  origin?: Origin;
  updatedAt: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type PlanChange =
  | { op: 'create'; id: string; kind: EntityKind; after: Entity; origin?: Origin }
  | {
      op: 'update';
      id: string;
      kind: EntityKind;
      before: Entity;
      after: Entity;
      fields: FieldChange[];
      origin?: Origin;
    }
  | { op: 'delete'; id: string; kind: EntityKind; before: Entity };

export interface Plan {
  source: string;
  changes: PlanChange[];
  /** Entities whose only difference is where they are written (file or line): updated quietly. */
  moved: { id: string; origin: Origin }[];
  unchanged: number;
  /** Entities the source declares that another source manages. A plan with conflicts is refused. */
  conflicts: Finding[];
}

export function summarizePlan(plan: Plan): { create: number; update: number; delete: number } {
  const summary = { create: 0, update: 0, delete: 0 };
  for (const change of plan.changes) summary[change.op]++;
  return summary;
}

export function isNoop(plan: Plan): boolean {
  return plan.changes.length === 0 && plan.moved.length === 0;
}

function fieldChanges(before: Entity, after: Entity): FieldChange[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const fields = new Set([...Object.keys(b), ...Object.keys(a)]);
  const out: FieldChange[] = [];
  for (const field of fields) {
    if (canonicalJson(b[field]) !== canonicalJson(a[field])) {
      out.push({ field, before: b[field], after: a[field] });
    }
  }
  return out.sort((x, y) => x.field.localeCompare(y.field));
}

function sameOrigin(a?: Origin, b?: Origin): boolean {
  return a?.file === b?.file && a?.line === b?.line;
}

export interface PlanOptions {
  /**
   * A quick test that a stored entity's body is exactly `entity` (e.g. its stored text equals
   * the entity's): true skips the deep comparison; false only means "compare the values".
   */
  sameBody?: (stored: StoredEntity, entity: Entity) => boolean;
}

/**
 * Compute the plan that makes the store match `desired` for `source`. Entities of other sources
 * are untouched; declaring one of them is a conflict.
 */
export function computePlan(
  desired: readonly DesiredEntity[],
  current: ReadonlyMap<string, StoredEntity>,
  source: string,
  options: PlanOptions = {},
): Plan {
  const sameBody = options.sameBody ?? (() => false);
  const plan: Plan = { source, changes: [], moved: [], unchanged: 0, conflicts: [] };
  const declared = new Set<string>();
  for (const { entity, origin } of desired) {
    declared.add(entity.id);
    const existing = current.get(entity.id);
    if (!existing) {
      plan.changes.push({ op: 'create', id: entity.id, kind: entity.kind, after: entity, origin });
      continue;
    }
    if (existing.source !== source) {
      plan.conflicts.push({
        severity: 'error',
        code: 'apply.conflict',
        message: `"${entity.id}" is managed by ${existing.source}; remove it there first (or from this source)`,
        entityId: entity.id,
        ...(origin ? { location: { file: origin.file, line: origin.line, column: 1 } } : {}),
      });
      continue;
    }
    // A cheap comparison first (the stored text, then the values): the field-by-field diff is
    // only needed when they differ.
    const fields =
      sameBody(existing, entity) || jsonEqual(existing.entity, entity)
        ? []
        : fieldChanges(existing.entity, entity);
    if (fields.length > 0) {
      plan.changes.push({
        op: 'update',
        id: entity.id,
        kind: entity.kind,
        before: existing.entity,
        after: entity,
        fields,
        origin,
      });
    } else {
      plan.unchanged++;
      if (origin && !sameOrigin(origin, existing.origin))
        plan.moved.push({ id: entity.id, origin });
    }
  }
  // Keyed by id: a stored body (perhaps not parsed yet) is read only for what is deleted.
  for (const [id, stored] of current) {
    if (stored.source === source && !declared.has(id)) {
      const before = stored.entity;
      plan.changes.push({ op: 'delete', id: before.id, kind: before.kind, before });
    }
  }
  return plan;
}
