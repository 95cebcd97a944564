/**
 * The one place where errors become HTTP responses: application/problem+json (RFC 9457) with a
 * stable `code`, a useful `detail`, and never a stack trace, a server path or more than
 * MAX_LISTED_PROBLEMS problems.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '../app/contract/problem.contract.js';
import { SwitchboardError, type ErrorKind } from '../core/errors.js';
import type { Finding } from '../core/finding.js';

/** An error answer lists at most this many problems and counts the rest. */
export const MAX_LISTED_PROBLEMS = 10;

/** `messages` joined for a `detail`: the first MAX_LISTED_PROBLEMS, then how many more. */
export function listProblems(messages: readonly string[]): string {
  const listed = messages.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const more = messages.length - MAX_LISTED_PROBLEMS;
  return more > 0 ? `${listed}; and ${more} more (${messages.length} in all)` : listed;
}

/** A value quoted in a message, shortened so that one long value cannot swell the answer. */
export function quoted(value: string, max = 60): string {
  return `"${value.length > max ? `${value.slice(0, max)}…` : value}"`;
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
  421: 'Misdirected request',
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
    ...(errors && errors.length > 0 ? { errors: errors.slice(0, MAX_LISTED_PROBLEMS) } : {}),
    ...(errors && errors.length > MAX_LISTED_PROBLEMS ? { errorsTotal: errors.length } : {}),
  };
  return c.body(JSON.stringify(body), status, {
    'content-type': 'application/problem+json; charset=utf-8',
  });
}

/**
 * What an HTTP client is told of the storage failures whose messages name the database file or
 * server: the server's log shows those, a public answer must not.
 */
const STORAGE_DETAILS: Readonly<Record<string, string>> = {
  'storage.disk_full': 'The database has no disk space left; nothing was written.',
  'storage.read_only': 'The database cannot be written; nothing was written.',
  'storage.unavailable': 'The database cannot be opened or reached.',
};

/** Map any thrown value to a problem response; unexpected errors are logged, not shown. */
export function errorToProblem(c: Context, error: unknown, log: (line: string) => void): Response {
  const storageDetail = error instanceof SwitchboardError ? STORAGE_DETAILS[error.code] : undefined;
  if (error instanceof SwitchboardError && storageDetail !== undefined) {
    log(`${c.req.method} ${c.req.path}: ${error.message} [${error.code}]`);
    return problemResponse(
      c,
      STATUS[error.kind],
      error.code,
      `${storageDetail} The server's log names the database and what to do.`,
    );
  }
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
