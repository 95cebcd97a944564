import { describe, expect, it } from 'vitest';
import { ApiError, onApiFailure } from './api-error.js';

function reported(error: unknown): ApiError[] {
  const seen: ApiError[] = [];
  onApiFailure('list', (e) => seen.push(e))(error);
  return seen;
}

describe('onApiFailure', () => {
  it('ignores an aborted request', () => {
    expect(reported(new DOMException('stopped', 'AbortError'))).toEqual([]);
  });

  it('passes an ApiError on as it is', () => {
    const error = new ApiError('not-found', 404, 'entity.not_found', 'No such entity.');
    expect(reported(error)).toEqual([error]);
  });

  it('reports any other failure as an answer that could not be read', () => {
    const [error] = reported(new SyntaxError('Unexpected token < in JSON'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      kind: 'unexpected',
      status: 0,
      code: 'unexpected',
      message: 'The list could not be read.',
    });
  });
});
