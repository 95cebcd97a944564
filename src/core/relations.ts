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

function pushAll(
  out: Relation[],
  source: string,
  type: RelationType,
  field: string,
  ids: readonly string[] | undefined,
  allowed: readonly EntityKind[],
): void {
  ids?.forEach((target, index) =>
    out.push({ type, source, target, allowed, path: [field, index] }),
  );
}

/** Every outgoing reference of an entity, in field order. */
export function relationsOf(entity: Entity): Relation[] {
  const out: Relation[] = [];
  const id = entity.id;
  switch (entity.kind) {
    case 'Service':
      entity.runsOn?.forEach((placement, index) => {
        if (placement.host !== undefined) {
          out.push({
            type: 'runsOn',
            source: id,
            target: placement.host,
            allowed: ['Host'],
            path: ['runsOn', index, 'host'],
          });
        }
        if (placement.provider !== undefined) {
          out.push({
            type: 'runsOn',
            source: id,
            target: placement.provider,
            allowed: ['Provider'],
            path: ['runsOn', index, 'provider'],
          });
        }
      });
      pushAll(out, id, 'frontedBy', 'frontedBy', entity.frontedBy, ['Provider']);
      pushAll(out, id, 'dependsOn', 'dependsOn', entity.dependsOn, ['Service', 'Host']);
      pushAll(out, id, 'ownedBy', 'owners', entity.owners, OWNER_KINDS);
      break;
    case 'Host':
      if (entity.provider !== undefined) {
        out.push({
          type: 'runsOn',
          source: id,
          target: entity.provider,
          allowed: ['Provider'],
          path: ['provider'],
        });
      }
      pushAll(out, id, 'ownedBy', 'owners', entity.owners, OWNER_KINDS);
      break;
    case 'Provider':
      entity.account?.owners?.forEach((target, index) =>
        out.push({
          type: 'accountHeldBy',
          source: id,
          target,
          allowed: OWNER_KINDS,
          path: ['account', 'owners', index],
        }),
      );
      break;
    case 'Team':
      pushAll(out, id, 'hasMember', 'members', entity.members, ['Person']);
      if (entity.lead !== undefined) {
        out.push({
          type: 'ledBy',
          source: id,
          target: entity.lead,
          allowed: ['Person'],
          path: ['lead'],
        });
      }
      break;
    case 'Person':
      break;
  }
  if (entity.reviewed !== undefined) {
    out.push({
      type: 'reviewedBy',
      source: id,
      target: entity.reviewed.by,
      allowed: ['Person'],
      path: ['reviewed', 'by'],
    });
  }
  return out;
}
