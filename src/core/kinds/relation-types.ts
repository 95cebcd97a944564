/**
 * Relations, declared once as named inverse pairs (Backstage style), with the words for both
 * directions. Which fields of which kind hold each relation is declared by the kinds
 * (`references` in each `*.kind.ts`).
 */
export const RELATION_TYPES = {
  runsOn: { inverse: 'runs', label: 'runs on', inverseLabel: 'runs' },
  frontedBy: { inverse: 'fronts', label: 'fronted by', inverseLabel: 'fronts' },
  dependsOn: { inverse: 'dependencyOf', label: 'depends on', inverseLabel: 'needed by' },
  ownedBy: { inverse: 'ownerOf', label: 'owned by', inverseLabel: 'owns' },
  hasMember: { inverse: 'memberOf', label: 'has member', inverseLabel: 'member of' },
  ledBy: { inverse: 'leads', label: 'led by', inverseLabel: 'leads' },
  accountHeldBy: {
    inverse: 'holdsAccount',
    label: 'account held by',
    inverseLabel: 'holds account',
  },
  reviewedBy: { inverse: 'reviewed', label: 'reviewed by', inverseLabel: 'reviewed' },
} as const;

export type RelationType = keyof typeof RELATION_TYPES;
export type InverseRelationType = (typeof RELATION_TYPES)[RelationType]['inverse'];
