/** Which page a path shows, and what happens to focus and scroll when it changes. */
import type { JSX } from 'preact';
import { useCallback, useEffect } from 'preact/hooks';
import { AppShell } from './components/app-shell.js';
import { EntityListPage } from './list/entity-list.page.js';
import { EntityPage } from './entity/entity.page.js';
import { kindOfSegment } from './format/entity-paths.js';
import { LazyGraphPage } from './graph/lazy-graph.page.js';
import { HomePage } from './pages/home.page.js';
import { NotFoundPage } from './pages/not-found.page.js';
import { OverviewPage } from './pages/overview.page.js';
import { ReportPage, ReportsPage } from './pages/reports.page.js';
import { WhoPage } from './pages/who.page.js';
import { matchPath, useLocation, useNavigationEffect } from './router/router.js';

function page(path: string): JSX.Element {
  if (path === '/' || path === '/index.html') return <HomePage />;
  if (path === '/who') return <WhoPage />;
  if (path === '/graph') return <LazyGraphPage />;
  if (path === '/reports') return <ReportsPage />;
  if (path === '/overview') return <OverviewPage />;
  const report = matchPath('/reports/:name', path);
  if (report?.name) return <ReportPage key={report.name} name={report.name} />;
  const list = matchPath('/:segment', path);
  const listKind = list?.segment ? kindOfSegment(list.segment) : undefined;
  if (listKind) return <EntityListPage key={listKind} kind={listKind} />;
  const entity = matchPath('/:segment/:id', path);
  const entityKind = entity?.segment ? kindOfSegment(entity.segment) : undefined;
  if (entityKind && entity?.id)
    return <EntityPage key={entity.id} kind={entityKind} id={entity.id} />;
  return <NotFoundPage />;
}

export function App(): JSX.Element {
  const location = useLocation();
  // The first render is committed and its handlers attached: the page is usable (bench/web reads it).
  useEffect(() => {
    performance.mark('switchboard:interactive');
  }, []);
  // A new page starts at the top with focus on the main region, so screen readers announce it.
  useNavigationEffect(
    useCallback((how) => {
      if (how !== 'push') return;
      window.scrollTo(0, 0);
      document.getElementById('main')?.focus({ preventScroll: true });
    }, []),
  );
  return <AppShell path={location.path}>{page(location.path)}</AppShell>;
}
