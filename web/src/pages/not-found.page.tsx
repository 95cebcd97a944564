import type { JSX } from 'preact';
import { usePageTitle } from '../components/page-title.js';
import { EmptyState } from '../components/states.js';
import { Link, useLocation } from '../router/router.js';

export function NotFoundPage(): JSX.Element {
  usePageTitle('Page not found');
  const location = useLocation();
  return (
    <article class="page">
      <h1>Page not found</h1>
      <EmptyState title={`There is no page at ${location.path}`}>
        The link may be old. <Link href="/">Search the catalog</Link>, or browse the{' '}
        <Link href="/services">services</Link>.
      </EmptyState>
    </article>
  );
}
