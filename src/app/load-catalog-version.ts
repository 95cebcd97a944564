/**
 * Use case: the catalog version answers are computed from, read whole at once. From a store, it is
 * what the server serves at start (`CatalogRuntime.open`) and what the CLI answers from a
 * database; from a catalog directory, what the CLI answers with `--catalog DIR` (no database).
 */
import path from 'node:path';
import { loadCatalog } from '../catalog/load-catalog.js';
import { CatalogIndex } from '../core/answers/catalog-index.js';
import { inputError } from '../core/errors.js';
import type { CatalogStore } from '../storage/catalog-store.js';
import type { EntityMeta } from './answer-views.js';
import { defaultSourceFor } from './catalog-source.js';
import { CatalogVersion } from './catalog-version.js';
import { loadVersion } from './catch-up.js';

export type CatalogVersionSource = { store: CatalogStore } | { catalogDir: string };

export async function loadCatalogVersion(from: CatalogVersionSource): Promise<CatalogVersion> {
  return 'store' in from ? loadVersion(from.store) : versionOfDirectory(from.catalogDir);
}

/**
 * A catalog directory as version 0, each entity with the directory's default source and its
 * file's path as given (DIR/file). An answer from a catalog with errors would silently leave out
 * what they concern (an entity, a reference): like `apply`, it is refused (`catalog.invalid`,
 * carrying the errors). Warnings do not stop it.
 */
async function versionOfDirectory(dir: string): Promise<CatalogVersion> {
  const catalog = await loadCatalog(dir);
  const errors = catalog.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    throw inputError(
      'catalog.invalid',
      `${dir} has ${errors.length} error(s); nothing is answered from an invalid catalog (fix them; "switchboard validate ${dir}" lists every finding)`,
      errors,
    );
  }
  const source = defaultSourceFor(dir);
  const meta = new Map<string, EntityMeta>();
  for (const d of catalog.entities) {
    meta.set(d.entity.id, {
      source,
      ...(d.origin ? { origin: { ...d.origin, file: path.join(dir, d.origin.file) } } : {}),
      updatedAt: '',
    });
  }
  return new CatalogVersion(CatalogIndex.build(catalog.entities.map((d) => d.entity)), 0, meta);
}
