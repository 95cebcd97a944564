import { OWNER_KINDS, REVIEWED_BY, type KindDefinition } from './kind-definition.js';

/** A machine or instance that runs services (schema: core/schema/host.schema.ts). */
export const hostKind = {
  kind: 'Host',
  label: { singular: 'Host', plural: 'Hosts' },
  plural: 'hosts',
  fileStem: 'hosts',
  listFilters: { owner: true, runsOn: ['Provider'], managedBy: true },
  review: { required: true, exemptStatuses: [] },
  impact: 'outage',
  references: [
    { field: 'provider', relation: 'runsOn', targets: ['Provider'] },
    { field: 'owners', relation: 'ownedBy', targets: OWNER_KINDS },
    REVIEWED_BY,
  ],
  party: false,
  graph: { shape: 'rectangle', column: 2 },
} as const satisfies KindDefinition<'Host'>;
