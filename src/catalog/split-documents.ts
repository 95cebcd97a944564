/**
 * Cheap text facts about a YAML file, used to keep clean documents on the fast path: where each
 * document starts (a `---` line at column 0 always starts one, even inside a block scalar or a
 * quoted scalar), the line of each entity, and whether a document uses anchors or aliases.
 */

export interface DocumentSegment {
  /** The document's text, from its `---` line (if any) to the next one. */
  text: string;
  /** Lines before the segment in the file. */
  lineOffset: number;
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
/** Text before a `---` that holds only directives, comments or blank lines belongs to that document. */
const ONLY_DIRECTIVES = /^(?:(?:%[^\n]*|[ \t]*(?:#[^\n]*)?)(?:\n|$))*$/;
/** An `&anchor` or `*alias` (or something that may be one): aliases must go through a parser
 * that limits their expansion. Over-matching only costs a slower parse. */
const ANCHOR_OR_ALIAS = /(?:^|[\s,[\]{}:?-])[&*]/;
const ALIAS_TOKEN = /(?:^|[\s,[\]{}:?-])\*/g;

/** Most documents hold neither character: this test is several times faster than the one above. */
const ANCHOR_OR_ALIAS_CHARACTER = /[&*]/;

export function hasAnchorsOrAliases(text: string): boolean {
  return ANCHOR_OR_ALIAS_CHARACTER.test(text) && ANCHOR_OR_ALIAS.test(text);
}

/** How many aliases the text may hold (an upper bound). */
export function countAliasTokens(text: string): number {
  return text.match(ALIAS_TOKEN)?.length ?? 0;
}

export function splitDocuments(text: string): DocumentSegment[] {
  const starts = [0];
  for (const match of text.matchAll(DOCUMENT_START)) {
    if (match.index === 0) continue;
    const previous = starts[starts.length - 1]!;
    if (
      ONLY_DIRECTIVES.test(text.slice(previous, match.index)) &&
      /^%/m.test(text.slice(previous, match.index))
    )
      continue;
    starts.push(match.index);
  }
  const segments: DocumentSegment[] = [];
  let lineOffset = 0;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const to = starts[i + 1] ?? text.length;
    const segment = text.slice(from, to);
    segments.push({ text: segment, lineOffset });
    lineOffset += countNewlines(segment);
  }
  return segments;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const ID_KEY = /^id[ \t]*:(?=[ \t\r\n]|$)/m;
const BLANK_OR_MARKER = /^(?:[ \t]*(?:#.*)?|---[ \t]*(?:#.*)?)\r?$/;

/** Line (1-based, within the segment) and column of the entity: its top-level `id:` key, else its
 * first line with content. */
export function entityPosition(segment: string): { line: number; column: number } {
  const id = ID_KEY.exec(segment);
  if (id) return { line: countNewlines(segment.slice(0, id.index)) + 1, column: 1 };
  const lines = segment.split('\n');
  const index = lines.findIndex((l) => !BLANK_OR_MARKER.test(l));
  const line = lines[Math.max(0, index)] ?? '';
  return { line: Math.max(0, index) + 1, column: line.length - line.trimStart().length + 1 };
}
