/**
 * The filters each list offers, as they appear in the URL and as the API takes them. Which kind
 * offers which, and the statuses, come from the kind registry (src/core/kinds).
 */
import type { ListParams } from '../api/api-client.js';
import type { EntityKind } from '../api/api-types.js';
import { kindOffersFilter } from '../../../src/core/kinds/list-filters.js';
import { kindDefinition, mapKinds } from '../../../src/core/kinds/registry.js';
import { KNOWN_MANAGERS } from '../../../src/core/kinds/vocabularies.js';

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

/** Whether lists of `kind` offer `key`: `provider` and `host` are the API's runsOn, per kind. */
function offers(kind: EntityKind, key: FilterKey): boolean {
  switch (key) {
    case 'provider':
      return kindDefinition(kind).listFilters.runsOn?.includes('Provider') ?? false;
    case 'host':
      return kindDefinition(kind).listFilters.runsOn?.includes('Host') ?? false;
    default:
      return kindOffersFilter(kind, key);
  }
}

/** The filters of each list, in the order of FILTER_KEYS. */
export const FILTERS_BY_KIND: Record<EntityKind, readonly FilterKey[]> = mapKinds((definition) =>
  FILTER_KEYS.filter((key) => offers(definition.kind, key)),
);

export const STATUS_OPTIONS: Record<EntityKind, readonly string[]> = mapKinds(
  (definition) => definition.listFilters.status ?? [],
);

/** Suggestions only: any tool's name is accepted. */
export const MANAGER_SUGGESTIONS: readonly string[] = KNOWN_MANAGERS;

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
