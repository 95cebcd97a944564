/**
 * The CatalogStore both databases share: reads, the apply transaction and history, in Kysely.
 * What differs (column types, bulk-write SQL, change signals) comes from a DialectAdapter.
 *
 * Versioning: `catalog_meta.version` is the catalog version. An apply locks that row first, checks
 * it against the plan's expected version, gives each change the next number as its `seq`, and
 * stores the last one. An apply that only moves origins takes one number without a change row, so
 * other processes still notice it; `seq` therefore may have gaps and version >= max(seq).
 */
import { inSchemaOrder } from '../core/schema/schema-order.js';
import { sql, type Kysely } from 'kysely';
import { conflictError, inputError, SwitchboardError } from '../core/errors.js';
import { isNoop, type Plan, type StoredEntity } from '../core/plan.js';
import type { Entity, EntityKind } from '../core/schema/entity.schema.js';
import { planRows, type ApplyRows } from './apply-rows.js';
import type {
  ApplyResult,
  CatalogMetaSnapshot,
  CatalogSnapshot,
  CatalogStore,
  ChangeRecord,
  HistoryQuery,
  MetaSnapshotOptions,
  SnapshotOptions,
  StoredEntityMeta,
  WriteMeta,
} from './catalog-store.js';
import type { CatalogTables, ChangesTable, EntitiesTable } from './catalog-tables.js';
import type { CatalogTransaction, DialectAdapter, WriteContext } from './dialect-adapter.js';
import { ExternalChangeWatcher } from './external-change-watcher.js';
import { migrateToLatest } from './migrations/migrate.js';
import { storageFailureError } from './storage-errors.js';

type Reader = Kysely<CatalogTables> | CatalogTransaction;

/** A stored entity whose body is parsed from its text when first read. */
class LazyStoredEntity implements StoredEntity {
  readonly source: string;
  readonly origin?: StoredEntity['origin'];
  readonly updatedAt: string;
  private parsed: Entity | undefined;

  constructor(
    readonly bodyText: string,
    private readonly parse: (text: string) => Entity,
    meta: StoredEntityMeta,
  ) {
    this.source = meta.source;
    if (meta.origin) this.origin = meta.origin;
    this.updatedAt = meta.updatedAt;
  }

  get entity(): Entity {
    this.parsed ??= this.parse(this.bodyText);
    return this.parsed;
  }
}

const ENTITY_COLUMNS = [
  'id',
  'source',
  'body',
  'origin_file',
  'origin_line',
  'updated_at',
] as const satisfies readonly (keyof EntitiesTable)[];

type EntitySelection = Pick<EntitiesTable, (typeof ENTITY_COLUMNS)[number]>;

const META_COLUMNS = [
  'id',
  'source',
  'origin_file',
  'origin_line',
  'updated_at',
] as const satisfies readonly (keyof EntitiesTable)[];
/** SQLite reads a page synchronously (it holds the event loop); PostgreSQL, a round trip. */
const DEFAULT_META_PAGE = { sqlite: 1_000, postgres: 2_000 } as const;
/** Paged reads the version moved under before loadMetaSnapshot reads in one transaction. */
const META_PAGED_ATTEMPTS = 3;

const CHANGE_COLUMNS_WITHOUT_BEFORE = [
  'seq',
  'apply_id',
  'at',
  'source',
  'author',
  'entity_id',
  'kind',
  'op',
  'after',
] as const satisfies readonly (keyof ChangesTable)[];
const CHANGE_COLUMNS = [...CHANGE_COLUMNS_WITHOUT_BEFORE, 'before'] as const;

type ChangeSelection = Omit<ChangesTable, 'before'> & { before?: unknown };

function metaOf(
  row: Pick<EntitiesTable, 'source' | 'origin_file' | 'origin_line' | 'updated_at'>,
): StoredEntityMeta {
  const meta: StoredEntityMeta = { source: row.source, updatedAt: row.updated_at };
  if (row.origin_file !== null && row.origin_line !== null) {
    meta.origin = { file: row.origin_file, line: row.origin_line };
  }
  return meta;
}

