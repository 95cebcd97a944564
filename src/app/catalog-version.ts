/**
 * One published catalog version: the index every answer is computed from, the version number it
 * reflects and where each entity comes from. Immutable once published: a later version is another
 * CatalogVersion with another index (entity objects that did not change are shared between them),
 * so whoever holds one may yield to the event loop and keep reading it.
 */
import type { CatalogIndex } from '../core/answers/catalog-index.js';
import type { CatalogView, EntityMeta } from './answer-views.js';

export class CatalogVersion implements CatalogView {
  constructor(
    readonly index: CatalogIndex,
    readonly version: number,
    private readonly meta: ReadonlyMap<string, EntityMeta>,
  ) {}

  /** Where an entity comes from: its source and the file and line that declare it. */
  metaOf(id: string): EntityMeta | undefined {
    return this.meta.get(id);
  }

  /** Every entity's meta, for building the next version. */
  metaEntries(): IterableIterator<[string, EntityMeta]> {
    return this.meta.entries();
  }

  /** An ETag for responses that depend on the whole catalog: it names this version. */
  etag(suffix = ''): string {
    return `W/"v${this.version}${suffix}"`;
  }
}
