import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from '../api/api-client.js';
import type { EntityKind, EntityPage, Summary } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { ErrorState, Loading } from '../components/states.js';
import { KIND_ORDER, KIND_PLURALS, listPath } from '../format/entity-paths.js';
import { Link } from '../router/router.js';

/** The reports a newcomer should look at first, in this order. */
const ATTENTION = ['bus-factor', 'orphans', 'unreachable', 'stale'];

/** The counts include these; the reports and the overview leave them out. */
const NOT_IN_USE: Partial<Record<EntityKind, { status: string; label: string }>> = {
  Service: { status: 'retired', label: 'retired' },
  Provider: { status: 'former', label: 'former' },
};

/** "2 retired" under a count, when some of the kind are no longer in use ("500+" past a page). */
function useNotInUse(kind: 'Service' | 'Provider'): string | undefined {
  const which = NOT_IN_USE[kind];
  const page = useApi<EntityPage>(
    which ? api.entities({ kind, status: which.status, limit: 500 }) : null,
  );
  if (!which || page.status !== 'ok' || page.data.items.length === 0) return undefined;
  const n = page.data.items.length.toLocaleString('en');
  return `${n}${page.data.nextCursor ? '+' : ''} ${which.label}`;
}

export function HomeSummary(): JSX.Element {
  const summary = useApi<Summary>(api.summary());
  const notes: Partial<Record<EntityKind, string>> = {
    Service: useNotInUse('Service'),
    Provider: useNotInUse('Provider'),
  };
  useEffect(() => {
    if (
      summary.status === 'ok' &&
      performance.getEntriesByName('switchboard:summary').length === 0
    ) {
      performance.mark('switchboard:summary');
    }
  }, [summary.status]);
  if (summary.status === 'loading') return <Loading label="Loading the catalog summary…" />;
  if (summary.status === 'error')
    return <ErrorState error={summary.error} onRetry={summary.reload} />;
  const { counts, reports } = summary.data;
  const attention = [...reports]
    .filter((r) => ATTENTION.includes(r.name))
    .sort((a, b) => ATTENTION.indexOf(a.name) - ATTENTION.indexOf(b.name));
  return (
    <div class="home-summary">
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">In the catalog</h2>
        <ul class="count-cards">
          {KIND_ORDER.map((kind) => (
            <li key={kind}>
              <Link class={`count-card kind-edge-${kind.toLowerCase()}`} href={listPath(kind)}>
                <span class="count-number">{(counts[kind] ?? 0).toLocaleString('en')}</span>
                <span class="count-label">{counts[kind] === 1 ? kind : KIND_PLURALS[kind]}</span>
                {notes[kind] ? <span class="count-note">({notes[kind]})</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="attention-title">
        <h2 id="attention-title">Needs attention</h2>
        <ul class="attention-list">
          {attention.map((report) => (
            <li key={report.name} class={report.count > 0 ? 'attention has-rows' : 'attention'}>
              <Link href={`/reports/${encodeURIComponent(report.name)}`}>
                <span class="attention-count">{report.count.toLocaleString('en')}</span>
                <span class="attention-title">{report.title}</span>
              </Link>
              <span class="attention-description">{report.description}</span>
            </li>
          ))}
        </ul>
        <p>
          <Link href="/reports">All reports</Link>
        </p>
      </section>
    </div>
  );
}
