/**
 * A map from a key to a set of values that stores the common case, a single value, as itself: at
 * 100,000 entities one Set per host name, word or relation target would cost tens of megabytes.
 * Values must not themselves be Sets.
 */
export class MultiMap<V> {
  private readonly map = new Map<string, V | Set<V>>();

  /** Add `value` under `key`; true when `key` is new. */
  add(key: string, value: V): boolean {
    const current = this.map.get(key);
    if (current === undefined) {
      this.map.set(key, value);
      return true;
    }
    if (current instanceof Set) current.add(value);
    else if (current !== value) this.map.set(key, new Set([current, value]));
    return false;
  }

  delete(key: string, value: V): void {
    const current = this.map.get(key);
    if (current === undefined) return;
    if (!(current instanceof Set)) {
      if (current === value) this.map.delete(key);
      return;
    }
    current.delete(value);
    if (current.size === 1) this.map.set(key, current.values().next().value as V);
  }

  /** The values under `key`, in insertion order (a copy). */
  get(key: string): V[] {
    return [...this.values(key)];
  }

  /** The values under `key`, in insertion order, without copying. */
  *values(key: string): Generator<V, void, undefined> {
    const current = this.map.get(key);
    if (current === undefined) return;
    if (current instanceof Set) yield* current;
    else yield current;
  }

  count(key: string): number {
    const current = this.map.get(key);
    if (current === undefined) return 0;
    return current instanceof Set ? current.size : 1;
  }

  /** Same as count: the exact number is cheap here. */
  estimate(key: string): number {
    return this.count(key);
  }

  has(key: string): boolean {
    return this.map.has(key);
  }
}
