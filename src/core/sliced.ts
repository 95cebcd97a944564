/**
 * Work done in slices: a generator that yields (`undefined`) at checkpoints between small steps
 * and returns its result. The CLI runs it to the end at once (`runToEnd`); the server runs a few
 * milliseconds of it at a time between other requests (app/slice-scheduler.ts), so no answer
 * holds the event loop however large the catalog. Sliced work reads only what it was given: a
 * published CatalogIndex is never changed, so it may pause and resume over the same index.
 */
export type Sliced<T> = Generator<undefined, T, undefined>;

/** Run sliced work to its end now. */
export function runToEnd<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Says when to yield: `if (tick()) yield;` is true once every `every` calls. */
export function ticker(every = 256): () => boolean {
  let n = 0;
  return () => ++n % every === 0;
}

/** Run length sorted by the native sort before runs are merged in slices. */
const RUN = 512;

/**
 * A sorted copy of `items`, in slices: runs of 512 sorted natively, then merged (stable). For a
 * comparison that is a total order the result is the one `Array.prototype.sort` gives.
 */
export function* sortSliced<T>(items: readonly T[], compare: (a: T, b: T) => number): Sliced<T[]> {
  let from: T[] = [];
  for (let start = 0; start < items.length; start += RUN) {
    const run = items.slice(start, start + RUN).sort(compare);
    for (const item of run) from.push(item);
    yield;
  }
  if (from.length <= RUN) return from;
  let to: T[] = new Array<T>(from.length);
  let moved = 0;
  for (let width = RUN; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length);
      const hi = Math.min(lo + 2 * width, from.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // `<= 0` keeps equal items in their order (stable).
        to[k++] = compare(from[i] as T, from[j] as T) <= 0 ? (from[i++] as T) : (from[j++] as T);
        if (++moved % 4096 === 0) yield;
      }
      while (i < mid) to[k++] = from[i++] as T;
      while (j < hi) to[k++] = from[j++] as T;
    }
    [from, to] = [to, from];
    yield;
  }
  return from;
}

/** Run length of `sortStringsSliced` (the native sort of 2,048 strings takes well under 1 ms). */
const STRING_RUN = 2048;

/**
 * Strings sorted as `[...items].sort()` sorts them (UTF-16 code units), in slices: runs sorted
 * natively, then merged comparing with `<` directly, which at 100,000 strings is several times
 * faster than `sortSliced` with a comparison function.
 */
export function* sortStringsSliced(items: readonly string[]): Sliced<string[]> {
  let from: string[] = [];
  for (let start = 0; start < items.length; start += STRING_RUN) {
    for (const item of items.slice(start, start + STRING_RUN).sort()) from.push(item);
    yield;
  }
  if (from.length <= STRING_RUN) return from;
  let to: string[] = new Array<string>(from.length);
  for (let width = STRING_RUN; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length);
      const hi = Math.min(lo + 2 * width, from.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = from[i] as string;
        const b = from[j] as string;
        // `b < a` takes the right one only when strictly smaller: equal strings keep their order.
        if (b < a) {
          to[k++] = b;
          j++;
        } else {
          to[k++] = a;
          i++;
        }
      }
      while (i < mid) to[k++] = from[i++] as string;
      while (j < hi) to[k++] = from[j++] as string;
      yield;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** The items of an iterable in an array, yielding every `every` items. */
export function* collectSliced<T>(items: Iterable<T>, every = 1024): Sliced<T[]> {
  const out: T[] = [];
  for (const item of items) {
    out.push(item);
    if (out.length % every === 0) yield;
  }
  return out;
}
