/** Running one raw statement of a dialect's bulk-write SQL inside an apply's transaction. */
import { CompiledQuery } from 'kysely';
import type { CatalogTransaction } from './dialect-adapter.js';

/** Run `text` with its bound `parameters`; resolves to the number of rows it changed. */
export async function runStatement(
  trx: CatalogTransaction,
  text: string,
  parameters: unknown[],
): Promise<number> {
  const result = await trx.executeQuery(CompiledQuery.raw(text, parameters));
  return Number(result.numAffectedRows ?? 0n);
}
