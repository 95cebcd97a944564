/**
 * How Switchboard entities are named and referred to in a Backstage export: which Backstage kind
 * each becomes, its metadata.name (the id, unless Backstage would refuse it), and refs to it.
 */
import { createHash } from 'node:crypto';
import { unhandledKind } from '../../core/kinds/registry.js';
import type { Entity, Service } from '../../core/schema/entity.schema.js';
import { isValidBackstageName } from './backstage-model.js';

export type ExportKind = 'Component' | 'Resource' | 'User' | 'Group';

/** A service whose every placement is object storage is a Backstage Resource, others Components. */
export function isStorageService(service: Service): boolean {
  const placements = service.runsOn ?? [];
  return placements.length > 0 && placements.every((p) => p.as === 'object-storage');
}

export function exportKindOf(entity: Entity): ExportKind {
  switch (entity.kind) {
    case 'Service':
      return isStorageService(entity) ? 'Resource' : 'Component';
    case 'Host':
    case 'Provider':
      return 'Resource';
    case 'Person':
      return 'User';
    case 'Team':
      return 'Group';
    default:
      return unhandledKind(entity);
  }
}

export interface ExportNames {
  /** metadata.name of an entity, by id. */
  nameOf: (id: string) => string;
  /** A full reference (`component:name`) to an entity, by id; unknown ids are guessed. */
  refOf: (id: string, fallbackKind: ExportKind) => string;
}

/**
 * Names are the ids, except that Backstage refuses a trailing "-": such ids lose it (plus a short
 * hash if that clashes) and keep the exact id in switchboard.dev/id.
 */
export function exportNames(entities: readonly Entity[]): ExportNames {
  const kinds = new Map(entities.map((e) => [e.id, exportKindOf(e)]));
  const names = new Map<string, string>();
  const taken = new Set(
    entities.filter((e) => isValidBackstageName(e.id)).map((e) => `${exportKindOf(e)}:${e.id}`),
  );
  for (const e of entities) {
    if (isValidBackstageName(e.id)) {
      names.set(e.id, e.id);
      continue;
    }
    let name = e.id.replace(/-+$/, '');
    if (taken.has(`${exportKindOf(e)}:${name}`))
      name = `${name}-${createHash('sha256').update(e.id).digest('hex').slice(0, 6)}`;
    taken.add(`${exportKindOf(e)}:${name}`);
    names.set(e.id, name);
  }
  const nameOf = (id: string) => names.get(id) ?? id;
  return {
    nameOf,
    refOf: (id, fallbackKind) => `${(kinds.get(id) ?? fallbackKind).toLowerCase()}:${nameOf(id)}`,
  };
}
