/**
 * The incoming side of every relation (`relationsOf` in core/relations.ts): for each relation type,
 * target id → the ids referring to it. Only ids are kept (strings the entities already hold), so
 * the graph costs little memory; the outgoing side and field paths are recomputed from the
 * entity itself when asked for, which is cheap.
 */
import { relationsOf, type Relation, type RelationType } from '../../relations.js';
import type { Entity } from '../../schema/entity.schema.js';
import { LazyPostings } from './lazy-postings.js';

/** An entity's references, one per (type, target). */
function pairsOf(entity: Entity | undefined): Map<string, Relation> {
  const out = new Map<string, Relation>();
  if (entity) for (const r of relationsOf(entity)) out.set(`${r.type} ${r.target}`, r);
  return out;
}

export class RelationGraph {
  private readonly byType = new Map<RelationType, LazyPostings>();

  /** Move an entity's references from what `before` declared to what `after` declares. */
  update(before: Entity | undefined, after: Entity | undefined): void {
    if (before === undefined && after !== undefined) {
      // The common case (a build): no diff needed, only repeats within the entity to skip.
      const relations = relationsOf(after);
      relations.forEach((r, i) => {
        for (let j = 0; j < i; j++) {
          const q = relations[j] as Relation;
          if (q.type === r.type && q.target === r.target) return;
        }
        this.sourcesOf(r.type).add(r.target, r.source);
      });
      return;
    }
    const old = pairsOf(before);
    const now = pairsOf(after);
    for (const [pair, r] of old)
      if (!now.has(pair)) this.byType.get(r.type)?.delete(r.target, r.source);
    for (const [pair, r] of now) if (!old.has(pair)) this.sourcesOf(r.type).add(r.target, r.source);
  }

  /** Ids of the entities referring to `id` with a relation of `type`, each once, unordered. */
  sources(id: string, type: RelationType): Iterable<string> {
    return this.byType.get(type)?.values(id) ?? [];
  }

  /** How many entities refer to `id` with `type`. */
  count(id: string, type: RelationType): number {
    return this.byType.get(type)?.count(id) ?? 0;
  }

  /** Relation types by which something refers to `id`. */
  typesReferring(id: string): RelationType[] {
    const out: RelationType[] = [];
    for (const [type, map] of this.byType) if (map.has(id)) out.push(type);
    return out;
  }

  private sourcesOf(type: RelationType): LazyPostings {
    let map = this.byType.get(type);
    if (!map) {
      map = new LazyPostings();
      this.byType.set(type, map);
    }
    return map;
  }
}
