/**
 * Every `.yaml`/`.yml` file under a catalog directory, in a stable order. Dot-folders and
 * node_modules are skipped; symbolic links are followed, each real folder visited once.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

const CATALOG_FILE = /\.ya?ml$/i;

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export async function listCatalogFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const real = await realpath(dir);
    if (seen.has(real)) continue;
    seen.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
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
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
