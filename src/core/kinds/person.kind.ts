import { REVIEWED_BY, type KindDefinition } from './kind-definition.js';

/** Someone who owns, runs or can be asked about something (schema: core/schema/person.schema.ts). */
export const personKind = {
  kind: 'Person',
  label: { singular: 'Person', plural: 'People' },
  plural: 'people',
  fileStem: 'people',
  listFilters: {},
  // Reviews are asked of what runs: a person is stale only when an old review says so.
  review: { required: false, exemptStatuses: [] },
  impact: 'departure',
  references: [REVIEWED_BY],
  party: true,
  graph: { shape: 'ellipse', column: null },
} as const satisfies KindDefinition<'Person'>;
