/**
 * A small router over the History API: the path picks the page, the query string holds its state
 * (filters, sort, the search text), so that every view is a shareable URL and Back works.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface AppLocation {
  path: string;
  query: URLSearchParams;
  /** path + search, e.g. "/services?status=active". */
  href: string;
}

export interface NavigateOptions {
  replace?: boolean;
  /** A change within the page (a filter, the sort order): a new history entry, but focus and
   * scroll stay where they are. */
  inPage?: boolean;
}

/** How the location changed: `update` is a new entry made by the page itself (`inPage`). */
export type NavigationKind = 'push' | 'replace' | 'pop' | 'update';
type Listener = (how: NavigationKind) => void;
const listeners = new Set<Listener>();

/** The location right now (for callbacks that outlive a render). */
export function currentLocation(): AppLocation {
  return read();
}

function read(): AppLocation {
  const { pathname, search } = window.location;
  return { path: pathname, query: new URLSearchParams(search), href: pathname + search };
}

function notify(how: NavigationKind): void {
  for (const listener of listeners) listener(how);
}

window.addEventListener('popstate', () => notify('pop'));

export function navigate(to: string, options: NavigateOptions = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  const target = url.pathname + url.search + url.hash;
  if (target === window.location.pathname + window.location.search + window.location.hash) return;
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  notify(options.replace ? 'replace' : options.inPage ? 'update' : 'push');
}

/** The current location; re-renders on every navigation. */
export function useLocation(): AppLocation {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const listener: Listener = () => setLocation(read());
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  return location;
}

/** Calls `effect` after each navigation, with how it happened. */
export function useNavigationEffect(effect: Listener): void {
  useEffect(() => {
    listeners.add(effect);
    return () => listeners.delete(effect);
  }, [effect]);
}

/** The current query with `changes` applied (undefined or "" removes a key). */
export function withQuery(
  location: AppLocation,
  changes: Record<string, string | undefined>,
): string {
  const query = new URLSearchParams(location.query);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') query.delete(key);
    else query.set(key, value);
  }
  const search = query.toString();
  return location.path + (search ? `?${search}` : '');
}

type AnchorProps = JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

function isPlainLeftClick(event: MouseEvent): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}

/** An in-app link: a real <a href> (open in new tab works), navigating without a reload. */
export function Link({ href, onClick, ...rest }: AnchorProps): JSX.Element {
  return (
    <a
      href={href}
      onClick={(event) => {
        if (typeof onClick === 'function') onClick(event);
        if (!isPlainLeftClick(event) || rest.target === '_blank') return;
        event.preventDefault();
        navigate(href);
      }}
      {...rest}
    />
  );
}

/** Parameters when `path` matches `pattern` ("/services/:id"), otherwise null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}
