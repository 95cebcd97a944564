/**
 * Impact: everything affected if an entity disappears, each with the path that explains why.
 *
 * - A provider, host or service takes down, transitively (breadth first): what runs on it, what it
 *   fronts, and what depends on it. Path: `fastly → frontedBy ← pypi → dependsOn ← pypi-files`.
 * - A person or team leaves behind what they own or whose vendor account they hold: `orphaned`
 *   where they are the only owner (or account holder) in the catalog, `co-owned` where others
 *   remain. That is not transitive: an orphaned service still runs. A person's departure does not
 *   remove their teams.
 */
import { notFoundError } from '../errors.js';
import { KINDS } from '../kinds/registry.js';
import { referencedIds, type RelationType } from '../relations.js';
import { ENTITY_KINDS, type Entity, type EntityKind } from '../schema/entity.schema.js';
import { runToEnd, sortStringsSliced, ticker, type Sliced } from '../sliced.js';
import { kindRank, type CatalogIndex } from './catalog-index.js';

/** Groups larger than this are sorted in slices. */
const RUN = 2048;

export type ImpactEffect = 'affected' | 'orphaned' | 'co-owned';

export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
}

/** One step of a path: `from` refers to `to` with `relation` (pypi frontedBy fastly). */
export interface ImpactHop {
  from: string;
  relation: RelationType;
  to: string;
}

export interface ImpactItem {
  entity: EntitySummary;
  effect: ImpactEffect;
  /** 1 for direct effects, 2 for what depends on those, ... */
  depth: number;
  path: ImpactHop[];
  /** The path for people: "fastly → frontedBy ← pypi", "ee-durbin → sole owner of bugs". */
  explanation: string;
}

/** Relations along which losing the target takes the source down. */
const TAKES_DOWN: readonly RelationType[] = ['runsOn', 'frontedBy', 'dependsOn'];

const summary = (e: Entity): EntitySummary => ({ id: e.id, kind: e.kind, name: e.name });

/**
 * Breadth first over the "takes down" relations. Reached entities are kept in parallel arrays
 * (no object per step), sorted once, and turned into items only up to `limit`.
 */
