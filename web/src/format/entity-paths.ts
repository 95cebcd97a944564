/** Where each kind of entity lives in the UI. Ids are unique across kinds, so any path finds it. */
import type { EntityKind } from '../api/api-types.js';

export const KIND_SEGMENTS: Record<EntityKind, string> = {
  Service: 'services',
  Host: 'hosts',
  Provider: 'providers',
  Person: 'people',
  Team: 'teams',
};

export const KIND_ORDER: readonly EntityKind[] = ['Service', 'Host', 'Provider', 'Person', 'Team'];

export const KIND_PLURALS: Record<EntityKind, string> = {
  Service: 'Services',
  Host: 'Hosts',
  Provider: 'Providers',
  Person: 'People',
  Team: 'Teams',
};

export function kindOfSegment(segment: string): EntityKind | undefined {
  return KIND_ORDER.find((kind) => KIND_SEGMENTS[kind] === segment);
}

export function entityPath(kind: EntityKind, id: string): string {
  return `/${KIND_SEGMENTS[kind]}/${encodeURIComponent(id)}`;
}

export function listPath(kind: EntityKind, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `/${KIND_SEGMENTS[kind]}${search ? `?${search}` : ''}`;
}
