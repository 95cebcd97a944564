/**
 * Search as you type: the resolver (host names, URLs, ids, names, near misses) and the free-text
 * list are asked together after a short pause; an older request is cancelled when the text changes,
 * and the previous results stay on screen until the new ones arrive. Only an answer for the text
 * in the box is shown: the cancel comes with the next effect, after a paint, and on a busy machine
 * an older answer can land before it; shown, it would replace the list under a focused result.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, getJson } from '../api/api-client.js';
import { onApiFailure, type ApiError } from '../api/api-error.js';
import type { EntityKind, EntityPage, MatchedBy, ResolveAnswer } from '../api/api-types.js';
import { KIND_ORDER } from '../format/entity-paths.js';

export interface SearchHit {
  id: string;
  kind: EntityKind;
  name: string;
  matchedBy?: MatchedBy;
  detail?: string;
  description?: string;
}

export interface SearchGroup {
  kind: EntityKind;
  hits: SearchHit[];
  /** True when the list endpoint may have more of this kind. */
  more: boolean;
}

export interface SearchState {
  status: 'idle' | 'loading' | 'ok' | 'error';
  /** The text the groups answer. */
  query: string;
  groups: SearchGroup[];
  total: number;
  error?: ApiError;
}

export const SEARCH_DELAY_MS = 15;
const LIST_LIMIT = 40;

function merge(resolve: ResolveAnswer, list: EntityPage): SearchGroup[] {
  const seen = new Set<string>();
  const byKind = new Map<EntityKind, SearchHit[]>();
  const add = (hit: SearchHit) => {
    if (seen.has(hit.id)) return;
    seen.add(hit.id);
    const hits = byKind.get(hit.kind) ?? [];
    hits.push(hit);
    byKind.set(hit.kind, hits);
  };
  for (const m of resolve.matches) {
    add({ id: m.id, kind: m.kind, name: m.name, matchedBy: m.matchedBy, detail: m.detail });
  }
  for (const e of list.items) {
    add({ id: e.id, kind: e.kind, name: e.name, description: e.description });
  }
  const more = list.nextCursor !== undefined;
  return KIND_ORDER.filter((kind) => byKind.has(kind)).map((kind) => ({
    kind,
    hits: byKind.get(kind) ?? [],
    more,
  }));
}

export function useSearch(text: string): SearchState {
  const [state, setState] = useState<SearchState>({
    status: 'idle',
    query: '',
    groups: [],
    total: 0,
  });
  const q = text.trim();
  // The text as last rendered: set during render, so it is current before any effect runs.
  const current = useRef(q);
  current.current = q;

  useEffect(() => {
    if (q === '') {
      setState({ status: 'idle', query: '', groups: [], total: 0 });
      return undefined;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, status: 'loading' }));
    const stale = () => controller.signal.aborted || current.current !== q;
    const timer = window.setTimeout(() => {
      Promise.all([
        getJson<ResolveAnswer>(api.resolve(q), controller.signal),
        getJson<EntityPage>(api.entities({ q, limit: LIST_LIMIT }), controller.signal),
      ]).then(
        ([resolve, list]) => {
          if (stale()) return;
          const groups = merge(resolve, list);
          const total = groups.reduce((n, g) => n + g.hits.length, 0);
          setState({ status: 'ok', query: q, groups, total });
        },
        onApiFailure('search answer', (error) => {
          if (stale()) return;
          setState({ status: 'error', query: q, groups: [], total: 0, error });
        }),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  return state;
}
