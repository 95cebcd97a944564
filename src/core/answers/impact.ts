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
import type { RelationType } from '../relations.js';
import type { Entity, EntityKind } from '../schema/entity.schema.js';
import { kindRank, type CatalogIndex } from './catalog-index.js';

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

interface Reached {
  id: string;
  parent: number;
  hop: ImpactHop;
  depth: number;
  explanation: string;
}

function takenDown(index: CatalogIndex, root: string): ImpactItem[] {
  const reached: Reached[] = [];
  const visited = new Set([root]);
  const frontier: { id: string; at: number; explanation: string; depth: number }[] = [
    { id: root, at: -1, explanation: root, depth: 0 },
  ];
  for (let head = 0; head < frontier.length; head++) {
    const node = frontier[head] as (typeof frontier)[number];
    for (const relation of TAKES_DOWN) {
      for (const source of index.referrers(node.id, relation)) {
        if (visited.has(source) || !index.has(source)) continue;
        visited.add(source);
        const explanation = `${node.explanation} → ${relation} ← ${source}`;
        reached.push({
          id: source,
          parent: node.at,
          hop: { from: source, relation, to: node.id },
          depth: node.depth + 1,
          explanation,
        });
        frontier.push({ id: source, at: reached.length - 1, explanation, depth: node.depth + 1 });
      }
    }
  }
  const paths: ImpactHop[][] = [];
  const items = reached.map((r, i): ImpactItem => {
    const path = r.parent < 0 ? [r.hop] : [...(paths[r.parent] ?? []), r.hop];
    paths[i] = path;
    const entity = index.get(r.id) as Entity;
    return {
      entity: summary(entity),
      effect: 'affected',
      depth: r.depth,
      path,
      explanation: r.explanation,
    };
  });
  return items.sort(
    (a, b) =>
      a.depth - b.depth ||
      kindRank(a.entity.kind) - kindRank(b.entity.kind) ||
      (a.entity.id < b.entity.id ? -1 : 1),
  );
}

function ownersOf(entity: Entity): readonly string[] {
  if (entity.kind === 'Service' || entity.kind === 'Host') return entity.owners ?? [];
  if (entity.kind === 'Provider') return entity.account?.owners ?? [];
  return [];
}

function leftBehind(index: CatalogIndex, root: string): ImpactItem[] {
  const items: ImpactItem[] = [];
  for (const relation of ['ownedBy', 'accountHeldBy'] as const) {
    for (const source of index.referrers(root, relation)) {
      const entity = index.get(source);
      if (!entity) continue;
      const owners = new Set(ownersOf(entity).filter((o) => index.has(o)));
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

/** What losing entity `id` affects; throws `entity.not_found` for an unknown id. */
export function impact(index: CatalogIndex, id: string): ImpactItem[] {
  const entity = index.get(id);
  if (!entity) throw notFoundError('entity.not_found', `no entity with id "${id}"`);
  if (entity.kind === 'Person' || entity.kind === 'Team') return leftBehind(index, id);
  return takenDown(index, id);
}
