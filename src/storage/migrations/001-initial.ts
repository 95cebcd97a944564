/**
 * 001: the catalog — entities, the applies that wrote them, one change record per entity written,
 * and the catalog version.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export function initialMigration(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('entities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('body', types.json, (c) => c.notNull())
        .addColumn('origin_file', 'text')
        .addColumn('origin_line', 'integer')
        .addColumn('created_at', types.timestamp, (c) => c.notNull())
        .addColumn('updated_at', types.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('entities_kind_idx').on('entities').column('kind').execute();
      await db.schema.createIndex('entities_source_idx').on('entities').column('source').execute();

      await db.schema
        .createTable('applies')
        .addColumn('id', 'integer', (c) => types.autoIncrementKey(c))
        .addColumn('at', types.timestamp, (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created', 'integer', (c) => c.notNull())
        .addColumn('updated', 'integer', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addColumn('moved', 'integer', (c) => c.notNull())
        .addColumn('version', types.bigInteger, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('changes')
        .addColumn('seq', types.bigInteger, (c) => c.primaryKey())
        .addColumn('apply_id', 'integer', (c) => c.notNull().references('applies.id'))
        .addColumn('at', types.timestamp, (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('op', 'text', (c) =>
          c.notNull().check(sql`op in ('create', 'update', 'delete')`),
        )
        .addColumn('before', types.json)
        .addColumn('after', types.json)
        .execute();
      await db.schema.createIndex('changes_entity_idx').on('changes').column('entity_id').execute();
      await db.schema.createIndex('changes_apply_idx').on('changes').column('apply_id').execute();

      await db.schema
        .createTable('catalog_meta')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('version', types.bigInteger, (c) => c.notNull())
        .execute();
      await sql`insert into catalog_meta (id, version) values (1, 0)`.execute(db);
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['catalog_meta', 'changes', 'applies', 'entities']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
