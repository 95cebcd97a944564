/** The frame around every page: skip link, header with navigation, main landmark, footer. */
import type { ComponentChildren, JSX } from 'preact';
import { Link } from '../router/router.js';

const NAV = [
  { href: '/services', label: 'Services' },
  { href: '/hosts', label: 'Hosts' },
  { href: '/providers', label: 'Providers' },
  { href: '/people', label: 'People' },
  { href: '/teams', label: 'Teams' },
  { href: '/graph', label: 'Graph' },
  { href: '/reports', label: 'Reports' },
  { href: '/overview', label: 'Overview' },
];

function isCurrent(path: string, href: string): boolean {
  return path === href || path.startsWith(`${href}/`);
}

export function AppShell({
  path,
  children,
}: {
  path: string;
  children: ComponentChildren;
}): JSX.Element {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="header-inner">
          <Link href="/" class="brand" aria-current={path === '/' ? 'page' : undefined}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>Switchboard</span>
          </Link>
          <nav aria-label="Main">
            <ul class="nav-list">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={isCurrent(path, item.href) ? 'page' : undefined}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>
          Switchboard reads the catalog through its public API:{' '}
          <a href="/api/v1/openapi.json">OpenAPI description</a> ·{' '}
          <a href="/api/v1/catalog.schema.json">catalog JSON Schema</a>
        </p>
      </footer>
    </>
  );
}
