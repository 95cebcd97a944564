/** Stable exit codes of every switchboard command (documented in docs/cli.md). */
import { SwitchboardError } from '../core/errors.js';

export const EXIT = {
  ok: 0,
  /** The command ran and found errors (invalid catalog, conflict, not found...). */
  failure: 1,
  /** The command was called wrongly (unknown option, missing argument, bad value). */
  usage: 2,
  /** Something outside the input failed: the database is unreachable, a file cannot be written. */
  unavailable: 3,
} as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof SwitchboardError) {
    return error.kind === 'unavailable' ? EXIT.unavailable : EXIT.failure;
  }
  return EXIT.unavailable;
}
