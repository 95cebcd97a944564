/** The reports index and each report, with links to fix every row (the entity and its file). */
import type { JSX } from 'preact';
import { api } from '../api/api-client.js';
import type { Report, ReportInfo, ReportRow, Summary } from '../api/api-types.js';
import { useApi } from '../api/use-api.js';
import { EntityLink } from '../components/entity-link.js';
import { KindBadge } from '../components/kind-badge.js';
import { usePageTitle } from '../components/page-title.js';
import { EmptyState, ErrorState, Loading } from '../components/states.js';
import { KIND_ORDER, listPath } from '../format/entity-paths.js';
import { Link } from '../router/router.js';
import './reports.css';

export function ReportsPage(): JSX.Element {
  usePageTitle('Reports');
  // The summary carries every report with its row count.
  const summary = useApi<Summary>(api.summary());
  return (
    <article class="page reports-page">
      <h1>Reports</h1>
      <p class="lede">
        Checks over the whole catalog. Each row links to the entity and names the file to edit.
      </p>
      {summary.status === 'loading' ? (
        <Loading label="Loading reports…" />
      ) : summary.status === 'error' ? (
        <ErrorState error={summary.error} onRetry={summary.reload} />
      ) : (
        <ul class="report-cards">
          {summary.data.reports.map((report) => (
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

function RowSubject({ row }: { row: ReportRow }): JSX.Element {
  if (row.kind === 'ManagementMethod') {
    return <Link href={listPath('Service', { managedBy: row.id })}>{row.name}</Link>;
  }
  return <EntityLink kind={row.kind} id={row.id} name={row.name} />;
}

function Related({ row }: { row: ReportRow }): JSX.Element | null {
  const related = row.related ?? [];
  if (related.length === 0) return null;
  const shown = related.slice(0, 8);
  return (
    <ul class="inline-list related-inline">
      {shown.map((r) => (
        <li key={r.id}>
          <EntityLink kind={r.kind} id={r.id} name={r.name} />
        </li>
      ))}
      {related.length > shown.length ? <li>and {related.length - shown.length} more</li> : null}
    </ul>
  );
}

function Row({ row }: { row: ReportRow }): JSX.Element {
  const source = row.source ? `${row.source.file}:${row.source.line}` : undefined;
  return (
    <tr>
      <th scope="row">
        <RowSubject row={row} />
      </th>
      <td>
        {KIND_ORDER.includes(row.kind as never) ? <KindBadge kind={row.kind as never} /> : 'method'}
      </td>
      <td>
        {row.reason}
        <Related row={row} />
      </td>
      <td>{source ? <code class="source-file">{source}</code> : <span class="muted">—</span>}</td>
    </tr>
  );
}

/** A report name the server does not know: say so, and offer the ones it has. */
function UnknownReport({ name }: { name: string }): JSX.Element {
  const reports = useApi<{ reports: ReportInfo[] }>(api.reports());
  return (
    <>
      <h1>No report “{name}”</h1>
      <div class="state state-empty" role="status">
        <p class="state-title">Switchboard has no report of that name</p>
        {reports.status === 'ok' ? (
          <>
            <p>These are the reports it has:</p>
            <ul class="report-names">
              {reports.data.reports.map((report) => (
                <li key={report.name}>
                  <Link href={`/reports/${encodeURIComponent(report.name)}`}>{report.title}</Link>{' '}
                  <code>{report.name}</code>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            <Link href="/reports">All reports</Link> lists the reports it has.
          </p>
        )}
      </div>
    </>
  );
}

export function ReportPage({ name }: { name: string }): JSX.Element {
  const report = useApi<Report>(api.report(name));
  usePageTitle(report.status === 'ok' ? report.data.title : 'Report');
  return (
    <article class="page report-page">
      <p class="breadcrumb">
        <Link href="/reports">All reports</Link>
      </p>
      {report.status === 'loading' ? (
        <Loading label="Running the report…" />
      ) : report.status === 'error' && report.error.kind === 'not-found' ? (
        <UnknownReport name={name} />
      ) : report.status === 'error' ? (
        <>
          <h1>{name}</h1>
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
