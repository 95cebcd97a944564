/**
 * Requests that Node's HTTP parser refuses before any route sees them — a request line and
 * header fields over the header size limit, malformed HTTP, a request that took too long to
 * arrive — answered like every other error: an RFC 9457 problem+json body with a stable code
 * and the security headers, then the connection is closed. Node's own answers to these are a
 * bare status line.
 */
import { STATUS_CODES, maxHeaderSize } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Problem } from '../app/contract/problem.contract.js';
import { COMMON_SECURITY_HEADERS, DATA_CSP } from './security-headers.js';

export interface ClientErrorAnswer {
  status: number;
  title: string;
  code: string;
  detail: string;
}

/** How `bytes` reads in a message: "16 KiB" for a whole number of KiB, else bytes. */
function describeSize(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/**
 * What to answer to a request Node's parser refused with `errorCode`, given the server's
 * header size limit (`http.maxHeaderSize` unless the server set its own).
 */
export function clientErrorAnswer(
  errorCode: string | undefined,
  headerLimit: number = maxHeaderSize,
): ClientErrorAnswer {
  switch (errorCode) {
    case 'HPE_HEADER_OVERFLOW':
      // Node counts the request line (the URL with its query string) with the header fields,
      // so a long URL lands here too: there is no separate 414.
      return {
        status: 431,
        title: 'Request header fields too large',
        code: 'request.headers_too_large',
        detail:
          `The request line (the URL with its query string) and the header fields together exceed ` +
          `the server's limit of ${describeSize(headerLimit)}. Send fewer or shorter query ` +
          `parameters or headers (large cookies count too), or make several smaller requests.`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        title: 'Content too large',
        code: 'request.chunk_extensions_too_large',
        detail: 'The chunk extensions of the request body are too large.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        title: 'Request timeout',
        code: 'request.timeout',
        detail:
          'The request did not arrive in full within the time the server allows; send it again.',
      };
    default:
      return {
        status: 400,
        title: 'Bad request',
        code: 'request.malformed',
        detail: 'The request is not well-formed HTTP/1.1; the server could not read it.',
      };
  }
}

/** The whole HTTP/1.1 response for `answer`: status line, headers and problem+json body. */
export function clientErrorResponse(answer: ClientErrorAnswer): string {
  const problem: Problem = {
    type: `urn:switchboard:problem:${answer.code}`,
    title: answer.title,
    status: answer.status,
    detail: answer.detail,
    code: answer.code,
  };
  const body = JSON.stringify(problem);
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
    ...COMMON_SECURITY_HEADERS,
    'content-security-policy': DATA_CSP,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? answer.title}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** How long an answered socket is kept open for the client to read the answer and close. */
const ANSWERED_SOCKET_TIMEOUT_MS = 5_000;

interface ClientError extends Error {
  code?: string;
}

/** The response a socket is sending (Node keeps it there); it must not be interleaved. */
function responseInFlight(socket: Duplex): boolean {
  const message = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return message?.headersSent === true;
}

/** Sockets already answered: the rest of a refused request may still arrive and fail again. */
const answered = new WeakSet<Duplex>();

/**
 * A listener for the server's 'clientError' event. A socket that was reset, cannot be written
 * or is already sending a response is destroyed, as Node does; otherwise it gets the problem
 * answer and is closed once that is sent (closing at once could reset the connection before the
 * client has read the answer, while it is still sending the refused request).
 */
export function answerClientError(error: ClientError, socket: Duplex): void {
  if (answered.has(socket)) return;
  if (error.code === 'ECONNRESET' || !socket.writable || responseInFlight(socket)) {
    socket.destroy();
    return;
  }
  answered.add(socket);
  socket.end(clientErrorResponse(clientErrorAnswer(error.code)));
  // A client that neither reads the answer nor closes is not waited for long.
  if (socket instanceof Socket)
    socket.setTimeout(ANSWERED_SOCKET_TIMEOUT_MS, () => socket.destroy());
}
