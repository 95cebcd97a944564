/**
 * Requests Node's HTTP parser refuses before any route sees them (over the 16 KiB limit for the
 * request line and headers, malformed HTTP) are answered like every other error: problem+json
 * with a code and the security headers. The real server, on a random loopback port.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start-server.js';
import { fixture } from './support/run-cli.js';
import { checkedFetch, fetchOutsideDocument, startTestServer } from './support/test-server.js';

interface RawAnswer {
  statusLine: string;
  headers: Map<string, string>;
  body: string;
}

/** Send `chunks` one after another on a fresh connection and read until the server closes it. */
function rawExchange(server: RunningServer, chunks: string[]): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => (received += data));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('timed out')));
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
        }),
      );
      resolve({ statusLine, headers, body });
    });
    socket.on('connect', () => {
      const writeNext = (i: number) => {
        if (i >= chunks.length || socket.destroyed) return;
        socket.write(chunks[i] ?? '', () => setImmediate(() => writeNext(i + 1)));
      };
      writeNext(0);
    });
  });
}

function expectSecurityHeaders(get: (name: string) => string | null | undefined) {
  expect(get('x-content-type-options')).toBe('nosniff');
  expect(get('referrer-policy')).toBe('no-referrer');
  expect(get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
}

describe('requests the HTTP parser refuses', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ catalogDir: fixture('cli/small-catalog') });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a 20 KB query string with 431 problem+json saying the limit and what to do', async () => {
    const query = Array.from({ length: 1000 }, (_, i) => `tag=t${i}xxxxxxxxxxxx`).join('&');
    expect(query.length).toBeGreaterThan(20_000);
    const res = await fetchOutsideDocument(server, `/api/v1/entities?${query}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expectSecurityHeaders((name) => res.headers.get(name));
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      type: 'urn:switchboard:problem:request.headers_too_large',
      status: 431,
      code: 'request.headers_too_large',
    });
    expect(problem.detail).toContain('16 KiB');
    expect(problem.detail).toContain('fewer or shorter query parameters');
  });

  it('answers oversized headers sent in pieces in full before closing', async () => {
    const cookie = `session=${'c'.repeat(20_000)}`;
    const answer = await rawExchange(server, [
      'GET /api/v1/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      `Cookie: ${cookie.slice(0, 10_000)}`,
      `${cookie.slice(10_000)}\r\n\r\n`,
    ]);
    expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(answer.headers.get('connection')).toBe('close');
    expectSecurityHeaders((name) => answer.headers.get(name));
    expect(Buffer.byteLength(answer.body)).toBe(Number(answer.headers.get('content-length')));
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'request.headers_too_large' });
  });

  it('answers an oversized request after a good one on the same keep-alive connection', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let text = '';
      let sent = false;
      socket.setEncoding('utf8');
      socket.setTimeout(10_000, () => socket.destroy(new Error('timed out')));
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
      socket.on('data', (data: string) => {
        text += data;
        // Once the whole first answer has arrived, send a second request over the limit.
        if (!sent && text.endsWith('{"status":"ok"}')) {
          sent = true;
          socket.write(`GET /healthz?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        }
      });
      socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    });
    expect(received.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 431']);
    expect(received).toContain('"code":"request.headers_too_large"');
  });

  it('answers malformed HTTP with 400 problem+json', async () => {
    const answer = await rawExchange(server, [
      'GET /api/v1/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nNot a header line\r\n\r\n',
    ]);
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(answer.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expectSecurityHeaders((name) => answer.headers.get(name));
    expect(JSON.parse(answer.body)).toMatchObject({ status: 400, code: 'request.malformed' });
  });

  it('keeps answering other requests', async () => {
    const res = await checkedFetch(server, '/healthz');
    expect(res.status).toBe(200);
  });
});
