/**
 * The UI's only door to the data: typed GETs against the public API (docs/api.md). Nothing here
 * knows about the server's internals.
 */
import { errorFromResponse, isAbort, networkError } from './api-error.js';
import type {
  EntityDetail,
  EntityPage,
  ListParams,
  GraphAnswer,
  ImpactAnswer,
  Report,
  ReportInfo,
  ResolveAnswer,
  Summary,
  WhoAnswer,
} from './api-types.js';

export const API_BASE = '/api/v1';

type Params = Record<string, string | number | undefined>;

/** `/api/v1/<path>?<params>`, leaving out empty parameters. */
export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `${API_BASE}${path}${query ? `?${query}` : ''}`;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

const id = (value: string): string => encodeURIComponent(value);

export type { ListParams };

export const api = {
  summary: () => apiUrl('/summary'),
  entities: (params: ListParams) => apiUrl('/entities', { ...params }),
  entity: (entityId: string) => apiUrl(`/entities/${id(entityId)}`),
  resolve: (q: string) => apiUrl('/resolve', { q }),
  who: (q: string) => apiUrl('/who', { q }),
  impact: (entityId: string) => apiUrl(`/impact/${id(entityId)}`),
  reports: () => apiUrl('/reports'),
  report: (name: string) => apiUrl(`/reports/${id(name)}`),
  graph: (around?: string, depth?: number, limit?: number) =>
    apiUrl('/graph', { around, depth, limit }),
  overview: (format: 'md' | 'rst' | 'html') => apiUrl('/overview', { format }),
};

/** Response types per URL builder, so that `useApi(api.entity(x))` callers name the type once. */
export interface ApiAnswers {
  summary: Summary;
  entities: EntityPage;
  entity: EntityDetail;
  resolve: ResolveAnswer;
  who: WhoAnswer;
  impact: ImpactAnswer;
  reports: { reports: ReportInfo[] };
  report: Report;
  graph: GraphAnswer;
}

/** Every page of a list, following cursors; `onPage` sees the rows gathered so far. */
export async function getAllPages(
  params: ListParams,
  signal: AbortSignal,
  onPage: (items: EntityPage['items'], done: boolean) => void,
  maxItems = 20_000,
): Promise<void> {
  const items: EntityPage['items'] = [];
  let cursor: string | undefined;
  do {
    const page = await getJson<EntityPage>(api.entities({ ...params, limit: 500, cursor }), signal);
    items.push(...page.items);
    cursor = items.length < maxItems ? page.nextCursor : undefined;
    onPage(items.slice(), cursor === undefined);
  } while (cursor !== undefined);
}
