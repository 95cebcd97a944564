/**
 * Where a Backstage Location points. Local targets (a relative or absolute path, `file:PATH`,
 * `file://` URLs, or a relative `url:` target inside a local file) are read; globs (`*`, `**`,
 * `?`, `{a,b}`) are expanded; http(s) and other remote targets are only reported.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type TargetKind =
  { kind: 'local'; path: string; glob: boolean } | { kind: 'remote'; url: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Classify a Location target relative to the directory of the file that declares it. */
export function classifyTarget(target: string, baseDir: string): TargetKind {
  let text = target.trim();
  if (text.startsWith('file:') && !text.startsWith('file://')) text = text.slice('file:'.length);
  else if (text.startsWith('url:')) text = text.slice('url:'.length);
  if (text.startsWith('file://')) {
    try {
      const local = fileURLToPath(text);
      return { kind: 'local', path: local, glob: isGlob(local) };
    } catch {
      return { kind: 'remote', url: text };
    }
  }
  if (SCHEME.test(text)) return { kind: 'remote', url: text };
  const local = path.resolve(baseDir, text);
  return { kind: 'local', path: local, glob: isGlob(text) };
}

export function isGlob(text: string): boolean {
  return /[*?[{]/.test(text);
}

function segmentPattern(segment: string): RegExp {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charAt(i);
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const end = segment.indexOf('}', i);
      if (end === -1) out += '\\{';
      else {
        const options = segment
          .slice(i + 1, end)
          .split(',')
          .map(escapeRegExp);
        out += `(?:${options.join('|')})`;
        i = end;
      }
    } else if (c === '[') {
      const end = segment.indexOf(']', i);
      if (end === -1) out += '\\[';
      else {
        out += `[${segment.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** The files a glob matches, sorted. `**` matches any number of directories (never node_modules). */
export async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.split(path.sep);
  const firstGlob = parts.findIndex(isGlob);
  if (firstGlob === -1) return [pattern];
  const base = parts.slice(0, firstGlob).join(path.sep) || path.sep;
  const rest = parts.slice(firstGlob);
  const out: string[] = [];
  await walk(base, rest, out);
  return [...new Set(out)].sort();
}

async function walk(dir: string, segments: readonly string[], out: string[]): Promise<void> {
  const [head, ...tail] = segments;
  if (head === undefined) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  if (head === '**') {
    await walk(dir, tail, out);
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) {
        await walk(path.join(dir, entry.name), segments, out);
      }
    }
    return;
  }
  const pattern = segmentPattern(head);
  for (const entry of entries) {
    if (!pattern.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (tail.length === 0 && entry.isFile()) out.push(full);
    else if (tail.length > 0 && entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) {
      await walk(full, tail, out);
    }
  }
}
