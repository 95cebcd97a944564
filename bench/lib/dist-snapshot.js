/**
 * The compiled code a run measures. Others rebuild `dist/` while they work, so a run copies it
 * once at its start and every step imports from that copy: all sizes measure the same code.
 * Steps find the copy through BENCH_DIST (set by run.js); run by hand, they use `dist/`.
 */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Copy dist/ and bin/ under `work` (with links to node_modules, web and catalog); returns dist's path. */
export async function snapshotDist(work) {
  const root = join(work, 'switchboard');
  await cp(join(REPO, 'dist'), join(root, 'dist'), { recursive: true });
  // The CLI itself, for the whole-process times (bin/switchboard.js imports ../dist).
  await cp(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
  for (const linked of ['node_modules', 'web', 'catalog']) {
    await symlink(join(REPO, linked), join(root, linked), 'dir');
  }
  await writeFile(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  return join(root, 'dist');
}

/** A short hash of every .js file of a dist folder, to tell runs of different code apart. */
export async function distHash(dist) {
  const hash = createHash('sha256');
  const files = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.js')).sort();
  for (const f of files)
    hash.update(relative(dist, join(dist, f))).update(await readFile(join(dist, f)));
  return hash.digest('hex').slice(0, 12);
}

/** Import `path` (e.g. `app/apply-catalog.js`) from the run's dist snapshot. */
export function importDist(path) {
  const dist = process.env.BENCH_DIST ?? join(REPO, 'dist');
  return import(pathToFileURL(join(dist, path)).href);
}
