/**
 * The security headers of every response, defined once: the web UI's pages, the API, the
 * overview page, errors and 404s. Every answer gets `nosniff`, a referrer policy and a
 * Content-Security-Policy; HTML answers get the policy meant for them, which forbids framing by
 * other sites (`frame-ancestors`, which a `<meta>` CSP cannot set).
 */
import type { MiddlewareHandler } from 'hono';
import { OVERVIEW_PAGE_CSP } from '../core/answers/overview/render-html.js';

const policy = (directives: readonly string[]) => directives.join('; ');

/** The web UI: its own scripts and styles only, never framed. */
export const WEB_UI_CSP = policy([
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The overview page is shown in a sandboxed same-origin frame.
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
]);

/**
 * The generated overview in HTML: the page's own policy (inert: no scripts, nothing loaded, only
 * its inline `<style>`), framed only by the web UI of the same server, which shows it in a
 * sandboxed frame.
 */
export const OVERVIEW_HTML_CSP = `${OVERVIEW_PAGE_CSP}; frame-ancestors 'self'`;

/** JSON, text and error answers: nothing in them may load or run, and nothing may frame them. */
export const DATA_CSP = policy(["default-src 'none'", "frame-ancestors 'none'"]);

/** Sent with every response. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The headers of an HTML page of the web UI. */
export const WEB_UI_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_SECURITY_HEADERS,
  'content-security-policy': WEB_UI_CSP,
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** The headers of HTML the API generates from the catalog (the overview page). */
export const OVERVIEW_HTML_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_SECURITY_HEADERS,
  'content-security-policy': OVERVIEW_HTML_CSP,
  'x-frame-options': 'SAMEORIGIN',
};

/** Set `headers` on `response`, keeping any a route already chose. */
export function addHeaders(response: Response, headers: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
}

/** The headers for an answer to `path` of media type `contentType`. */
export function securityHeadersFor(
  path: string,
  contentType: string,
): Readonly<Record<string, string>> {
  if (!/^text\/html\b/i.test(contentType))
    return { ...COMMON_SECURITY_HEADERS, 'content-security-policy': DATA_CSP };
  // The only HTML under /api is generated from catalog text (the overview): inert.
  return /^\/api(\/|$)/.test(path) ? OVERVIEW_HTML_HEADERS : WEB_UI_HEADERS;
}

/**
 * Middleware for the whole app: after the route (or the error and not-found handlers) answered,
 * add the headers its path and media type call for, keeping any the route set itself.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // A 304 updates the headers of the cached answer: it must not swap that answer's policy.
    if (c.res.status === 304) addHeaders(c.res, COMMON_SECURITY_HEADERS);
    else addHeaders(c.res, securityHeadersFor(c.req.path, c.res.headers.get('content-type') ?? ''));
  };
}
