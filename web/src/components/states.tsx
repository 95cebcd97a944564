/** What the page says while loading, when there is nothing to show, and when something failed. */
import type { ComponentChildren, JSX } from 'preact';
import type { ApiError } from '../api/api-error.js';
import { Link } from '../router/router.js';

export function Loading({ label = 'Loading…' }: { label?: string }): JSX.Element {
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({
  title,
  children,
}: {
  title: string;
  children?: ComponentChildren;
}): JSX.Element {
  return (
    <div class="state state-empty">
      <p class="state-title">{title}</p>
      {children ? <div class="state-body">{children}</div> : null}
    </div>
  );
}

function advice(error: ApiError): ComponentChildren {
  switch (error.kind) {
    case 'network':
      return (
        <>
          Check that the server is running (<code>npm start</code>, or{' '}
          <code>switchboard serve</code>) and try again.
        </>
      );
    case 'not-found':
      return (
        <>
          It may have been renamed or removed from the catalog. <Link href="/">Search</Link> for it
          instead.
        </>
      );
    case 'server':
      return (
        <>The server logged the problem. Try again in a moment; if it persists, tell the admins.</>
      );
    default:
      return (
        <>
          Check the address, or start again from the <Link href="/">search page</Link>.
        </>
      );
  }
}

const TITLES: Record<ApiError['kind'], string> = {
  network: 'Cannot reach the Switchboard server',
  'not-found': 'Not found',
  'bad-request': 'The request was not understood',
  server: 'The server ran into a problem',
  unexpected: 'Something went wrong',
};

export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: ApiError;
  title?: string;
  onRetry?: () => void;
}): JSX.Element {
  return (
    <div class={`state state-error error-${error.kind}`} role="alert">
      <p class="state-title">{title ?? TITLES[error.kind]}</p>
      <p>{error.message}</p>
      <p class="state-body">{advice(error)}</p>
      {onRetry && error.kind !== 'not-found' ? (
        <button type="button" class="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
