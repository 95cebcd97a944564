/**
 * What the index extracts from an entity: the values of each list filter, the words of its name
 * and of its searchable text, its host names and its URLs. Filter values may depend on other
 * entities (a service on a host runs on that host's provider too); `fieldDependencies` says
 * whose change must refresh whom.
 */
import { unhandledKind } from '../../kinds/entity-kinds.js';
import { ENTITY_KINDS, type Entity, type EntityKind } from '../../schema/entity.schema.js';
import type { FieldValues } from './posting-index.js';
import { tokenize } from './text-index.js';

export const LIST_FIELDS = [
  'kind',
  'owner',
  'runsOn',
  'frontedBy',
  'managedBy',
  'tag',
  'status',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export type Lookup = (id: string) => Entity | undefined;

const NONE: readonly string[] = [];
const KIND_VALUES = new Map<EntityKind, readonly string[]>(ENTITY_KINDS.map((k) => [k, [k]]));
const STATUS_VALUES = new Map<string, readonly string[]>();
const statusValue = (status: string): readonly string[] => {
  let values = STATUS_VALUES.get(status);
  if (!values) {
    values = [status];
    STATUS_VALUES.set(status, values);
  }
  return values;
};

function pushUnique(out: string[], value: string | undefined): void {
  if (value !== undefined && !out.includes(value)) out.push(value);
}

/**
 * Filter values of one entity:
 * - owner: declared owners (provider: account holders); a person's teams are added at query time;
 * - runsOn: hosts and providers it is placed on, plus the providers of those hosts;
 * - managedBy: lower-cased; a placement on a host without its own managedBy takes the host's;
 * - status: services and providers only, defaulting to "active".
 */
export function listFieldValues(entity: Entity, lookup: Lookup): FieldValues<ListField> {
  const values: FieldValues<ListField> = {
    kind: KIND_VALUES.get(entity.kind) ?? [entity.kind],
    tag: entity.tags ?? NONE,
  };
  switch (entity.kind) {
    case 'Service': {
      const runsOn: string[] = [];
      const managed: string[] = [];
      for (const placement of entity.runsOn ?? []) {
        pushUnique(runsOn, placement.provider);
        let manager = placement.managedBy;
        if (placement.host !== undefined) {
          pushUnique(runsOn, placement.host);
          const host = lookup(placement.host);
          if (host?.kind === 'Host') {
            pushUnique(runsOn, host.provider);
            manager ??= host.managedBy;
          }
        }
        pushUnique(managed, manager?.toLowerCase());
      }
      values.owner = entity.owners ?? NONE;
      values.runsOn = runsOn;
      values.frontedBy = entity.frontedBy ?? NONE;
      values.managedBy = managed;
      values.status = statusValue(entity.status ?? 'active');
      break;
    }
    case 'Host':
      values.owner = entity.owners ?? NONE;
      values.runsOn = entity.provider !== undefined ? [entity.provider] : NONE;
      values.managedBy = entity.managedBy !== undefined ? [entity.managedBy.toLowerCase()] : NONE;
      break;
    case 'Provider':
      values.owner = entity.account?.owners ?? NONE;
      values.managedBy =
        entity.account?.managed !== undefined ? [entity.account.managed.toLowerCase()] : NONE;
      values.status = statusValue(entity.status ?? 'active');
      break;
    case 'Person':
    case 'Team':
      break;
    default:
      unhandledKind(entity);
  }
  return values;
}

/** Ids whose change alters this entity's filter values (the hosts it runs on). */
export function fieldDependencies(entity: Entity): string[] {
  if (entity.kind !== 'Service') return [];
  return (entity.runsOn ?? []).flatMap((p) => (p.host !== undefined ? [p.host] : []));
}

/** Words of an entity's name and id: what resolve matches names against. */
export function nameTokens(
  entity: Entity,
  nameWords: readonly string[] = tokenize(entity.name),
): string[] {
  const words = new Set(nameWords);
  // Ids are lower-case words joined by "-": the same words tokenize would find.
  for (const word of entity.id.split('-')) if (word !== '') words.add(word);
  return [...words];
}

/**
 * Words free-text search (`q`) matches: the name words first, then those of the description,
 * tags, host names, URLs, software, roles and handles. Contacts are left out on purpose (a
 * search must not reveal a private address).
 */
export function searchTokens(
  entity: Entity,
  names: readonly string[] = nameTokens(entity),
): string[] {
  const parts: (string | undefined)[] = [entity.description];
  parts.push(...(entity.tags ?? []));
  switch (entity.kind) {
    case 'Service':
      parts.push(entity.poweredBy, ...(entity.hostnames ?? []), ...(entity.urls ?? []));
      break;
    case 'Host':
      parts.push(entity.os, entity.region, entity.datacenter, ...(entity.hostnames ?? []));
      break;
    case 'Provider':
      parts.push(...(entity.provides ?? []));
      break;
    case 'Person':
      parts.push(...(entity.roles ?? []), ...Object.values(entity.handles ?? {}));
      break;
    case 'Team':
      break;
    default:
      unhandledKind(entity);
  }
  const words = new Set(names);
  for (const word of tokenize(parts.filter((p) => p !== undefined).join(' '))) words.add(word);
  return [...words];
}

export function hostnamesOf(entity: Entity): string[] {
  switch (entity.kind) {
    case 'Service':
    case 'Host':
      return entity.hostnames ?? [];
    case 'Provider':
    case 'Person':
    case 'Team':
      return [];
    default:
      return unhandledKind(entity);
  }
}

/** URLs that identify the entity: a service's `urls`, a provider's `url`. */
export function urlsOf(entity: Entity): string[] {
  switch (entity.kind) {
    case 'Service':
      return entity.urls ?? [];
    case 'Provider':
      return entity.url !== undefined ? [entity.url] : [];
    case 'Host':
    case 'Person':
    case 'Team':
      return [];
    default:
      return unhandledKind(entity);
  }
}
