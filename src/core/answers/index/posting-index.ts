/**
 * Per-field posting lists: for each field and value, the sorted keys of the entities that have it.
 * The values recorded for each entity are kept, so an update changes only what differs and a
 * membership test never scans a list.
 */
import { SortedKeyList } from './sorted-key-list.js';

export type FieldValues<F extends string> = Partial<Record<F, readonly string[]>>;

interface Recorded<F extends string> {
  key: string;
  values: FieldValues<F>;
}

export class PostingIndex<F extends string> {
  private readonly lists = new Map<F, Map<string, SortedKeyList>>();
  private readonly recorded = new Map<string, Recorded<F>>();

  /** Record `values` for entity `id` (sort key `key`), replacing what was recorded before. */
  set(id: string, key: string, values: FieldValues<F>): void {
    const before = this.recorded.get(id);
    if (before && before.key !== key) {
      this.remove(id);
      this.set(id, key, values);
      return;
    }
    if (!before) {
      for (const field of Object.keys(values) as F[]) {
        for (const value of values[field] ?? []) this.listFor(field, value).add(key);
      }
      this.recorded.set(id, { key, values });
      return;
    }
    const fields = new Set<F>([
      ...(Object.keys(values) as F[]),
      ...(Object.keys(before.values) as F[]),
    ]);
    for (const field of fields) {
      const old = new Set(before.values[field] ?? []);
      const now = new Set(values[field] ?? []);
      for (const value of old) if (!now.has(value)) this.listFor(field, value).delete(key);
      for (const value of now) if (!old.has(value)) this.listFor(field, value).add(key);
    }
    this.recorded.set(id, { key, values });
  }

  remove(id: string): void {
    const before = this.recorded.get(id);
    if (!before) return;
    for (const field of Object.keys(before.values) as F[]) {
      for (const value of before.values[field] ?? []) this.listFor(field, value).delete(before.key);
    }
    this.recorded.delete(id);
  }

  /** The sorted keys having `value` in `field`, or undefined when none ever had it. */
  list(field: F, value: string): SortedKeyList | undefined {
    return this.lists.get(field)?.get(value);
  }

  has(id: string, field: F, value: string): boolean {
    return this.recorded.get(id)?.values[field]?.includes(value) ?? false;
  }

  valuesOf(id: string, field: F): readonly string[] {
    return this.recorded.get(id)?.values[field] ?? [];
  }

  private listFor(field: F, value: string): SortedKeyList {
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
