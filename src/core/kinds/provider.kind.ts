import { OWNER_KINDS, REVIEWED_BY, type KindDefinition } from './kind-definition.js';
import { PROVIDER_STATUSES } from './vocabularies.js';

/** An outside organisation the foundation depends on (schema: core/schema/provider.schema.ts). */
export const providerKind = {
  kind: 'Provider',
  label: { singular: 'Provider', plural: 'Providers' },
  plural: 'providers',
  fileStem: 'providers',
  listFilters: { status: PROVIDER_STATUSES },
  review: { required: true, exemptStatuses: [] },
  impact: 'outage',
  references: [
    { field: 'account.owners', relation: 'accountHeldBy', targets: OWNER_KINDS },
    REVIEWED_BY,
  ],
  party: false,
  graph: { shape: 'hexagon', column: 1 },
} as const satisfies KindDefinition<'Provider'>;
