/**
 * Every entity matching a filter, fetched page by page (500 a request) so that the first rows show
 * at once and sorting covers the whole result; a new filter cancels the old walk.
 */
import { useEffect, useState } from 'preact/hooks';
import { getAllPages, type ListParams } from '../api/api-client.js';
import { onApiFailure, type ApiError } from '../api/api-error.js';
import type { Entity } from '../api/api-types.js';

export interface EntityListState {
  status: 'loading' | 'partial' | 'ok' | 'error';
  items: Entity[];
  error?: ApiError;
}

export function useEntityList(params: ListParams): EntityListState & { reload: () => void } {
  const key = JSON.stringify(params);
  const [state, setState] = useState<EntityListState>({ status: 'loading', items: [] });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ status: 'loading', items: s.items }));
    getAllPages(params, controller.signal, (items, done) =>
      setState({ status: done ? 'ok' : 'partial', items }),
    ).catch(onApiFailure('list', (error) => setState({ status: 'error', items: [], error })));
    return () => controller.abort();
    // `key` stands for `params`, which is a new object on every render.
  }, [key, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