function staleError(message: string): SwitchboardError {
  return conflictError('apply.stale_plan', `${message}; nothing was written — plan again`);
}

function checkVersion(stored: number, expected: number): void {
  if (stored !== expected) {
    throw staleError(`the catalog is at version ${stored}, the plan was made at ${expected}`);
  }
}

/** Plans no database could write: for another source, or with conflicts. */
function refuseUnwritable(plan: Plan, meta: WriteMeta): void {
  if (meta.source !== plan.source) {
    throw inputError(
      'apply.source_mismatch',
      `the plan is for ${plan.source} but the write is for ${meta.source}`,
    );
  }
  const n = plan.conflicts.length;
  if (n > 0) {
    throw conflictError(
      'apply.conflict',
      `${n} entit${n === 1 ? 'y is' : 'ies are'} managed by another source; nothing was written`,
      plan.conflicts,
    );
  }
}

export class KyselyCatalogStore implements CatalogStore {
  readonly dialect: 'sqlite' | 'postgres';
  private readonly watcher: ExternalChangeWatcher;

  constructor(
    private readonly db: Kysely<CatalogTables>,
    private readonly adapter: DialectAdapter,
  ) {
    this.dialect = adapter.dialect;
    this.watcher = new ExternalChangeWatcher(
      () => this.version(),
      (signal) => adapter.watch(signal),
    );
  }

  async migrate(): Promise<void> {
    const schema = await this.adapter.currentSchema(this.db);
    await this.adapter.whileMigrating(() =>
      migrateToLatest(this.db as Kysely<unknown>, this.adapter.columnTypes, schema),
    );
  }

  loadAll(): Promise<Map<string, StoredEntity>> {
    return this.readEntities(this.db);
  }

  loadSnapshot(options: SnapshotOptions = {}): Promise<CatalogSnapshot> {
    const ordered = options.anyFieldOrder !== true;
    if (options.lazyBodies === true) {
      return this.adapter.readConsistently(this.db, async (trx) => ({
        version: await this.readVersion(trx),
        entities: await this.readLazyEntities(trx, ordered),
        sameBody: (stored, entity) =>
          stored instanceof LazyStoredEntity &&
          stored.bodyText === this.adapter.storedJsonText(entity),
      }));
    }
    return this.adapter.readConsistently(this.db, async (trx) => ({
      version: await this.readVersion(trx),
      entities: await this.readEntities(trx, ordered),
    }));
  }

