/** Answers fetched from a running Switchboard server's public API. */
import type {
  EntityDetailView,
  ImpactView,
  MatchView,
  ReportView,
  SummaryView,
  WhoView,
} from '../../app/answer-views.js';
import type { ListFilter, ListPage, ListResult } from '../../core/answers/catalog-index.js';
import type { OverviewFormat } from '../../core/answers/overview/render-overview.js';
import { SwitchboardError, type ErrorKind } from '../../core/errors.js';
import type { AnswerClient } from './answer-client.js';

function kindForStatus(status: number): ErrorKind {
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'unavailable';
  return 'input';
}

export class RemoteAnswerClient implements AnswerClient {
  private readonly base: string;

  constructor(server: string) {
    this.base = server.replace(/\/+$/, '');
  }

  private async fetchText(pathAndQuery: string): Promise<{ text: string; type: string }> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${pathAndQuery}`, { signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SwitchboardError(
        'unavailable',
        'server.unreachable',
        `cannot reach ${this.base}: ${reason}`,
      );
    }
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok) {
      let detail = `${res.status} ${res.statusText}`;
      let code = 'server.error';
      if (type.includes('json')) {
        const problem = JSON.parse(text) as { detail?: string; code?: string };
        detail = problem.detail ?? detail;
        code = problem.code ?? code;
      }
      throw new SwitchboardError(kindForStatus(res.status), code, detail);
    }
    return { text, type };
  }

  private async getJson<T>(pathAndQuery: string): Promise<T> {
    const { text } = await this.fetchText(pathAndQuery);
    return JSON.parse(text) as T;
  }

  list(filter: ListFilter, page: ListPage): Promise<ListResult> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...filter, ...page })) {
      if (value !== undefined) params.set(key, String(value));
    }
    return this.getJson(`/api/v1/entities?${params.toString()}`);
  }
  show(id: string): Promise<EntityDetailView> {
    return this.getJson(`/api/v1/entities/${encodeURIComponent(id)}`);
  }
  resolve(q: string, limit?: number): Promise<{ query: string; matches: MatchView[] }> {
    const params = new URLSearchParams({
      q,
      ...(limit !== undefined ? { limit: String(limit) } : {}),
    });
    return this.getJson(`/api/v1/resolve?${params.toString()}`);
  }
  who(q: string): Promise<WhoView> {
    return this.getJson(`/api/v1/who?${new URLSearchParams({ q }).toString()}`);
  }
  impact(id: string, limit?: number): Promise<ImpactView> {
    const query = limit !== undefined ? `?limit=${limit}` : '';
    return this.getJson(`/api/v1/impact/${encodeURIComponent(id)}${query}`);
  }
  report(name: string, maxAgeDays?: number): Promise<ReportView> {
    const query = maxAgeDays !== undefined ? `?maxAgeDays=${maxAgeDays}` : '';
    return this.getJson(`/api/v1/reports/${encodeURIComponent(name)}${query}`);
  }
  summary(): Promise<SummaryView> {
    return this.getJson('/api/v1/summary');
  }
  async overview(format: OverviewFormat): Promise<string> {
    return (await this.fetchText(`/api/v1/overview?format=${format}`)).text;
  }
}
