/**
 * Use case: the catalog a server serves. It opens the database and loads the version it holds,
 * applies the start-up catalog (`--catalog DIR`; otherwise the bundled PSF catalog into an empty
 * database, unless the caller turns that off), catches up with what that wrote, and follows writes
 * made by other processes.
 */
import { fileURLToPath } from 'node:url';
import { SwitchboardError } from '../core/errors.js';
import { formatFinding } from '../core/finding.js';
import { describeDatabaseUrl, openStore } from '../storage/open-store.js';
import { applyCatalog } from './apply-catalog.js';
import { CatalogRuntime } from './catalog-runtime.js';
import { BUNDLED_SOURCE, defaultSourceFor } from './catalog-source.js';

export const BUNDLED_CATALOG_DIR = fileURLToPath(new URL('../../catalog/psf', import.meta.url));

export interface ServedCatalogOptions {
  /** The database URL; DATABASE_URL or the default SQLite file when absent. */
  databaseUrl?: string;
  /** A catalog directory to apply at start. */
  catalogDir?: string;
  /** Load the bundled PSF catalog into an empty database (default true). */
  loadBundledWhenEmpty?: boolean;
}

export interface ServedCatalog {
  runtime: CatalogRuntime;
  /** The database for the log, without its password. */
  database: string;
}

export async function openServedCatalog(
  options: ServedCatalogOptions,
  log: (line: string) => void,
): Promise<ServedCatalog> {
  const store = await openStore(options.databaseUrl);
  const runtime = await CatalogRuntime.open(store).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  try {
    await loadInitialCatalog(runtime, options, log);
    await runtime.watch((error) => log(`could not follow catalog changes: ${String(error)}`));
  } catch (error) {
    await runtime.close();
    throw error;
  }
  return {
    runtime,
    database: describeDatabaseUrl(options.databaseUrl ?? process.env.DATABASE_URL),
  };
}

/** Apply the start-up catalog, if any, logging what it did (or the errors that stopped it). */
async function loadInitialCatalog(
  runtime: CatalogRuntime,
  options: ServedCatalogOptions,
  log: (line: string) => void,
): Promise<void> {
  const store = runtime.store;
  let dir: string | undefined;
  let source: string;
  if (options.catalogDir !== undefined) {
    dir = options.catalogDir;
    source = defaultSourceFor(dir);
  } else if (options.loadBundledWhenEmpty !== false && (await store.count()) === 0) {
    dir = BUNDLED_CATALOG_DIR;
    source = BUNDLED_SOURCE;
  } else {
    return;
  }
  try {
    const outcome = await applyCatalog(store, dir, { source, author: 'switchboard serve' });
    const r = outcome.result;
    log(
      r
        ? `Applied ${dir} as ${source}: ${r.created} created, ${r.updated} updated, ${r.deleted} deleted.`
        : `Catalog ${dir} is already up to date.`,
    );
  } catch (error) {
    if (error instanceof SwitchboardError) {
      for (const finding of error.findings) {
        if (finding.severity === 'error') log(formatFinding(finding));
      }
    }
    throw error;
  }
  await runtime.refresh();
}
