/**
 * Key → ids postings that are cheap to build and to update: one array per key, appended to.
 * A removal leaves a tombstone (the id in the key's `removed` set) instead of searching the array;
 * reads skip tombstoned ids, re-adding an id just lifts its tombstone, and a key's array is
 * compacted once half of it is tombstones. Used where common keys hold tens of thousands of ids
 * (the word "org", a big provider) and a Set per key would double the index's build time.
 *
 * Callers add an id at most once per key and remove only ids they added (diff-based updates).
 */
const NONE: readonly string[] = [];

export class LazyPostings {
  private readonly lists = new Map<string, string[]>();
  private readonly removed = new Map<string, Set<string>>();

  /** Add `id` under `key`; true when `key` is new. */
  add(key: string, id: string): boolean {
    const list = this.lists.get(key);
    if (!list) {
      this.lists.set(key, [id]);
      return true;
    }
    const tombstones = this.removed.get(key);
    if (tombstones?.delete(id)) {
      if (tombstones.size === 0) this.removed.delete(key);
    } else list.push(id);
    return false;
  }

  delete(key: string, id: string): void {
    const list = this.lists.get(key);
    if (!list) return;
    let tombstones = this.removed.get(key);
    if (!tombstones) {
      tombstones = new Set();
      this.removed.set(key, tombstones);
    }
    tombstones.add(id);
    if (tombstones.size * 2 >= list.length) this.compact(key, list, tombstones);
  }

  has(key: string): boolean {
    return this.lists.has(key);
  }

  count(key: string): number {
    return (this.lists.get(key)?.length ?? 0) - (this.removed.get(key)?.size ?? 0);
  }

  /** Same as count: exact and constant time. */
  estimate(key: string): number {
    return this.count(key);
  }

  /** The ids under `key` (an internal array when there are no tombstones: do not modify it). */
  values(key: string): readonly string[] {
    const list = this.lists.get(key);
    if (!list) return NONE;
    const tombstones = this.removed.get(key);
    return tombstones ? list.filter((id) => !tombstones.has(id)) : list;
  }

  private compact(key: string, list: string[], tombstones: Set<string>): void {
    const kept = list.filter((id) => !tombstones.has(id));
    this.removed.delete(key);
    if (kept.length === 0) this.lists.delete(key);
    else this.lists.set(key, kept);
  }
}
