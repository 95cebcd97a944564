/** The reports index and each report, with links to fix every row (the entity and its file). */
import type { JSX } from 'preact';
import { api } from '../api/api-client.js';
import type { Report, ReportInfo, ReportRow, RowSource } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { EntityLink } from '../components/entity-link.js';
import { KindBadge } from '../components/kind-badge.js';
import { usePageTitle } from '../components/page-title.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { Link } from '../router/router.js';

export function ReportsPage(): JSX.Element {
  usePageTitle('Reports');
  const reports = useApi<{ reports: ReportInfo[] }>(api.reports());
  return (
    <article class="page reports-page">
      <h1>Reports</h1>
      <p class="lede">
        Checks over the whole catalog. Each row links to the entity and names the file to edit.
      </p>
      {reports.status === 'loading' ? (
        <Loading label="Loading reports…" />
      ) : reports.status === 'error' ? (
        <ErrorState error={reports.error} onRetry={reports.reload} />
      ) : (
        <ul class="report-cards">
          {reports.data.reports.map((report) => (
            <li key={report.name} class={`report-card${report.count > 0 ? ' has-rows' : ''}`}>
              <Link href={`/reports/${encodeURIComponent(report.name)}`} class="report-card-link">
                <span class="report-count">{report.count.toLocaleString('en')}</span>
                <span class="report-title">{report.title}</span>
              </Link>
              <p class="report-description">{report.description}</p>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function sourceLabel(source: RowSource | undefined): string | undefined {
  if (source === undefined) return undefined;
  if (typeof source === 'string') return source;
  if (source.file === undefined) return source.name;
  return `${source.file}${source.line !== undefined ? `:${source.line}` : ''}`;
}

function Row({ row }: { row: ReportRow }): JSX.Element {
  const source = sourceLabel(row.source);
  return (
    <tr>
      <th scope="row">
        <EntityLink kind={row.kind} id={row.id} name={row.name} />
      </th>
      <td>
        <KindBadge kind={row.kind} />
      </td>
      <td>{row.reason}</td>
      <td>
        {source ? <code class="source-file">{source}</code> : <span class="muted">unknown</span>}
      </td>
    </tr>
  );
}

export function ReportPage({ name }: { name: string }): JSX.Element {
  const report = useApi<Report>(api.report(name));
  usePageTitle(report.status === 'ok' ? report.data.title : 'Report');
  return (
    <article class="page report-page">
      <p class="breadcrumb">
        <Link href="/reports">Reports</Link>
      </p>
      {report.status === 'loading' ? (
        <Loading label="Running the report…" />
      ) : report.status === 'error' ? (
        <>
          <h1>{report.error.kind === 'not-found' ? `No report “${name}”` : name}</h1>
          <ErrorState error={report.error} onRetry={report.reload} />
        </>
      ) : (
        <>
          <h1>{report.data.title}</h1>
          <p class="lede">{report.data.description}</p>
          {report.data.rows.length === 0 ? (
            <EmptyState title="Nothing to report">The catalog passes this check.</EmptyState>
          ) : (
            <div class="table-scroll">
              <table class="data-table">
                <caption class="visually-hidden">{report.data.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Entity</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Why</th>
                    <th scope="col">Where to fix it</th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.rows.map((row, i) => (
                    <Row key={`${row.id}-${i}`} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </article>
  );
}
