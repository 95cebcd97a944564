/**
 * Database failures a user can act on, as SwitchboardErrors that name the cause, the database and
 * what to do: a full disk (`storage.disk_full`) and a database that cannot be written
 * (`storage.read_only`). Both dialects classify their own errors (classifyError); the wording is
 * here, once.
 */
import { SwitchboardError } from '../core/errors.js';

export type ActionableFailure = 'disk_full' | 'read_only';

export interface FailedDatabase {
  dialect: 'sqlite' | 'postgres';
  /** The SQLite file (absolute) or the PostgreSQL server and database, without credentials. */
  location: string;
}

function causeOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The error for `failure` of `database`. `during` says what failed ("the apply", "opening the
 * database"); `unchanged` says whether the catalog is known to be untouched.
 */
export function storageFailureError(
  failure: ActionableFailure,
  database: FailedDatabase,
  error: unknown,
  during: string,
): SwitchboardError {
  const sqlite = database.dialect === 'sqlite';
  const where = sqlite
    ? `the SQLite database ${database.location}`
    : `the PostgreSQL database ${database.location}`;
  const cause = causeOf(error);
  if (failure === 'disk_full') {
    const what = sqlite
      ? `the disk that holds ${database.location} is full`
      : `the PostgreSQL server of ${database.location} has no disk space left`;
    const todo = sqlite
      ? 'free space on that disk (or move the database to a larger one with --database / DATABASE_URL)'
      : 'free disk space on the database server (ask its administrator)';
    return new SwitchboardError(
      'unavailable',
      'storage.disk_full',
      `${during} failed: ${what} (${cause}); nothing was written and the catalog is unchanged. To fix: ${todo}, then try again.`,
    );
  }
  const todo = sqlite
    ? `make ${database.location} and its folder writable by this user (check the file mode, "chattr -i", and whether the file system is mounted read-only), or point --database / DATABASE_URL at a writable copy`
    : 'connect as a user that may write, or to the primary server rather than a read-only standby, and make sure default_transaction_read_only is off for it';
  return new SwitchboardError(
    'unavailable',
    'storage.read_only',
    `${during} failed: ${where} cannot be written (${cause}); nothing was written and the catalog is unchanged. To fix: ${todo}, then try again.`,
  );
}
