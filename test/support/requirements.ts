/**
 * Suites that need something a machine may lack (PostgreSQL, Chromium, Sphinx, root) skip when it
 * is missing, and say so loudly. Under `CI=true` a skip would hide a broken setup behind a green
 * run, so there the suite fails instead, naming what is missing and how to get it.
 */

/** Whether `what` is here; when not, warns and returns false, or throws under CI=true. */
export function available(what: string, present: boolean, howToGet: string): boolean {
  if (present) return true;
  if (process.env.CI === 'true') {
    throw new Error(`${what} is missing, and CI=true does not allow skipping: ${howToGet}`);
  }
  console.warn(`\n*** SKIPPED: ${what} is missing (${howToGet}) ***\n`);
  return false;
}

/** The PostgreSQL server the tests may use (TEST_DATABASE_URL), or undefined: see `available`. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  const present = url !== undefined && url !== '';
  return available(
    'PostgreSQL for tests (TEST_DATABASE_URL)',
    present,
    'set TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test',
  )
    ? url
    : undefined;
}
