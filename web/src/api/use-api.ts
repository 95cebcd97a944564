/**
 * `useApi(url)`: the loading / loaded / failed state of one GET, aborted when the URL changes or
 * the component goes away. Answers are kept for the session so that going back shows the page at
 * once; they are fetched again in the background (the server answers 304 when nothing changed).
 */
import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api-client.js';
import { onApiFailure, type ApiError } from './api-error.js';

export type ApiState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ok'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError };

const cache = new Map<string, unknown>();
const CACHE_LIMIT = 200;

function remember(url: string, data: unknown): void {
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(url, data);
}

function initial<T>(url: string | null): ApiState<T> {
  if (url !== null && cache.has(url)) return { status: 'ok', data: cache.get(url) as T };
  return { status: 'loading' };
}

export function useApi<T>(url: string | null): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<{ url: string | null; value: ApiState<T> }>(() => ({
    url,
    value: initial<T>(url),
  }));
  const [attempt, setAttempt] = useState(0);
  const current = state.url === url ? state.value : initial<T>(url);

  useEffect(() => {
    if (url === null) return undefined;
    const controller = new AbortController();
    setState({ url, value: initial<T>(url) });
    getJson<T>(url, controller.signal).then(
      (data) => {
        remember(url, data);
        setState({ url, value: { status: 'ok', data } });
      },
      onApiFailure('answer', (error) => setState({ url, value: { status: 'error', error } })),
    );
    return () => controller.abort();
  }, [url, attempt]);

  return { ...current, reload: () => setAttempt((n) => n + 1) };
}
