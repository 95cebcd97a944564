/**
 * Relations are declared once, as named inverse pairs (kinds/relation-types.ts), and every
 * reference field once, by its kind (`references` in kinds/*.kind.ts). Referential integrity,
 * the both-directions index, impact and the UI all read from those declarations through the walk
 * below.
 */
import type { EntityKind } from './kinds/entity-kinds.js';
import type { ReferenceField } from './kinds/kind-definition.js';
import { mapKinds } from './kinds/registry.js';
import type { RelationType } from './kinds/relation-types.js';
import type { Entity } from './schema/entity.schema.js';

export {
  RELATION_TYPES,
  type InverseRelationType,
  type RelationType,
} from './kinds/relation-types.js';

/** One outgoing reference: `source --type--> target`, found at `path` inside the source entity. */
export interface Relation {
  type: RelationType;
  source: string;
  target: string;
  /** Kinds the target may be. */
  allowed: readonly EntityKind[];
  /** Where in the source entity the reference is written, e.g. ['runsOn', 0, 'host']. */
  path: readonly (string | number)[];
}

/**
 * Receives each outgoing reference of an entity: its type, target, the kinds the target may be,
 * and where it is written: a field (dotted when nested: `account.owners`, `reviewed.by`), the
 * index of the item in it, and a field of that item (`runsOn`, 0, `host`).
 */
export type ReferenceVisitor = (
  type: RelationType,
  target: string,
  allowed: readonly EntityKind[],
  field: string,
  index?: number,
  sub?: string,
) => void;

/** Visits the references of one declared field (or of one list of objects) of an entity. */
type FieldWalk = (entity: Entity, visit: ReferenceVisitor) => void;

/** Reads a field, dotted when nested; a plain field is read directly (the usual case). */
function readerOf(field: string): (entity: Entity) => unknown {
  const parts = field.split('.');
  if (parts.length === 1) return (entity) => (entity as Record<string, unknown>)[field];
  return (entity) => {
    let value: unknown = entity;
    for (const part of parts) {
      if (typeof value !== 'object' || value === null) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };
}

/** A field holding one id or a list of ids. */
function idsWalk(ref: ReferenceField): FieldWalk {
  const read = readerOf(ref.field);
  const { field, relation, targets } = ref;
  return (entity, visit) => {
    const value = read(entity);
    if (value === undefined) return;
    if (typeof value === 'string') {
      visit(relation, value, targets, field);
      return;
    }
    const ids = value as readonly string[];
    for (let index = 0; index < ids.length; index++) {
      visit(relation, ids[index]!, targets, field, index);
    }
  };
}

/** A list of objects, each of which may name an entity in any of `refs`' sub-fields. */
function itemsWalk(field: string, refs: readonly ReferenceField[]): FieldWalk {
  const read = readerOf(field);
  const subs = refs.map((ref) => ref.sub as string);
  return (entity, visit) => {
    const items = read(entity) as readonly Record<string, unknown>[] | undefined;
    if (items === undefined) return;
    for (let index = 0; index < items.length; index++) {
      const item = items[index]!;
      for (let r = 0; r < refs.length; r++) {
        const target = item[subs[r]!];
        if (target !== undefined) {
          const ref = refs[r]!;
          visit(ref.relation, target as string, ref.targets, field, index, subs[r]);
        }
      }
    }
  };
}

/** The walks of one kind, built once: the sub-fields of one list are visited item by item. */
function walksOf(references: readonly ReferenceField[]): FieldWalk[] {
  const walks: FieldWalk[] = [];
  const listed = new Set<string>();
  for (const ref of references) {
    if (ref.sub === undefined) walks.push(idsWalk(ref));
    else if (!listed.has(ref.field)) {
      listed.add(ref.field);
      walks.push(
        itemsWalk(
          ref.field,
          references.filter((r) => r.field === ref.field),
        ),
      );
    }
  }
  return walks;
}

const WALKS = mapKinds((definition) => walksOf(definition.references));

/**
 * Every outgoing reference of an entity, in the order its kind declares them, given to `visit`
 * one at a time: the whole-catalog checks walk half a million of them at 100,000 entities, and
 * build a Relation only for the few that are broken. `relationsOf` is the same walk, collected.
 */
export function forEachReference(entity: Entity, visit: ReferenceVisitor): void {
  const walks = WALKS[entity.kind];
  for (let i = 0; i < walks.length; i++) walks[i]!(entity, visit);
}

/** The path parts a visitor receives, as a Relation's path. */
export function referencePath(field: string, index?: number, sub?: string): (string | number)[] {
  const path: (string | number)[] = field.includes('.') ? field.split('.') : [field];
  if (index !== undefined) path.push(index);
  if (sub !== undefined) path.push(sub);
  return path;
}

/** Every outgoing reference of an entity, in declaration order. */
export function relationsOf(entity: Entity): Relation[] {
  const out: Relation[] = [];
  const source = entity.id;
  forEachReference(entity, (type, target, allowed, field, index, sub) => {
    out.push({ type, source, target, allowed, path: referencePath(field, index, sub) });
  });
  return out;
}

/** The ids an entity names through one relation (a service's owners, a provider's holders). */
export function referencedIds(entity: Entity, relation: RelationType): string[] {
  const out: string[] = [];
  forEachReference(entity, (type, target) => {
    if (type === relation) out.push(target);
  });
  return out;
}
