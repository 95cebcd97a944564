/**
 * Errors that know nothing of HTTP or the terminal. The server maps them to problem+json status
 * codes in one place (server/problem.ts) and the CLI to exit codes (cli/exit-codes.ts).
 */
import type { Finding } from './finding.js';

export type ErrorKind = 'input' | 'not_found' | 'conflict' | 'unavailable';

export class SwitchboardError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly findings: readonly Finding[] = [],
  ) {
    super(message);
    this.name = 'SwitchboardError';
  }
}

export const inputError = (code: string, message: string, findings: readonly Finding[] = []) =>
  new SwitchboardError('input', code, message, findings);
export const notFoundError = (code: string, message: string) =>
  new SwitchboardError('not_found', code, message);
export const conflictError = (code: string, message: string, findings: readonly Finding[] = []) =>
  new SwitchboardError('conflict', code, message, findings);
