import { OWNER_KINDS, REVIEWED_BY, type KindDefinition } from './kind-definition.js';
import { SERVICE_STATUSES } from './vocabularies.js';

/** Something the foundation runs for people (schema: core/schema/service.schema.ts). */
export const serviceKind = {
  kind: 'Service',
  label: { singular: 'Service', plural: 'Services' },
  plural: 'services',
  fileStem: 'services',
  listFilters: {
    owner: true,
    runsOn: ['Host', 'Provider'],
    frontedBy: true,
    managedBy: true,
    status: SERVICE_STATUSES,
  },
  review: { required: true, exemptStatuses: ['retired'] },
  impact: 'outage',
  references: [
    { field: 'runsOn', sub: 'host', relation: 'runsOn', targets: ['Host'] },
    { field: 'runsOn', sub: 'provider', relation: 'runsOn', targets: ['Provider'] },
    { field: 'frontedBy', relation: 'frontedBy', targets: ['Provider'] },
    { field: 'dependsOn', relation: 'dependsOn', targets: ['Service', 'Host'] },
    { field: 'owners', relation: 'ownedBy', targets: OWNER_KINDS },
    REVIEWED_BY,
  ],
  party: false,
  graph: { shape: 'round-rectangle', column: 3 },
} as const satisfies KindDefinition<'Service'>;
