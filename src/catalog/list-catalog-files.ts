/**
 * Every `.yaml`/`.yml` file under a catalog directory, in a stable order. Dot-folders and
 * node_modules are skipped; symbolic links are followed, each real folder visited once. A folder
 * that cannot be read is listed in `unreadable` rather than failing the walk.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

const CATALOG_FILE = /\.ya?ml$/i;

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export interface CatalogFileList {
  files: string[];
  unreadable: { path: string; reason: string }[];
}

export async function listCatalogFiles(root: string): Promise<CatalogFileList> {
  const files: string[] = [];
  const unreadable: CatalogFileList['unreadable'] = [];
  const seen = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      const real = await realpath(dir);
      if (seen.has(real)) continue;
      seen.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, reason: (error as NodeJS.ErrnoException).code ?? 'error' });
      continue;
    }
    for (const entry of entries) {
      if (skipped(entry.name)) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir) pending.push(path);
      else if (isFile && CATALOG_FILE.test(entry.name)) files.push(path);
    }
  }
  return { files: files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), unreadable };
}
