/**
 * Per-field posting lists: for each field and value, the sorted keys of the entities that have it.
 * What each entity was filed under is recorded (as one flat [field, value, field, value, ...]
 * array, the cheapest shape at 100,000 entities), so an update changes only what differs and a
 * membership test never scans a list.
 */
import { SortedKeyList } from './sorted-key-list.js';

export type FieldValues<F extends string> = Partial<Record<F, readonly string[]>>;

interface Recorded {
  key: string;
  /** field, value, field, value, ... (each pair once). */
  pairs: string[];
}

function flatten<F extends string>(values: FieldValues<F>): string[] {
  const pairs: string[] = [];
  for (const field of Object.keys(values) as F[]) {
    const list = values[field] ?? [];
    list.forEach((value, i) => {
      if (list.indexOf(value) === i) pairs.push(field, value);
    });
  }
  return pairs;
}

function hasPair(pairs: readonly string[], field: string, value: string): boolean {
  for (let i = 0; i < pairs.length; i += 2)
    if (pairs[i] === field && pairs[i + 1] === value) return true;
  return false;
}

export class PostingIndex<F extends string> {
  private readonly lists = new Map<string, Map<string, SortedKeyList>>();
  private readonly recorded = new Map<string, Recorded>();

  /** Record `values` for entity `id` (sort key `key`), replacing what was recorded before. */
  set(id: string, key: string, values: FieldValues<F>): void {
    const before = this.recorded.get(id);
    const pairs = flatten(values);
    if (before && before.key !== key) {
      this.remove(id);
    } else if (before) {
      for (let i = 0; i < before.pairs.length; i += 2) {
        const [field, value] = [before.pairs[i] as string, before.pairs[i + 1] as string];
        if (!hasPair(pairs, field, value)) this.listFor(field, value).delete(key);
      }
      for (let i = 0; i < pairs.length; i += 2) {
        const [field, value] = [pairs[i] as string, pairs[i + 1] as string];
        if (!hasPair(before.pairs, field, value)) this.listFor(field, value).add(key);
      }
      this.recorded.set(id, { key, pairs });
      return;
    }
    for (let i = 0; i < pairs.length; i += 2) {
      this.listFor(pairs[i] as string, pairs[i + 1] as string).add(key);
    }
    this.recorded.set(id, { key, pairs });
  }

  remove(id: string): void {
    const before = this.recorded.get(id);
    if (!before) return;
    for (let i = 0; i < before.pairs.length; i += 2) {
      this.listFor(before.pairs[i] as string, before.pairs[i + 1] as string).delete(before.key);
    }
    this.recorded.delete(id);
  }

  /** The sorted keys having `value` in `field`, or undefined when none ever had it. */
  list(field: F, value: string): SortedKeyList | undefined {
    return this.lists.get(field)?.get(value);
  }

  has(id: string, field: F, value: string): boolean {
    const recorded = this.recorded.get(id);
    return recorded !== undefined && hasPair(recorded.pairs, field, value);
  }

  private listFor(field: string, value: string): SortedKeyList {
    let byValue = this.lists.get(field);
    if (!byValue) {
      byValue = new Map();
      this.lists.set(field, byValue);
    }
    let list = byValue.get(value);
    if (!list) {
      list = new SortedKeyList();
      byValue.set(value, list);
    }
    return list;
  }
}
