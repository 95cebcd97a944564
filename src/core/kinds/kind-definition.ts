/**
 * What a kind declares about itself beyond its schema: names, files, list filters, review policy,
 * references and how the UI draws it. One `*.kind.ts` module per kind holds one of these, and
 * `registry.ts` gathers them into a table keyed by kind (exhaustive: a new kind does not compile
 * until it is declared). Pure data: the web UI imports it too.
 */
import type { EntityKind } from './entity-kinds.js';
import type { RelationType } from './relation-types.js';

/**
 * One field of the kind that names other entities. `field` is dotted when nested
 * (`account.owners`, `reviewed.by`); with `sub`, the field is a list of objects and `sub` names
 * the field of each item that holds the id (`runsOn[].host`). A field holds one id or a list.
 */
export interface ReferenceField {
  field: string;
  sub?: string;
  relation: RelationType;
  /** Kinds the referenced entity may be. */
  targets: readonly EntityKind[];
}

/** The list filters a kind offers beyond `q` and `tag` (which every kind has). */
export interface KindListFilters {
  /** Owned by a person or team. */
  owner?: true;
  /** Runs on an entity of these kinds (the UI offers one control per kind). */
  runsOn?: readonly EntityKind[];
  frontedBy?: true;
  managedBy?: true;
  /** The statuses the kind takes; absent when it has none. */
  status?: readonly string[];
}

export interface ReviewPolicy {
  /** An entity of this kind without `reviewed` is reported as never reviewed. */
  required: boolean;
  /** Statuses that exempt an entity from review altogether (a retired service). */
  exemptStatuses: readonly string[];
}

/** Node shapes the graph uses (a subset of Cytoscape's). */
export type GraphShape = 'round-rectangle' | 'rectangle' | 'hexagon' | 'ellipse' | 'round-octagon';

export interface KindDefinition<K extends EntityKind = EntityKind> {
  kind: K;
  /** Display names: "Service" / "Services". */
  label: { singular: string; plural: string };
  /** The kind's URL segment in the web UI: `/services/{id}`. */
  plural: string;
  /** `export --out` writes this kind to `<fileStem>.yaml` (or `.json`). */
  fileStem: string;
  listFilters: KindListFilters;
  review: ReviewPolicy;
  /**
   * What losing one means (impact): an `outage` takes down what runs on it, is fronted by it or
   * depends on it; a `departure` (a person, a team) leaves what they own without that owner.
   */
  impact: 'outage' | 'departure';
  /**
   * A party (a person, a team) is someone to ask and an owner, not something that runs: it has
   * no "who to contact" link of its own (it is the contact), counts as its own contact in `who`,
   * and the graph hides parties unless asked for.
   */
  party: boolean;
  /** Every reference field, in schema order; relations, integrity checks and impact read these. */
  references: readonly ReferenceField[];
  graph: {
    shape: GraphShape;
    /**
     * The column the graph's layout pulls the kind toward (1 = leftmost: providers, then hosts,
     * then services), or null to place it freely beside what it is linked to.
     */
    column: number | null;
  };
}

/** Who reviewed the entry: a field every kind has (base schema). */
export const REVIEWED_BY: ReferenceField = {
  field: 'reviewed.by',
  relation: 'reviewedBy',
  targets: ['Person'],
};

export const OWNER_KINDS: readonly EntityKind[] = ['Person', 'Team'];
