/**
 * The public view of an entity: what every public answer (API, CLI, web UI, overview page) may
 * show. Contacts marked `private: true` are removed wherever a `contacts` list appears, at any
 * depth, so a field added later cannot leak them by accident. A list left empty is dropped, so an
 * entity whose contacts are all private looks like one without contacts: the answer does not tell
 * that private ones exist.
 */
import type { Entity } from './schema/entity.schema.js';

export function isPrivateContact(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { private?: unknown }).private === true
  );
}

function strip(value: unknown, key: string | undefined): unknown {
  if (Array.isArray(value)) {
    const items = key === 'contacts' ? value.filter((item) => !isPrivateContact(item)) : value;
    return items.map((item) => strip(item, undefined));
  }
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines properties, so a "__proto__" key stays a plain key.
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, strip(v, k)] as const)
        .filter(([k, v]) => !(k === 'contacts' && Array.isArray(v) && v.length === 0)),
    );
  }
  return value;
}

/** A deep copy of `entity` with every private contact removed. The input is never modified. */
export function publicView<E extends Entity>(entity: E): E {
  return strip(entity, undefined) as E;
}

function countPrivate(value: unknown, key: string | undefined): number {
  if (Array.isArray(value)) {
    const own = key === 'contacts' ? value.filter(isPrivateContact).length : 0;
    return value.reduce<number>((n, item) => n + countPrivate(item, undefined), own);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).reduce((n, [k, v]) => n + countPrivate(v, k), 0);
  }
  return 0;
}

/** How many private contacts `entity` holds (what publicView removes). */
export function privateContactCount(entity: Entity): number {
  return countPrivate(entity, undefined);
}
