/** What went wrong talking to the API, with a sentence for people and a stable code for code. */
import type { Problem } from './api-types.js';

export type ApiErrorKind = 'network' | 'not-found' | 'bad-request' | 'server' | 'unexpected';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function kindOf(status: number): ApiErrorKind {
  if (status === 404) return 'not-found';
  if (status >= 400 && status < 500) return 'bad-request';
  if (status >= 500) return 'server';
  return 'unexpected';
}

export function networkError(): ApiError {
  return new ApiError(
    'network',
    0,
    'network',
    'The Switchboard server did not answer. It may be stopped or restarting.',
  );
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json')) problem = (await response.json()) as Problem;
  } catch {
    problem = {};
  }
  const detail =
    typeof problem.detail === 'string' && problem.detail.length > 0
      ? problem.detail
      : `The server answered ${response.status} ${response.statusText}.`;
  const code = typeof problem.code === 'string' ? problem.code : `http.${response.status}`;
  // A route this server does not have is a version mismatch, not a missing entity.
  const kind = code === 'route.not_found' ? 'server' : kindOf(response.status);
  return new ApiError(kind, response.status, code, detail);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The rejection handler of a request made for the page: an abort (the page moved on) is ignored;
 * any other failure reaches `report` as an ApiError, one that is not (an answer that could not be
 * read) as "The <what> could not be read.".
 */
export function onApiFailure(
  what: string,
  report: (error: ApiError) => void,
): (error: unknown) => void {
  return (error) => {
    if (isAbort(error)) return;
    report(
      error instanceof ApiError
        ? error
        : new ApiError('unexpected', 0, 'unexpected', `The ${what} could not be read.`),
    );
  };
}
