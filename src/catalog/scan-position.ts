/**
 * Finds the line and column of a field path by scanning a document's text, without building a
 * position-tracking parse. It understands the block style catalog files are written in (keys,
 * `- ` items, one-line flow collections such as `owners: [a, b]`) and answers `undefined` whenever
 * it is not sure (quoted or complex keys, anchors, multi-line flow), so the caller can fall back
 * to the `yaml` parser. It must never answer wrongly: the test compares it with `yaml` on every
 * field of every fixture.
 */
import type { FieldPath } from './catalog-document.js';

export interface TextPosition {
  /** 1-based, within the scanned text. */
  line: number;
  column: number;
}

interface Row {
  n: number;
  s: string;
}

const KEY_LINE = /^( *)([A-Za-z_][A-Za-z0-9_-]*)( *):(?: +(.*?))?\s*$/;

/** Leading spaces, when a printable ASCII character other than a space follows them; else -1
 * (the exact answers below then take the slow way, which knows every kind of white space). */
function plainIndent(s: string): number {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  const c = s.charCodeAt(i);
  return c > 32 && c < 127 ? i : -1;
}

function indentOf(s: string): number {
  const fast = plainIndent(s);
  return fast >= 0 ? fast : s.length - s.trimStart().length;
}

function skippable(s: string): boolean {
  // Most lines: content after spaces, not a comment, a marker or a directive.
  const fast = plainIndent(s);
  if (fast > 0 && s.charCodeAt(fast) !== 35 /* # */) return false;
  if (fast === 0) {
    const c = s.charCodeAt(0);
    if (c !== 35 && c !== 45 /* - */ && c !== 37 /* % */) return false;
  }
  const t = s.trim();
  return t === '' || t.startsWith('#') || /^---(\s|$)/.test(s) || s.startsWith('%');
}

/** A value written after a key or a dash, on the same line: where it starts, and its text. */
interface Inline {
  n: number;
  col: number;
  text: string;
}

function inlineValue(n: number, col: number, raw: string | undefined): Inline | undefined | null {
  if (raw === undefined || raw === '' || raw.startsWith('#')) return undefined;
  // Anchors, tags, aliases and block scalars: leave them to the parser.
  if (/^[&!*|>]/.test(raw)) return null;
  return { n, col, text: raw };
}

/** The rows of a block value: everything indented deeper than `parent`; the value of a key may
 * also be a sequence written at the key's own indentation. */
function childRows(rows: readonly Row[], from: number, parent: number, keyValue: boolean): Row[] {
  const out: Row[] = [];
  let seqAtParent: boolean | undefined = keyValue ? undefined : false;
  for (let i = from; i < rows.length; i++) {
    const row = rows[i]!;
    if (skippable(row.s)) continue;
    const indent = indentOf(row.s);
    if (indent > parent) {
      out.push(row);
      continue;
    }
    if (indent === parent && row.s.trimStart().startsWith('- ')) {
      seqAtParent ??= out.length === 0;
      if (seqAtParent) {
        out.push(row);
        continue;
      }
    }
    break;
  }
  return out;
}

function findKey(
  rows: readonly Row[],
  key: string,
): { index: number; keyCol: number; indent: number; rest: string | undefined } | null | undefined {
  const first = rows.find((r) => !skippable(r.s));
  if (!first) return undefined;
  const mapIndent = indentOf(first.s);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (skippable(row.s) || indentOf(row.s) !== mapIndent) continue;
    const m = KEY_LINE.exec(row.s);
    if (!m) return null; // a line at this level that is not a plain key: not sure
    if (m[2] === key) return { index: i, keyCol: mapIndent + 1, indent: mapIndent, rest: m[4] };
  }
  return undefined;
}

/** Start columns (0-based, in `text`) of the top-level items of a one-line flow collection. */
function flowItems(text: string): { start: number; key?: string; valueStart?: number }[] | null {
  const open = text[0];
  const close = open === '[' ? ']' : open === '{' ? '}' : undefined;
  if (!close) return null;
  const items: { start: number; key?: string; valueStart?: number }[] = [];
  let depth = 0;
  let quote: string | undefined;
  let itemStart = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (depth === 1 && itemStart < 0) itemStart = i;
      quote = ch;
      continue;
    }
    if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 2 && itemStart < 0) itemStart = i;
      continue;
    }
    if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        if (itemStart >= 0) items.push({ start: itemStart });
        return text.slice(i + 1).trim() === '' ||
          text
            .slice(i + 1)
            .trim()
            .startsWith('#')
          ? withKeys(text, items, open === '{')
          : null;
      }
      continue;
    }
    if (depth === 1) {
      if (ch === ',') {
        if (itemStart >= 0) items.push({ start: itemStart });
        itemStart = -1;
      } else if (ch === '&' || ch === '*' || ch === '!' || ch === '?') {
        if (itemStart < 0) return null;
      } else if (ch !== ' ' && itemStart < 0) {
        itemStart = i;
      }
    }
  }
  return null; // not closed on this line
}

