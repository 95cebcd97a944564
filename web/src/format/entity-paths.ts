/**
 * Where each kind of entity lives in the UI, from the kind registry (src/core/kinds). Ids are
 * unique across kinds, so any path finds it.
 */
import type { EntityKind } from '../api/api-types.js';
import { KIND_ORDER, kindOfPlural, mapKinds } from '../../../src/core/kinds/registry.js';

/** The URL segment of each kind: `services`, `people`, ... */
export const KIND_SEGMENTS: Record<EntityKind, string> = mapKinds((kind) => kind.plural);

export { KIND_ORDER };

/** Display names: `Service`, `Person`, ... */
export const KIND_SINGULARS: Record<EntityKind, string> = mapKinds((kind) => kind.label.singular);

/** Display plurals: `Services`, `People`, ... */
export const KIND_PLURALS: Record<EntityKind, string> = mapKinds((kind) => kind.label.plural);

export function kindOfSegment(segment: string): EntityKind | undefined {
  return kindOfPlural(segment);
}

export function entityPath(kind: EntityKind, id: string): string {
  return `/${KIND_SEGMENTS[kind]}/${encodeURIComponent(id)}`;
}

export function listPath(kind: EntityKind, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `/${KIND_SEGMENTS[kind]}${search ? `?${search}` : ''}`;
}
