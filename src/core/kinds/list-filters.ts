/**
 * The list filters, declared once: the API's list parameters (GET /api/v1/entities) are made
 * from this table (core/schema/list-filter.schema.ts), and the web UI's filter bar from it and
 * each kind's `listFilters`. Pure data: the web UI imports it.
 */
import type { ListFilter } from '../answers/index/list-query.js';
import type { EntityKind } from './entity-kinds.js';
import { KINDS, KIND_ORDER, kindDefinition } from './registry.js';

export interface ListFilterDefinition {
  /** The parameter's description in the OpenAPI document. */
  description?: string;
  maxLength?: number;
}

export type ListFilterName = keyof ListFilter;

/** `active, deprecated, retired (services); active, former (providers).` */
export function statusDescription(): string {
  const parts = KIND_ORDER.flatMap((kind) => {
    const statuses = kindDefinition(kind).listFilters.status;
    return statuses ? [`${statuses.join(', ')} (${KINDS[kind].plural})`] : [];
  });
  return `${parts.join('; ')}.`;
}

/** Every list filter, in the order of the API's parameters. */
export const LIST_FILTERS = {
  kind: { description: 'Only entities of this kind.' },
  owner: {
    description: 'Owned by this person or team (a person also matches through their teams).',
  },
  runsOn: { description: 'Runs on this host or provider (including on that provider’s hosts).' },
  frontedBy: { description: 'Fronted by this provider.' },
  managedBy: { description: 'Managed by this tool: salt, chef, terraform, manual, ...' },
  tag: {},
  status: { description: statusDescription() },
  q: { description: 'Free text over ids, names, descriptions, tags.', maxLength: 500 },
} as const satisfies Record<ListFilterName, ListFilterDefinition>;

export const LIST_FILTER_NAMES = Object.keys(LIST_FILTERS) as ListFilterName[];

/** Whether lists of `kind` offer `filter` (`kind`, `q` and `tag`: every kind). */
export function kindOffersFilter(kind: EntityKind, filter: ListFilterName): boolean {
  const offered = kindDefinition(kind).listFilters;
  switch (filter) {
    case 'kind':
    case 'q':
    case 'tag':
      return true;
    case 'owner':
    case 'frontedBy':
    case 'managedBy':
      return offered[filter] === true;
    case 'runsOn':
    case 'status':
      return offered[filter] !== undefined;
  }
}