function* takenDown(index: CatalogIndex, root: string, limit: number): Sliced<ImpactAnalysis> {
  const tick = ticker(512);
  const ids: string[] = [root];
  const parents: number[] = [-1];
  const relations: RelationType[] = ['dependsOn'];
  const depths: number[] = [0];
  const ranks: number[] = [0];
  const visited = new Set([root]);
  for (let head = 0; head < ids.length; head++) {
    const id = ids[head] as string;
    const depth = (depths[head] as number) + 1;
    for (const relation of TAKES_DOWN) {
      for (const source of index.referrers(id, relation)) {
        if (visited.has(source)) continue;
        const entity = index.get(source);
        if (!entity) continue;
        visited.add(source);
        ids.push(source);
        parents.push(head);
        relations.push(relation);
        depths.push(depth);
        ranks.push(kindRank(entity.kind));
        if (tick()) yield;
      }
    }
  }
  // Order: depth, then kind, then id. Group by (depth, kind), then sort each group's ids with
  // the native string sort, stopping once `limit` items are placed.
  const groups = new Map<number, number[]>();
  for (let i = 1; i < ids.length; i++) {
    const key = (depths[i] as number) * ENTITY_KINDS.length + (ranks[i] as number);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  const order: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    if (order.length >= limit) break;
    const members = groups.get(key) as number[];
    const position = new Map(members.map((i) => [ids[i] as string, i]));
    const names = members.map((i) => ids[i] as string);
    // Ids are distinct: this is the native string order, sorted in slices when there are many.
    const sorted = names.length > RUN ? yield* sortStringsSliced(names) : names.sort();
    for (const id of sorted) order.push(position.get(id) as number);
    yield;
  }
  // Paths and explanations only for the items returned: walking up the parents is cheap, and
  // building them for tens of thousands of items that are only counted is not.
  const pathOf = (i: number): ImpactHop[] => {
    const hops: ImpactHop[] = [];
    for (let j = i; j > 0; j = parents[j] as number) {
      hops.push({
        from: ids[j] as string,
        relation: relations[j] as RelationType,
        to: ids[parents[j] as number] as string,
      });
    }
    return hops.reverse();
  };
  const byKind: Partial<Record<EntityKind, number>> = {};
  for (let i = 1; i < ids.length; i++) {
    const kind = ENTITY_KINDS[ranks[i] as number] as EntityKind;
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  const items: ImpactItem[] = [];
  for (const i of order.slice(0, limit)) {
    const path = pathOf(i);
    items.push({
      entity: summary(index.get(ids[i] as string) as Entity),
      effect: 'affected',
      depth: depths[i] as number,
      path,
      explanation: root + path.map((hop) => ` → ${hop.relation} ← ${hop.from}`).join(''),
    });
    if (tick()) yield;
  }
  return { total: ids.length - 1, byKind, items };
}

/** Relations along which a departure leaves the source short of an owner. */
const LEAVES_BEHIND = ['ownedBy', 'accountHeldBy'] as const;

function leftBehind(index: CatalogIndex, root: string): ImpactItem[] {
  const items: ImpactItem[] = [];
  for (const relation of LEAVES_BEHIND) {
    for (const source of index.referrers(root, relation)) {
      const entity = index.get(source);
      if (!entity) continue;
      const owners = new Set(referencedIds(entity, relation).filter((o) => index.has(o)));
      const others = [...owners].filter((o) => o !== root).length;
      const what =
        relation === 'ownedBy' ? `owner of ${source}` : `holder of the ${source} account`;
      const role = relation === 'ownedBy' ? 'owners' : 'account holders';
      items.push({
        entity: summary(entity),
        effect: others === 0 ? 'orphaned' : 'co-owned',
        depth: 1,
        path: [{ from: source, relation, to: root }],
        explanation: `${root} → ${others === 0 ? `sole ${what}` : `one of ${others + 1} ${role} of ${source}`}`,
      });
    }
  }
  const order = (e: ImpactEffect) => (e === 'orphaned' ? 0 : 1);
  return items.sort(
    (a, b) =>
      order(a.effect) - order(b.effect) ||
      kindRank(a.entity.kind) - kindRank(b.entity.kind) ||
      (a.entity.id < b.entity.id ? -1 : 1),
  );
}

export interface ImpactOptions {
  /** Return only the first items (in the documented order); the walk still covers everything. */
  limit?: number;
}

/** The whole impact counted, with the first `limit` items: what an API page needs. */
export interface ImpactAnalysis {
  /** How many entities are affected in all. */
  total: number;
  /** Counts per kind, only of the kinds affected. */
  byKind: Partial<Record<EntityKind, number>>;
  items: ImpactItem[];
}

/** `impact` with totals; throws `entity.not_found` for an unknown id. */
export function analyzeImpact(
  index: CatalogIndex,
  id: string,
  options: ImpactOptions = {},
): ImpactAnalysis {
  return runToEnd(analyzeImpactSliced(index, id, options));
}

/** The default branch over `KindDefinition['impact']`: a new kind of effect fails to compile. */
function unknownEffect(effect: never): never {
  throw new Error(`no impact walk for ${String(effect)}`);
}

/**
 * `analyzeImpact` in slices (core/sliced.ts): the walk, the ordering and the items pause every
 * few hundred entities, so that the deepest dependency chains never hold the event loop.
 */
export function* analyzeImpactSliced(
  index: CatalogIndex,
  id: string,
  options: ImpactOptions = {},
): Sliced<ImpactAnalysis> {
  const entity = index.get(id);
  if (!entity) throw notFoundError('entity.not_found', `no entity with id "${id}"`);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const effect = KINDS[entity.kind].impact;
  switch (effect) {
    case 'outage':
      return yield* takenDown(index, id, limit);
    case 'departure': {
      const all = leftBehind(index, id);
      const byKind: Partial<Record<EntityKind, number>> = {};
      for (const item of all) byKind[item.entity.kind] = (byKind[item.entity.kind] ?? 0) + 1;
      return { total: all.length, byKind, items: all.slice(0, limit) };
    }
    default:
      return unknownEffect(effect);
  }
}

/** What losing entity `id` affects, in order; throws `entity.not_found` for an unknown id. */
export function impact(index: CatalogIndex, id: string, options: ImpactOptions = {}): ImpactItem[] {
  return analyzeImpact(index, id, options).items;
}