function withKeys(
  text: string,
  items: { start: number }[],
  mapping: boolean,
): { start: number; key?: string; valueStart?: number }[] | null {
  if (!mapping) return items;
  const out: { start: number; key?: string; valueStart?: number }[] = [];
  for (const item of items) {
    const m = /^([A-Za-z_][A-Za-z0-9_-]*) *: */.exec(text.slice(item.start));
    if (!m) return null;
    out.push({ start: item.start, key: m[1], valueStart: item.start + m[0].length });
  }
  return out;
}

function scanFlow(inline: Inline, path: FieldPath, atKey: boolean): TextPosition | undefined {
  let text = inline.text;
  let col = inline.col;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const items = flowItems(text);
    if (!items) return undefined;
    let next: { start: number; valueStart?: number } | undefined;
    if (typeof segment === 'number') next = text[0] === '[' ? items[segment] : undefined;
    else next = text[0] === '{' ? items.find((item) => item.key === segment) : undefined;
    if (!next) return undefined;
    const keyWanted = atKey && i === path.length - 1 && typeof segment === 'string';
    const offset = keyWanted ? next.start : (next.valueStart ?? next.start);
    text = text.slice(offset);
    col += offset;
  }
  return { line: inline.n + 1, column: col };
}

/** The position of the value at `path` (or of its key when `atKey`), if the text says it plainly. */
export function scanPosition(
  text: string,
  path: FieldPath,
  atKey = false,
): TextPosition | undefined {
  if (text.includes('\t')) return undefined;
  let rows: Row[] = text.split('\n').map((s, n) => ({ n, s }));
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    let inline: Inline | undefined | null;
    let next: Row[];
    if (typeof segment === 'string') {
      const found = findKey(rows, segment);
      if (!found) return undefined;
      const row = rows[found.index]!;
      const m = KEY_LINE.exec(row.s)!;
      const colonAt = (m[1] ?? '').length + (m[2] ?? '').length + (m[3] ?? '').length;
      const after = row.s.slice(colonAt + 1);
      const valueCol = colonAt + 2 + (after.length - after.trimStart().length);
      inline = inlineValue(row.n, valueCol, found.rest);
      if (inline === null) return undefined;
      const block = inline ? [] : childRows(rows, found.index + 1, found.indent, true);
      if (last && (atKey || !inline)) {
        if (!atKey && block.length > 0) return undefined;
        return { line: row.n + 1, column: found.keyCol };
      }
      if (last && inline) return { line: row.n + 1, column: valueCol };
      next = block;
    } else {
      const first = rows.find((r) => !skippable(r.s));
      if (!first) return undefined;
      const seqIndent = indentOf(first.s);
      let count = -1;
      let at = -1;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        if (skippable(row.s) || indentOf(row.s) !== seqIndent) continue;
        if (!row.s.trimStart().startsWith('- ') && row.s.trim() !== '-') return undefined;
        count++;
        if (count === segment) {
          at = r;
          break;
        }
      }
      if (at < 0) return undefined;
      const row = rows[at]!;
      const afterDash = row.s.slice(seqIndent + 1);
      const contentCol = seqIndent + 2 + (afterDash.length - afterDash.trimStart().length);
      const content = afterDash.trim();
      const isKey = KEY_LINE.test(' '.repeat(contentCol - 1) + content);
      if (!isKey) {
        inline = inlineValue(row.n, contentCol, content === '' ? undefined : content);
        if (inline === null) return undefined;
        if (last) return inline ? { line: row.n + 1, column: contentCol } : undefined;
        next = inline ? [] : childRows(rows, at + 1, seqIndent, false);
      } else {
        if (last) return { line: row.n + 1, column: contentCol };
        // A mapping item that starts on the dash line: blank the dash so its keys line up.
        const blanked = { n: row.n, s: ' '.repeat(contentCol - 1) + content };
        const rest = childRows(rows, at + 1, seqIndent, false);
        if (rest.some((r) => indentOf(r.s) < contentCol - 1)) return undefined;
        next = [blanked, ...rest];
        inline = undefined;
      }
    }
    if (inline) return scanFlow(inline, path.slice(i + 1), atKey);
    rows = next;
  }
  return undefined;
}
