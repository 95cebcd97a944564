/** The filters each list offers, as they appear in the URL and as the API takes them. */
import type { ListParams } from '../api/api-client.js';
import type { EntityKind } from '../api/api-types.js';

export const FILTER_KEYS = [
  'q',
  'provider',
  'host',
  'owner',
  'managedBy',
  'status',
  'tag',
  'frontedBy',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const FILTERS_BY_KIND: Record<EntityKind, readonly FilterKey[]> = {
  Service: ['q', 'provider', 'host', 'owner', 'managedBy', 'status', 'tag', 'frontedBy'],
  Host: ['q', 'provider', 'owner', 'managedBy', 'tag'],
  Provider: ['q', 'status', 'tag'],
  Person: ['q', 'tag'],
  Team: ['q', 'tag'],
};

export const STATUS_OPTIONS: Record<EntityKind, readonly string[]> = {
  Service: ['active', 'deprecated', 'retired'],
  Host: [],
  Provider: ['active', 'former'],
  Person: [],
  Team: [],
};

/** Suggestions only: any tool's name is accepted. */
export const MANAGER_SUGGESTIONS = ['salt', 'chef', 'terraform', 'ansible', 'manual'];

export function readFilters(query: URLSearchParams, kind: EntityKind): Filters {
  const filters: Filters = {};
  for (const key of FILTERS_BY_KIND[kind]) {
    const value = query.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** The API query for these filters. A host is more precise than its provider, so it wins. */
export function toListParams(kind: EntityKind, filters: Filters): ListParams {
  return {
    kind,
    q: filters.q,
    owner: filters.owner,
    runsOn: filters.host ?? filters.provider,
    frontedBy: filters.frontedBy,
    managedBy: filters.managedBy,
    tag: filters.tag,
    status: filters.status,
  };
}

export function activeFilterCount(filters: Filters): number {
  return Object.values(filters).filter(Boolean).length;
}
