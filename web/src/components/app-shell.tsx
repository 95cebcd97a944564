/**
 * The frame around every page: skip link, header with navigation, main landmark, footer. On a
 * phone the navigation folds behind a Menu button (a disclosure: Enter or Space opens it, Escape
 * closes it and returns to the button, choosing a page closes it).
 */
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { KIND_ORDER, KIND_PLURALS, listPath } from '../format/entity-paths.js';
import { Link } from '../router/router.js';

const NAV = [
  // One entry per kind, from the kind registry (src/core/kinds).
  ...KIND_ORDER.map((kind) => ({ href: listPath(kind), label: KIND_PLURALS[kind] })),
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
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [path]);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class={`site-header${open ? ' nav-open' : ''}`} onKeyDown={closeOnEscape}>
        <div class="header-inner">
          <Link href="/" class="brand" aria-current={path === '/' ? 'page' : undefined}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>Switchboard</span>
          </Link>
          <button
            ref={toggle}
            type="button"
            class="nav-toggle button"
            aria-expanded={open}
            aria-controls="main-nav"
            onClick={() => setOpen((o) => !o)}
          >
            <span class="nav-toggle-icon" aria-hidden="true" />
            Menu
          </button>
          <nav aria-label="Main" id="main-nav">
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
