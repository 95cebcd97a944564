/** Reading input files: walking directories for YAML, and refusing oversized, binary or non-UTF-8 files. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../core/finding.js';

const SKIPPED_DIRS = new Set(['node_modules']);

/** Every .yaml/.yml file under `dir`, sorted; hidden folders and node_modules are skipped. */
export async function walkDirectory(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of [...entries].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walkDirectory(full)));
    else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) out.push(full);
  }
  return out;
}

/** The file's text, or a finding saying why it cannot be read as UTF-8 YAML text. */
export async function readTextFile(
  abs: string,
  shown: string,
  maxBytes: number,
): Promise<string | Finding> {
  const fail = (code: string, message: string): Finding => ({
    severity: 'error',
    code,
    message,
    location: { file: shown, line: 1, column: 1 },
  });
  try {
    const info = await stat(abs);
    if (info.size > maxBytes)
      return fail('file.too_large', `file is larger than ${maxBytes} bytes; skipped`);
    const bytes = await readFile(abs);
    if (bytes.includes(0)) return fail('file.binary', 'file is binary, not YAML');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch (error) {
    if (error instanceof TypeError) return fail('file.encoding', 'file is not valid UTF-8');
    return fail(
      'file.unreadable',
      `cannot read the file: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
