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
