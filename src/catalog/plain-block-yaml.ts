/**
 * A parser for the one YAML shape catalog files are nearly always written in: block mappings and
 * sequences of one-line scalars (plain, or quoted without escapes), in printable ASCII. It gives
 * exactly the value js-yaml (CORE_SCHEMA) gives for such a document, in a fraction of the time
 * and garbage, and answers `undefined` for anything else (flow collections, anchors, tags, block
 * or multi-line scalars, escapes, tabs, non-ASCII text, duplicate keys, odd indentation ...):
 * the caller then parses the document with js-yaml, which also reports every error. It must never
 * answer differently from js-yaml: the test compares both on every document of every fixture.
 */
import { CORE_SCHEMA, type Type } from 'js-yaml';
import { MAX_DEPTH } from './parse-limits.js';

/** js-yaml resolves a plain scalar by trying these in order (null, bool, int, float). Read from
 * the schema js-yaml itself uses; should a later js-yaml not expose them, every document goes to
 * js-yaml (and the test that this parser answers fails). */
const IMPLICIT_TYPES: readonly Type[] | undefined = (() => {
  const list = (CORE_SCHEMA as unknown as { compiledImplicit?: unknown }).compiledImplicit;
  return Array.isArray(list) ? (list as Type[]) : undefined;
})();

/** Well inside js-yaml's depth limit (it counts scalars too): deeper documents go to it. */
const MAX_NESTING = MAX_DEPTH / 2;

/** Printable ASCII and line feeds only: anything else goes to js-yaml. */
const NOT_PLAIN_ASCII = /[^\x20-\x7e\n]/;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/** Characters a plain scalar may not start with here (js-yaml allows some; they go to it). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

interface Line {
  indent: number;
  /** The line without its indentation. */
  text: string;
}

class Bail extends Error {}

function bail(): never {
  throw new Bail();
}

/** The document's value, or undefined when js-yaml must read it. */
export function parsePlainBlockYaml(text: string): { value: unknown } | undefined {
  if (IMPLICIT_TYPES === undefined || NOT_PLAIN_ASCII.test(text)) return undefined;
  const lines: Line[] = [];
  let start = 0;
  let first = true;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    if (first) {
      first = false;
      if (raw.startsWith('---')) {
        if (raw.trimEnd() !== '---') return undefined;
        continue;
      }
    }
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    if (indent === raw.length) continue; // blank
    if (raw.charCodeAt(indent) === 35) continue; // a comment line
    if (indent === 0 && (raw.startsWith('---') || raw.startsWith('...'))) return undefined;
    lines.push({ indent, text: indent === 0 ? raw : raw.slice(indent) });
  }
  if (lines.length === 0 || lines[0]!.indent !== 0 || isSequenceItem(lines[0]!.text)) {
    return undefined;
  }
  try {
    const reader = { lines, at: 0 };
    const value = readMapping(reader, 0, 1);
    return reader.at === lines.length ? { value } : undefined;
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

interface Reader {
  lines: Line[];
  at: number;
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** A block mapping whose keys sit at `indent`, its first line being the reader's current one. */
function readMapping(reader: Reader, indent: number, depth: number): Record<string, unknown> {
  if (depth > MAX_NESTING) bail();
  const out: Record<string, unknown> = {};
  while (reader.at < reader.lines.length) {
    const line = reader.lines[reader.at]!;
    if (line.indent < indent) break;
    if (line.indent > indent || isSequenceItem(line.text)) bail();
    const match = KEY.exec(line.text);
    if (!match || match[1]!.length > 1000) bail();
    const key = String(resolvePlain(match[1]!));
    if (key === '__proto__' || Object.hasOwn(out, key)) bail();
    const rest = line.text.slice(match[0].length);
    reader.at++;
    if (rest === '' || rest.startsWith('#')) {
      out[key] = readBlockValue(reader, indent, depth);
    } else {
      out[key] = readScalar(rest);
      const next = reader.lines[reader.at];
      if (next && next.indent > indent) bail(); // a scalar going on over lines
    }
  }
  return out;
}

/** The value under a key with nothing after its colon: a deeper block, a sequence at the key's
 * own indentation, or null. */
function readBlockValue(reader: Reader, indent: number, depth: number): unknown {
  const next = reader.lines[reader.at];
  if (!next || next.indent < indent) return null;
  if (next.indent === indent) {
    return isSequenceItem(next.text) ? readSequence(reader, indent, depth + 1) : null;
  }
  return isSequenceItem(next.text)
    ? readSequence(reader, next.indent, depth + 1)
    : readMapping(reader, next.indent, depth + 1);
}

function readSequence(reader: Reader, indent: number, depth: number): unknown[] {
  if (depth > MAX_NESTING) bail();
  const out: unknown[] = [];
  while (reader.at < reader.lines.length) {
    const line = reader.lines[reader.at]!;
    if (line.indent < indent) break;
    if (line.indent > indent) bail();
    if (!isSequenceItem(line.text)) {
      // A key after a sequence at a key's own indentation ends the sequence; anything else at
      // this indentation is not this shape.
      break;
    }
    if (line.text === '-') bail();
    let spaces = 1;
    while (line.text.charCodeAt(spaces) === 32) spaces++;
    const content = line.text.slice(spaces);
    if (content.trim() === '' || content.startsWith('#') || isSequenceItem(content)) bail();
    if (KEY.test(content)) {
      // A mapping that starts on the dash line: its keys sit where this one does.
      const column = indent + spaces;
      reader.lines[reader.at] = { indent: column, text: content };
      out.push(readMapping(reader, column, depth + 1));
      continue;
    }
    out.push(readScalar(content));
    reader.at++;
    const next = reader.lines[reader.at];
    if (next && next.indent > indent) bail();
  }
  return out;
}

/** A one-line scalar (what follows `key: ` or `- `, comment included). */
function readScalar(text: string): unknown {
  const quote = text.charCodeAt(0);
  if (quote === 34 /* " */) {
    const close = text.indexOf('"', 1);
    if (close === -1) bail();
    const value = text.slice(1, close);
    if (value.includes('\\')) bail();
    endOfLine(text, close + 1);
    return value;
  }
  if (quote === 39 /* ' */) {
    let value = '';
    let from = 1;
    for (;;) {
      const close = text.indexOf("'", from);
      if (close === -1) bail();
      value += text.slice(from, close);
      if (text.charCodeAt(close + 1) === 39) {
        value += "'";
        from = close + 2;
        continue;
      }
      endOfLine(text, close + 1);
      return value;
    }
  }
  if (INDICATOR.test(text)) bail();
  const comment = text.indexOf(' #');
  const value = (comment === -1 ? text : text.slice(0, comment)).trimEnd();
  if (value.includes(': ') || value.endsWith(':')) bail();
  return resolvePlain(value);
}

/** After a quoted scalar: only spaces, then perhaps a comment. */
function endOfLine(text: string, from: number): void {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  if (i === text.length) return;
  if (i > from && text.charCodeAt(i) === 35) return;
  bail();
}

/**
 * First characters a CORE_SCHEMA null, boolean, integer or float can start with (`~`, `null`,
 * `true`, `false` in their spellings; digits, signs and `.`): any other plain scalar is a string.
 */
const MAY_RESOLVE = /^[~nNtTfF0-9+.-]/;

/** A plain scalar's value, as js-yaml's implicit types resolve it. */
function resolvePlain(text: string): unknown {
  if (!MAY_RESOLVE.test(text)) return text;
  for (const type of IMPLICIT_TYPES!) {
    if (type.resolve(text)) return type.construct(text);
  }
  return text;
}
