import { openStore } from '../storage/open-store.js';
import type { CatalogStore } from '../storage/catalog-store.js';

/** Open the database (--database, else DATABASE_URL, else ./data/switchboard.db), run, close. */
export async function withStore<T>(
  url: string | undefined,
  run: (store: CatalogStore) => Promise<T>,
): Promise<T> {
  const store = await openStore(url);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
