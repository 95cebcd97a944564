import { describe, expect, it } from 'vitest';
import { clientErrorAnswer, clientErrorResponse } from './client-error.js';

describe('clientErrorAnswer', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'request.headers_too_large'],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 413, 'request.chunk_extensions_too_large'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'request.timeout'],
    ['HPE_INVALID_METHOD', 400, 'request.malformed'],
    [undefined, 400, 'request.malformed'],
  ])('%s → %i %s', (errorCode, status, code) => {
    expect(clientErrorAnswer(errorCode)).toMatchObject({ status, code });
  });

  it('names the limit the server has', () => {
    expect(clientErrorAnswer('HPE_HEADER_OVERFLOW', 8192).detail).toContain('8 KiB');
    expect(clientErrorAnswer('HPE_HEADER_OVERFLOW', 10_000).detail).toContain('10000 bytes');
  });
});

describe('clientErrorResponse', () => {
  it('is one HTTP/1.1 message whose Content-Length is its body', () => {
    const text = clientErrorResponse(clientErrorAnswer('ERR_HTTP_REQUEST_TIMEOUT'));
    const [head = '', body = ''] = text.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(head).toContain(`content-length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toMatchObject({ status: 408, code: 'request.timeout' });
  });
});
