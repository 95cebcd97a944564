/** Naming the source that owns a catalog directory's entities. */
import path from 'node:path';

/**
 * The default source name of a catalog directory: "dir:" and its path relative to the current
 * directory (or absolute when outside it), with forward slashes. `--source` overrides it.
 */
export function defaultSourceFor(dir: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, dir);
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' ? '.' : relative.startsWith('..') ? absolute : relative;
  return `dir:${shown.split(path.sep).join('/')}`;
}

export const BUNDLED_SOURCE = 'bundled:psf';

/**
 * A source name as public answers show it: a directory outside the current directory is stored
 * with its absolute path (`dir:/srv/catalogs/psf`), which would tell every reader where the
 * server's files are; it is shown by its last segment (`dir:psf`). Other names are shown as they
 * are.
 */
export function publicSourceName(source: string): string {
  const absolute = /^dir:(?:\/|[A-Za-z]:\/)(.*)$/.exec(source);
  if (!absolute) return source;
  const last = (absolute[1] ?? '')
    .split('/')
    .filter((part) => part !== '')
    .pop();
  return `dir:${last ?? '.'}`;
}
