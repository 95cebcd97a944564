/**
 * Use case: the catalog a server starts with. `--catalog DIR` is applied at start; otherwise an
 * empty database is loaded with the bundled PSF catalog (unless the caller turns that off). The
 * runtime then catches up with what was written.
 */
import { fileURLToPath } from 'node:url';
import { SwitchboardError } from '../core/errors.js';
import { formatFinding } from '../core/finding.js';
import { applyCatalog } from './apply-catalog.js';
import type { CatalogRuntime } from './catalog-runtime.js';
import { BUNDLED_SOURCE, defaultSourceFor } from './catalog-source.js';

export const BUNDLED_CATALOG_DIR = fileURLToPath(new URL('../../catalog/psf', import.meta.url));

export interface InitialCatalogOptions {
  /** A catalog directory to apply at start. */
  catalogDir?: string;
  /** Load the bundled PSF catalog into an empty database (default true). */
  loadBundledWhenEmpty?: boolean;
}

/** Apply the start-up catalog, if any, logging what it did (or the errors that stopped it). */
export async function loadInitialCatalog(
  runtime: CatalogRuntime,
  options: InitialCatalogOptions,
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
