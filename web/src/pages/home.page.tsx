/**
 * Home: one box for anything (a URL, a host name, a service, a person). Results appear grouped by
 * kind as you type; Enter on a URL or host name goes straight to "who to contact".
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { usePageTitle } from '../components/page-title.js';
import { entityPath } from '../format/entity-paths.js';
import { looksLikeUrlOrHostname } from '../format/query-kind.js';
import {
  currentLocation,
  navigate,
  useLocation,
  useNavigationEffect,
  withQuery,
} from '../router/router.js';
import { HomeSummary } from './home-summary.js';
import { SearchResults } from './search-results.js';
import { useSearch } from './use-search.js';
import './home.css';

const EXAMPLES = ['https://bugs.python.org/issue1', 'docs.python.org', 'pypi', 'Ee Durbin'];

function resultLinks(container: HTMLElement | null): HTMLAnchorElement[] {
  return container ? [...container.querySelectorAll<HTMLAnchorElement>('a.hit-link')] : [];
}

export function HomePage(): JSX.Element {
  usePageTitle('');
  const location = useLocation();
  const [text, setText] = useState(() => location.query.get('q') ?? '');
  const search = useSearch(text);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);

  // Back and Forward bring the text of that moment back.
  useNavigationEffect(
    useCallback((how) => {
      if (how === 'pop') setText(new URLSearchParams(window.location.search).get('q') ?? '');
    }, []),
  );

  // Keep the text in the URL (replacing the entry) so that reload and Back show the same results.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      navigate(withQuery(location, { q: text.trim() || undefined }), { replace: true });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [text]);

  const submit = (event: Event) => {
    event.preventDefault();
    const q = text.trim();
    if (q === '') return;
    // Remember the text in this history entry, so that Back comes back to these results.
    navigate(withQuery(currentLocation(), { q }), { replace: true });
    const first = search.query === q ? search.groups[0]?.hits[0] : undefined;
    if (looksLikeUrlOrHostname(q) || !first) navigate(`/who?q=${encodeURIComponent(q)}`);
    else navigate(entityPath(first.kind, first.id));
  };

  const onInputKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      const first = resultLinks(results.current)[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape') {
      setText('');
    }
  };

  const onResultsKey = (event: KeyboardEvent) => {
    const links = resultLinks(results.current);
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.current?.focus();
      else links[Math.min(next, links.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      input.current?.focus();
    }
  };

  const q = text.trim();
  return (
    <div class="home">
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">What runs where, and whom to call</h1>
        <p class="lede">
          Paste a URL or a host name to find the service behind it and the people to contact, or
          look up any service, machine, provider, person or team.
        </p>
        <form class="search-form" role="search" onSubmit={submit}>
          <label for="search-input" class="search-label">
            Search the catalog
          </label>
          <div class="search-row">
            <input
              id="search-input"
              ref={input}
              class="search-input"
              type="search"
              value={text}
              placeholder="e.g. https://bugs.python.org/issue1"
              autocomplete="off"
              spellcheck={false}
              aria-describedby="search-hint"
              onInput={(e) => setText(e.currentTarget.value)}
              onKeyDown={onInputKey}
              autoFocus
            />
            <button type="submit" class="button primary">
              {looksLikeUrlOrHostname(q) ? 'Who to contact' : 'Go'}
            </button>
          </div>
          <p id="search-hint" class="search-hint">
            Results appear as you type; ↓ moves into them. Enter on a URL or host name shows whom to
            contact. Try{' '}
            {EXAMPLES.map((example, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <button type="button" class="link-button" onClick={() => setText(example)}>
                  {example}
                </button>
              </>
            ))}
            .
          </p>
        </form>
        <div class="search-status" role="status" aria-live="polite">
          {search.status === 'ok' && q !== ''
            ? `${search.total} result${search.total === 1 ? '' : 's'} for “${search.query}”`
            : ''}
        </div>
        <div ref={results} class="search-results" onKeyDown={onResultsKey}>
          <SearchResults state={search} />
        </div>
      </section>
      {q === '' ? <HomeSummary /> : null}
    </div>
  );
}
