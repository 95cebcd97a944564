/**
 * Key → ids postings that are cheap to build: one array per key, appended to (the caller adds an
 * id at most once per key). Removals are counted and applied lazily: reads skip ids for which
 * `holds(id, key)` is no longer true, and a key's array is compacted once half of it may be stale.
 * Used where common keys have tens of thousands of ids (the word "org", a big provider) and a Set
 * per key would double the index's build time.
 */
export class LazyPostings {
  private readonly lists = new Map<string, string[]>();
  private readonly stale = new Map<string, number>();

  constructor(private readonly holds: (id: string, word: string) => boolean) {}

  add(word: string, id: string): void {
    const list = this.lists.get(word);
    if (list) list.push(id);
    else this.lists.set(word, [id]);
  }

  /** Call after `holds(id, word)` has become false. */
  delete(word: string, _id: string): void {
    const list = this.lists.get(word);
    if (!list) return;
    const stale = (this.stale.get(word) ?? 0) + 1;
    this.stale.set(word, stale);
    if (stale * 2 >= list.length) this.compact(word, list);
  }

  has(word: string): boolean {
    return this.lists.has(word);
  }

  /** How many ids carry `word` (exact; counting costs a pass when removals are pending). */
  count(word: string): number {
    if (!this.stale.has(word)) return this.lists.get(word)?.length ?? 0;
    let n = 0;
    for (const _ of this.values(word)) n++;
    return n;
  }

  /** An upper bound of `count(word)`, in constant time. */
  estimate(word: string): number {
    return this.lists.get(word)?.length ?? 0;
  }

  *values(word: string): Generator<string, void, undefined> {
    const list = this.lists.get(word);
    if (!list) return;
    if (!this.stale.has(word)) {
      yield* list;
      return;
    }
    const seen = new Set<string>();
    for (const id of list) {
      if (!seen.has(id) && this.holds(id, word)) {
        seen.add(id);
        yield id;
      }
    }
  }

  private compact(word: string, list: string[]): void {
    const kept = [...new Set(list.filter((id) => this.holds(id, word)))];
    this.stale.delete(word);
    if (kept.length === 0) this.lists.delete(word);
    else this.lists.set(word, kept);
  }
}
