/**
 * The one place where errors become HTTP responses: application/problem+json (RFC 9457) with a
 * stable `code`, a useful `detail`, and never a stack trace.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SwitchboardError, type ErrorKind } from '../core/errors.js';
import type { Finding } from '../core/finding.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: readonly Finding[];
}

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  input: 400,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  detail: string,
  errors?: readonly Finding[],
): Response {
  const body: Problem = {
    type: `urn:switchboard:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: new URL(c.req.url).pathname,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return c.body(JSON.stringify(body), status, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}

/** Map any thrown value to a problem response; unexpected errors are logged, not shown. */
export function errorToProblem(c: Context, error: unknown, log: (line: string) => void): Response {
  if (error instanceof SwitchboardError) {
    return problemResponse(c, STATUS[error.kind], error.code, error.message, error.findings);
  }
  log(
    `unexpected error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return problemResponse(
    c,
    500,
    'internal',
    'Something went wrong on the server; it has been logged.',
  );
}
