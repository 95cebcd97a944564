/**
 * Names of the entities a list refers to by id (a service's hosts and owners, a host's provider):
 * the list answer carries only ids, so each kind's names are fetched once a session, 500 a
 * request, and kept. Until they arrive (or if they cannot be read) the ids are shown.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getAllPages } from '../api/api-client.js';
import type { EntityKind } from '../api/api-types.js';

export interface EntityName {
  kind: EntityKind;
  name: string;
}

export type EntityNames = ReadonlyMap<string, EntityName>;

const names = new Map<string, EntityName>();
const loading = new Map<EntityKind, Promise<void>>();
const listeners = new Set<() => void>();

function load(kind: EntityKind): Promise<void> {
  let promise = loading.get(kind);
  if (!promise) {
    // Not aborted when the page goes: the next list page wants the same names.
    promise = getAllPages({ kind }, new AbortController().signal, (items) => {
      for (const entity of items) names.set(entity.id, { kind: entity.kind, name: entity.name });
      for (const listener of listeners) listener();
    }).catch(() => {
      loading.delete(kind); // try again on the next visit
    });
    loading.set(kind, promise);
  }
  return promise;
}

/** Id → kind and name for every entity of `kinds`, growing as pages arrive. */
export function useEntityNames(kinds: readonly EntityKind[]): EntityNames {
  const [version, setVersion] = useState(0);
  const key = kinds.join(',');
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    for (const kind of kinds) void load(kind);
    return () => {
      listeners.delete(listener);
    };
    // `key` stands for `kinds`, which may be a new array on every render.
  }, [key]);
  // A new map when names arrive, so that what is derived from it (the sort order) follows.
  return useMemo(() => new Map(names), [version, key]);
}
