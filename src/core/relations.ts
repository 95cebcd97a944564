/**
 * Relations are declared once, as named inverse pairs (Backstage style). Every reference field in
 * the schema maps to exactly one relation type here; referential integrity, the both-directions
 * index, impact and the UI all read from this table.
 */
import type { Entity, EntityKind } from './schema/entity.schema.js';

export const RELATION_TYPES = {
  runsOn: { inverse: 'runs', label: 'runs on', inverseLabel: 'runs' },
  frontedBy: { inverse: 'fronts', label: 'fronted by', inverseLabel: 'fronts' },
  dependsOn: { inverse: 'dependencyOf', label: 'depends on', inverseLabel: 'needed by' },
  ownedBy: { inverse: 'ownerOf', label: 'owned by', inverseLabel: 'owns' },
  hasMember: { inverse: 'memberOf', label: 'has member', inverseLabel: 'member of' },
  ledBy: { inverse: 'leads', label: 'led by', inverseLabel: 'leads' },
  accountHeldBy: {
    inverse: 'holdsAccount',
    label: 'account held by',
    inverseLabel: 'holds account',
  },
  reviewedBy: { inverse: 'reviewed', label: 'reviewed by', inverseLabel: 'reviewed' },
} as const;

export type RelationType = keyof typeof RELATION_TYPES;
export type InverseRelationType = (typeof RELATION_TYPES)[RelationType]['inverse'];

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

const OWNER_KINDS = ['Person', 'Team'] as const;
const HOST: readonly EntityKind[] = ['Host'];
const PROVIDER: readonly EntityKind[] = ['Provider'];
const PERSON: readonly EntityKind[] = ['Person'];
const SERVICE_OR_HOST: readonly EntityKind[] = ['Service', 'Host'];

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

function visitAll(
  visit: ReferenceVisitor,
  type: RelationType,
  field: string,
  ids: readonly string[] | undefined,
  allowed: readonly EntityKind[],
): void {
  if (ids === undefined) return;
  for (let index = 0; index < ids.length; index++) visit(type, ids[index]!, allowed, field, index);
}

/**
 * Every outgoing reference of an entity, in field order, given to `visit` one at a time: the
 * whole-catalog checks walk half a million of them at 100,000 entities, and build a Relation
 * only for the few that are broken. `relationsOf` is the same walk, collected.
 */
export function forEachReference(entity: Entity, visit: ReferenceVisitor): void {
  switch (entity.kind) {
    case 'Service':
      if (entity.runsOn !== undefined) {
        for (let index = 0; index < entity.runsOn.length; index++) {
          const placement = entity.runsOn[index]!;
          if (placement.host !== undefined)
            visit('runsOn', placement.host, HOST, 'runsOn', index, 'host');
          if (placement.provider !== undefined) {
            visit('runsOn', placement.provider, PROVIDER, 'runsOn', index, 'provider');
          }
        }
      }
      visitAll(visit, 'frontedBy', 'frontedBy', entity.frontedBy, PROVIDER);
      visitAll(visit, 'dependsOn', 'dependsOn', entity.dependsOn, SERVICE_OR_HOST);
      visitAll(visit, 'ownedBy', 'owners', entity.owners, OWNER_KINDS);
      break;
    case 'Host':
      if (entity.provider !== undefined) visit('runsOn', entity.provider, PROVIDER, 'provider');
      visitAll(visit, 'ownedBy', 'owners', entity.owners, OWNER_KINDS);
      break;
    case 'Provider':
      if (entity.account?.owners !== undefined) {
        const owners = entity.account.owners;
        for (let index = 0; index < owners.length; index++) {
          visit('accountHeldBy', owners[index]!, OWNER_KINDS, 'account.owners', index);
        }
      }
      break;
    case 'Team':
      visitAll(visit, 'hasMember', 'members', entity.members, PERSON);
      if (entity.lead !== undefined) visit('ledBy', entity.lead, PERSON, 'lead');
      break;
    case 'Person':
      break;
  }
  if (entity.reviewed !== undefined) {
    visit('reviewedBy', entity.reviewed.by, PERSON, 'reviewed.by');
  }
}

/** The path parts a visitor receives, as a Relation's path. */
export function referencePath(field: string, index?: number, sub?: string): (string | number)[] {
  const path: (string | number)[] = field.includes('.') ? field.split('.') : [field];
  if (index !== undefined) path.push(index);
  if (sub !== undefined) path.push(sub);
  return path;
}

/** Every outgoing reference of an entity, in field order. */
export function relationsOf(entity: Entity): Relation[] {
  const out: Relation[] = [];
  const source = entity.id;
  forEachReference(entity, (type, target, allowed, field, index, sub) => {
    out.push({ type, source, target, allowed, path: referencePath(field, index, sub) });
  });
  return out;
}
