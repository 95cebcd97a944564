/**
 * A JSON value as PostgreSQL prints it back from a jsonb column (`body::text`): object keys
 * shortest first, then by their UTF-8 bytes; `", "` and `": "` between items. Comparing this text
 * with the stored one tells an unchanged entity without parsing the stored body. Strings are
 * escaped as JSON.stringify does, which is what jsonb prints for every string it can store. Where
 * the two may differ (numbers jsonb writes in another form), the texts differ and the caller
 * compares the values instead: a mismatch costs time, never a wrong answer.
 */
export function jsonbText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // JSON.stringify writes null for what JSON cannot hold in an array.
      out += `${i > 0 ? ', ' : ''}${jsonbText(typeof item === 'function' || typeof item === 'symbol' ? null : item)}`;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const { key, prefix } of jsonbKeyOrder(Object.keys(record))) {
    const v = record[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    out += `${out.length > 1 ? ', ' : ''}${prefix}${jsonbText(v)}`;
  }
  return `${out}}`;
}

interface OrderedKey {
  key: string;
  /** `"key": ` */
  prefix: string;
}

/** Objects of one shape share their key order: sorted once per list of keys (entities have a
 * few dozen shapes; a map with arbitrary keys is sorted each time it is new). */
const orderCache = new Map<string, OrderedKey[]>();
const MAX_CACHED_ORDERS = 1000;

function jsonbKeyOrder(keys: string[]): OrderedKey[] {
  const signature = keys.join('\u0000');
  let sorted = orderCache.get(signature);
  if (!sorted) {
    sorted = keys
      .sort(compareJsonbKeys)
      .map((key) => ({ key, prefix: `${JSON.stringify(key)}: ` }));
    if (orderCache.size < MAX_CACHED_ORDERS) orderCache.set(signature, sorted);
  }
  return sorted;
}

const ASCII = /^[ -~]*$/;

/** jsonb's key order: by length in UTF-8 bytes, then bytewise. */
function compareJsonbKeys(a: string, b: string): number {
  if (ASCII.test(a) && ASCII.test(b)) {
    if (a.length !== b.length) return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length - y.length || Buffer.compare(x, y);
}
