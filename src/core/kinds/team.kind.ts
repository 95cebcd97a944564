import { REVIEWED_BY, type KindDefinition } from './kind-definition.js';

/** A group of people who own things together (schema: core/schema/team.schema.ts). */
export const teamKind = {
  kind: 'Team',
  label: { singular: 'Team', plural: 'Teams' },
  plural: 'teams',
  fileStem: 'teams',
  listFilters: {},
  review: { required: false, exemptStatuses: [] },
  impact: 'departure',
  references: [
    { field: 'members', relation: 'hasMember', targets: ['Person'] },
    { field: 'lead', relation: 'ledBy', targets: ['Person'] },
    REVIEWED_BY,
  ],
  party: true,
  graph: { shape: 'round-octagon', column: null },
} as const satisfies KindDefinition<'Team'>;
