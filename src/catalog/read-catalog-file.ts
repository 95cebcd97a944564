/**
 * Reads one catalog file as UTF-8 text, refusing what is not: files over the size cap (not read at
 * all), binary files, UTF-16 and invalid UTF-8. Each refusal is a finding with the file's name.
 */
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import type { Finding } from '../core/finding.js';

export type ReadCatalogFileResult = { text: string } | { finding: Finding };

const MIB = 1024 * 1024;

function formatSize(bytes: number): string {
  return bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`;
}

function fileFinding(
  file: string,
  code: string,
  message: string,
  line = 1,
  column = 1,
): { finding: Finding } {
  return { finding: { severity: 'error', code, message, location: { file, line, column } } };
}

export async function readCatalogFile(
  absolutePath: string,
  file: string,
  maxBytes: number,
): Promise<ReadCatalogFileResult> {
  let bytes: Buffer;
  try {
    const handle = await open(absolutePath, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) return tooLarge(file, size, maxBytes);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'read error';
    return fileFinding(file, 'file.unreadable', `the file cannot be read (${reason})`);
  }
  if (bytes.length > maxBytes) return tooLarge(file, bytes.length, maxBytes);
  return decodeCatalogText(file, bytes);
}

function tooLarge(file: string, size: number, maxBytes: number) {
  return fileFinding(
    file,
    'file.too_large',
    `the file is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit; it was not read (split it, or raise the limit)`,
  );
}

/** UTF-8 text without a byte-order mark, or the finding that says why it is not. */
export function decodeCatalogText(file: string, bytes: Buffer): ReadCatalogFileResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fileFinding(file, 'file.encoding', 'the file is UTF-16; save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = positionOf(bytes, nul);
    return fileFinding(
      file,
      'file.binary',
      'this is a binary file (it contains NUL bytes), not YAML text',
      line,
      column,
    );
  }
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOf(bytes, bad);
    const hex = (bytes[bad] ?? 0).toString(16).padStart(2, '0');
    return fileFinding(
      file,
      'file.encoding',
      `invalid UTF-8 (byte 0x${hex} on line ${line}); save the file as UTF-8`,
      line,
      column,
    );
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: bytes.toString('utf8', hasBom ? 3 : 0) };
}

/** 1-based line and column (in UTF-16 units, as editors count) of a byte offset. */
function positionOf(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: bytes.toString('utf8', lineStart, offset).length + 1 };
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const b1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f)) return i;
    if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += need + 1;
  }
  return bytes.length;
}