  async loadMetaSnapshot(options: MetaSnapshotOptions = {}): Promise<CatalogMetaSnapshot> {
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_META_PAGE[this.dialect]));
    // Optimistic: read in pages, each its own short query, and keep the result if the version did
    // not move meanwhile (every write moves it). Writes are rare, so this nearly always holds.
    for (let attempt = 0; attempt < META_PAGED_ATTEMPTS; attempt++) {
      const version = await this.version();
      const meta = new Map<string, StoredEntityMeta>();
      let after: string | undefined;
      for (;;) {
        let select = this.db
          .selectFrom('entities')
          .select(META_COLUMNS)
          .orderBy('id')
          .limit(pageSize);
        if (after !== undefined) select = select.where('id', '>', after);
        const rows = await select.execute();
        for (const row of rows) meta.set(row.id, metaOf(row));
        after = rows[rows.length - 1]?.id;
        if (rows.length < pageSize) break;
        await options.betweenPages?.();
      }
      if ((await this.version()) === version) return { version, meta };
    }
    return this.adapter.readConsistently(this.db, async (trx) => {
      const version = await this.readVersion(trx);
      const rows = await trx.selectFrom('entities').select(META_COLUMNS).execute();
      const meta = new Map<string, StoredEntityMeta>();
      for (const row of rows) meta.set(row.id, metaOf(row));
      return { version, meta };
    });
  }

  async get(id: string): Promise<StoredEntity | undefined> {
    const row = await this.db
      .selectFrom('entities')
      .select(ENTITY_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && this.toStored(row);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('entities')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  version(): Promise<number> {
    return this.readVersion(this.db);
  }

  async applyPlan(plan: Plan, meta: WriteMeta, expectedVersion: number): Promise<ApplyResult> {
    refuseUnwritable(plan, meta);
    const counts = { created: 0, updated: 0, deleted: 0, moved: plan.moved.length };
    for (const change of plan.changes) counts[`${change.op}d` as const]++;
    if (isNoop(plan)) {
      checkVersion(await this.version(), expectedVersion);
      return { applyId: 0, ...counts, version: expectedVersion };
    }
    const rows = planRows(plan, expectedVersion + 1);
    const next = expectedVersion + Math.max(rows.changes.length, 1);
    let committed = false;
    try {
      // A controlled transaction, so that the failure that stopped the apply is what the caller
      // learns: SQLite rolls a transaction back by itself on some failures (a full disk), and the
      // ROLLBACK sent after them fails with "no transaction is active", hiding the cause.
      const trx = await this.db.startTransaction().execute();
      try {
        checkVersion(await this.lockVersion(trx), expectedVersion);
        const at = meta.at.toISOString();
        const { id } = await trx
          .insertInto('applies')
          .values({ at, source: meta.source, author: meta.author, ...counts, version: next })
          .returning('id')
          .executeTakeFirstOrThrow();
        await this.writeRows(trx, rows, {
          applyId: id,
          source: meta.source,
          author: meta.author,
          at,
        });
        await trx.updateTable('catalog_meta').set({ version: next }).where('id', '=', 1).execute();
        await this.adapter.announce(trx, next);
        this.watcher.beginOwnWrite(expectedVersion, next);
        await trx.commit().execute();
        committed = true;
        return { applyId: id, ...counts, version: next };
      } catch (error) {
        if (!trx.isCommitted && !trx.isRolledBack) {
          await trx
            .rollback()
            .execute()
            .catch(() => undefined);
        }
        throw error;
      }
    } catch (error) {
      throw this.explain(error);
    } finally {
      this.watcher.endOwnWrite(expectedVersion, next, committed);
    }
  }

  async history(query: HistoryQuery = {}): Promise<ChangeRecord[]> {
    let select = this.db
      .selectFrom('changes')
      .select(query.omitBefore === true ? CHANGE_COLUMNS_WITHOUT_BEFORE : CHANGE_COLUMNS)
      .orderBy('seq');
    if (query.entityId !== undefined) select = select.where('entity_id', '=', query.entityId);
    if (query.afterSeq !== undefined) select = select.where('seq', '>', query.afterSeq);
    if (query.upToSeq !== undefined) select = select.where('seq', '<=', query.upToSeq);
    if (query.limit !== undefined) select = select.limit(Math.max(0, Math.floor(query.limit)));
    const rows = await select.execute();
    return rows.map((row) => this.toChange(row));
  }

  onExternalChange(listener: (version: number) => void): Promise<() => Promise<void>> {
    return this.watcher.add(listener);
  }

  async close(): Promise<void> {
    await this.watcher.stop();
    await this.adapter.close();
    await this.db.destroy();
  }

  private async writeRows(trx: CatalogTransaction, rows: ApplyRows, ctx: WriteContext) {
    await this.adapter.insertEntities(trx, rows.creates, ctx);
    const updated = await this.adapter.updateEntities(trx, rows.updates, ctx);
    if (updated !== rows.updates.length) {
      throw staleError(
        `${rows.updates.length - updated} entities to update are not stored for ${ctx.source}`,
      );
    }
    const deleted = await this.adapter.deleteEntities(trx, rows.deletes, ctx);
    if (deleted !== rows.deletes.length) {
      throw staleError(
        `${rows.deletes.length - deleted} entities to delete are not stored for ${ctx.source}`,
      );
    }
    const moved = await this.adapter.moveEntities(trx, rows.moves, ctx);
    if (moved !== rows.moves.length) {
      throw staleError(
        `${rows.moves.length - moved} entities to move are not stored for ${ctx.source}`,
      );
    }
    await this.adapter.insertChanges(trx, rows.changes, ctx);
  }

  /** A database failure during an apply, as a SwitchboardError where it has a known cause. */
  private explain(error: unknown): unknown {
    if (error instanceof SwitchboardError) return error;
    const failure = this.adapter.classifyError(error);
    switch (failure) {
      case 'duplicate_key':
        return staleError('an entity to create already exists');
      case 'busy':
        return new SwitchboardError(
          'unavailable',
          'storage.busy',
          'another process held the database for too long; nothing was written — try again',
        );
      case 'disk_full':
      case 'read_only':
        return storageFailureError(failure, this.adapter, error, 'The apply');
      case 'unsupported_text':
        return inputError(
          'apply.unsupported_text',
          `the ${this.dialect} database cannot store some text in this plan (a NUL character or an unpaired surrogate); nothing was written`,
        );
      default:
        return error;
    }
  }

  /** Take the write lock on the version row (first statement of the apply) and read it. */
  private async lockVersion(trx: CatalogTransaction): Promise<number> {
    const row = await trx
      .updateTable('catalog_meta')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', 1)
      .returning('version')
      .executeTakeFirstOrThrow();
    return Number(row.version);
  }

  private async readVersion(db: Reader): Promise<number> {
    const row = await db
      .selectFrom('catalog_meta')
      .select('version')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.version);
  }

  private async readEntities(db: Reader, ordered = true): Promise<Map<string, StoredEntity>> {
    const rows = await db.selectFrom('entities').select(ENTITY_COLUMNS).execute();
    const entities = new Map<string, StoredEntity>();
    for (const row of rows) entities.set(row.id, this.toStored(row, ordered));
    return entities;
  }

  /** Bodies as text, parsed when first read (see SnapshotOptions.lazyBodies). */
  private async readLazyEntities(db: Reader, ordered: boolean): Promise<Map<string, StoredEntity>> {
    const rows = await db
      .selectFrom('entities')
      .select([
        ...META_COLUMNS,
        sql<string>`${sql.raw(this.adapter.jsonAsText('body'))}`.as('body_text'),
      ])
      .execute();
    const parse = (text: string): Entity => {
      const entity = JSON.parse(text) as Entity;
      return ordered && this.adapter.reordersJsonKeys ? inSchemaOrder(entity) : entity;
    };
    const entities = new Map<string, StoredEntity>();
    for (const row of rows) {
      entities.set(row.id, new LazyStoredEntity(row.body_text, parse, metaOf(row)));
    }
    return entities;
  }

  /** Entities come back with their fields in schema order, whatever the database did to them. */
  private entityFrom(json: unknown, ordered = true): Entity {
    const entity = this.adapter.decodeJson(json) as Entity;
    return ordered && this.adapter.reordersJsonKeys ? inSchemaOrder(entity) : entity;
  }

  private toStored(row: EntitySelection, ordered = true): StoredEntity {
    return { entity: this.entityFrom(row.body, ordered), ...metaOf(row) };
  }

  private toChange(row: ChangeSelection): ChangeRecord {
    return {
      seq: Number(row.seq),
      applyId: row.apply_id,
      at: row.at,
      source: row.source,
      author: row.author,
      entityId: row.entity_id,
      kind: row.kind as EntityKind,
      op: row.op as ChangeRecord['op'],
      before:
        row.before === null || row.before === undefined
          ? null
          : inSchemaOrder(this.adapter.decodeJson(row.before) as Entity),
      // Catching up (no `before`) wants entities as loadAll() gives them; history, schema order.
      after:
        row.after === null
          ? null
          : row.before === undefined
            ? this.entityFrom(row.after)
            : inSchemaOrder(this.adapter.decodeJson(row.after) as Entity),
    };
  }
}
