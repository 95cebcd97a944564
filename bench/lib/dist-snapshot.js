/**
 * The compiled code a run measures. Others rebuild `dist/` while they work, so a run copies it
 * once at its start and every step imports from that copy: all sizes measure the same code.
 * Steps find the copy through BENCH_DIST (set by run.js); run by hand, they use `dist/`.
 * The synthetic catalog generator is test support, not shipped in `dist/`: `npm run
 * build:support` compiles it to `dist-support/` (tsconfig.support.json), copied beside `dist/`.
 */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SUPPORT = 'dist-support';

/**
 * Copy dist/, dist-support/ and bin/ under `work` (with links to node_modules, web and catalog);
 * returns dist's path.
 */
export async function snapshotDist(work) {
  const root = join(work, 'switchboard');
  await cp(join(REPO, 'dist'), join(root, 'dist'), { recursive: true });
  await cp(join(REPO, SUPPORT), join(root, SUPPORT), { recursive: true });
  // The CLI itself, for the whole-process times (bin/switchboard.js imports ../dist).
  await cp(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
  for (const linked of ['node_modules', 'web', 'catalog']) {
    await symlink(join(REPO, linked), join(root, linked), 'dir');
  }
  await writeFile(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  return join(root, 'dist');
}

/**
 * A short hash of every .js file of a dist folder and of the generator's dist-support beside it,
 * to tell runs of different code (or of a different catalog) apart.
 */
export async function distHash(dist) {
  const hash = createHash('sha256');
  for (const folder of [dist, join(dirname(dist), SUPPORT)]) {
    const files = (await readdir(folder, { recursive: true }))
      .filter((f) => f.endsWith('.js'))
      .sort();
    for (const f of files)
      hash.update(relative(dist, join(folder, f))).update(await readFile(join(folder, f)));
  }
  return hash.digest('hex').slice(0, 12);
}

const distFolder = () => process.env.BENCH_DIST ?? join(REPO, 'dist');

/** Import `path` (e.g. `app/apply-catalog.js`) from the run's dist snapshot. */
export function importDist(path) {
  return import(pathToFileURL(join(distFolder(), path)).href);
}

/** Import a compiled test/support module (e.g. `synthetic-catalog.js`) from beside that dist. */
export function importSupport(path) {
  const file = join(dirname(distFolder()), SUPPORT, 'test', 'support', path);
  return import(pathToFileURL(file).href);
}
