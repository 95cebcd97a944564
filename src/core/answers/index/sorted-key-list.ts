/**
 * A sorted list of distinct strings that takes many insertions cheaply: changes are queued and
 * applied on the next read, one by one (binary search + splice) when there are few, by one sort
 * when there are many (a full build). Reads iterate in order from any position.
 */
import { sortStringsSliced, type Sliced } from '../../sliced.js';

const SMALL_BATCH = 64;

/** Sorted keys with repeats removed, in place. */
function dropRepeats(sorted: string[]): string[] {
  let w = 0;
  for (let r = 0; r < sorted.length; r++) {
    if (w === 0 || sorted[r] !== sorted[w - 1]) sorted[w++] = sorted[r] as string;
  }
  sorted.length = w;
  return sorted;
}

export class SortedKeyList {
  private keys: string[] = [];
  /** Queued additions, possibly repeated; a later delete cancels them through `deletes`. */
  private adds: string[] = [];
  /** Created on the first delete (most lists never see one). */
  private deletes: Set<string> | undefined;

  add(key: string): void {
    this.deletes?.delete(key);
    this.adds.push(key);
  }

  delete(key: string): void {
    (this.deletes ??= new Set()).add(key);
  }

  get size(): number {
    this.settle();
    return this.keys.length;
  }

  has(key: string): boolean {
    this.settle();
    const i = this.lowerBound(key);
    return this.keys[i] === key;
  }

  /** Keys strictly greater than `after` (all keys when undefined), in order. */
  *after(after?: string): Generator<string, void, undefined> {
    this.settle();
    const keys = this.keys;
    let i = after === undefined ? 0 : this.upperBound(after);
    while (i < keys.length) yield keys[i++] as string;
  }

  /** All keys in order (the list's own array: do not modify). */
  values(): readonly string[] {
    this.settle();
    return this.keys;
  }

  /** Keys that start with `prefix`, in order. */
  withPrefix(prefix: string): string[] {
    this.settle();
    const out: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.keys.length; i++) {
      const key = this.keys[i] as string;
      if (!key.startsWith(prefix)) break;
      out.push(key);
    }
    return out;
  }

  private settle(): void {
    const adds = this.adds;
    const deletes = this.deletes ?? new Set<string>();
    if (adds.length === 0 && deletes.size === 0) return;
    if (adds.length + deletes.size <= SMALL_BATCH) {
      for (const key of deletes) {
        const i = this.lowerBound(key);
        if (this.keys[i] === key) this.keys.splice(i, 1);
      }
      for (const key of adds) {
        if (deletes.has(key)) continue;
        const i = this.lowerBound(key);
        if (this.keys[i] !== key) this.keys.splice(i, 0, key);
      }
    } else {
      const kept = deletes.size > 0 ? this.keys.filter((k) => !deletes.has(k)) : this.keys;
      for (const key of adds) if (!deletes.has(key)) kept.push(key);
      this.keys = dropRepeats(kept.sort());
    }
    this.adds = [];
    this.deletes = undefined;
  }

  /**
   * What a read would do first (apply the queued changes), in slices: a full build's one large
   * sort becomes a merge sort that pauses (at 100,000 keys the native sort holds the event loop
   * ~50 ms). Nothing may read or change the list until it ends.
   */
  *settleSliced(): Sliced<void> {
    const deletes = this.deletes;
    if (this.adds.length + (deletes?.size ?? 0) <= SMALL_BATCH) {
      this.settle();
      return;
    }
    const kept = deletes ? this.keys.filter((k) => !deletes.has(k)) : [...this.keys];
    for (const key of this.adds) if (!deletes?.has(key)) kept.push(key);
    this.keys = dropRepeats(yield* sortStringsSliced(kept));
    this.adds = [];
    this.deletes = undefined;
  }

  /** First index whose key is >= `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose key is > `key`. */
  private upperBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string) <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
