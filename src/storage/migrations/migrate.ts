/**
 * Versioned migrations, run at start (CatalogStore.migrate). To add a table — monitors,
 * schedules, DNS records with runtime state, users — add `NNN-name.ts` exporting a function of
 * ColumnTypes and list it below under the next number; never edit a migration that has shipped.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { SwitchboardError } from '../../core/errors.js';
import { initialMigration } from './001-initial.js';
import type { ColumnTypes } from './column-types.js';

export function catalogMigrations(types: ColumnTypes): Record<string, Migration> {
  return {
    '001-initial': initialMigration(types),
  };
}

class InCodeMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}

  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(this.migrations);
  }
}

/**
 * Bring the schema to the newest migration; a no-op when it is already there. On PostgreSQL pass
 * the schema the tables live in: Kysely otherwise looks for its bookkeeping tables in every schema
 * and is fooled by another Switchboard schema in the same database.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  types: ColumnTypes,
  schema?: string,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new InCodeMigrationProvider(catalogMigrations(types)),
    migrationTableName: 'switchboard_migration',
    migrationLockTableName: 'switchboard_migration_lock',
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    const cause = error instanceof Error ? error : new Error(JSON.stringify(error));
    if (failed === undefined) throw cause; // not a migration: the database is unreachable, say
    const reason = cause.message;
    throw new SwitchboardError(
      'unavailable',
      'storage.migration_failed',
      `could not migrate the database (${failed}): ${reason}`,
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
