/**
 * The overview page as a small document model: headings, paragraphs and bullet lists of inline
 * text and links. The prose is written once (build-overview.ts); each renderer only escapes and
 * formats, so Markdown, reStructuredText and HTML always say the same thing.
 */

import { isEmail } from '../../schema/primitives.schema.js';
import { findInvisible, INVISIBLE_CHARACTER_SOURCE, visibleText } from '../../visible-text.js';

export type Inline = { type: 'text'; text: string } | { type: 'link'; text: string; url: string };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; anchor?: string }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][] }
  /** HTML only: a short table of contents (Markdown and RST readers have their own). */
  | { type: 'toc'; items: { text: string; anchor: string }[] };

export interface OverviewDocument {
  title: string;
  blocks: Block[];
}

/** Blocks written one at a time; `undefined` between them marks a point to pause at (core/sliced.ts). */
export type BlockStream = Generator<Block | undefined, void, undefined>;

export const text = (value: string): Inline => ({ type: 'text', text: value });
export const link = (label: string, url: string): Inline => ({ type: 'link', text: label, url });

/** A run of inline pieces: strings become text, arrays are flattened. */
export type InlineLike = string | Inline | readonly InlineLike[];

export function inlines(...parts: InlineLike[]): Inline[] {
  const out: Inline[] = [];
  for (const part of parts) append(out, part);
  return out;
}

/** Add `part` to `out` as `inlines` does: empty strings left out, arrays flattened. */
function append(out: Inline[], part: InlineLike): void {
  if (typeof part === 'string') {
    if (part !== '') out.push(text(part));
  } else if (Array.isArray(part)) {
    for (const item of part as readonly InlineLike[]) append(out, item);
  } else out.push(part as Inline);
}

/** The separators of lists, made once: inline pieces are never changed once made. */
const separators = new Map<string, Inline>();
function separator(value: string): Inline {
  let piece = separators.get(value);
  if (piece === undefined) {
    piece = Object.freeze(text(value));
    separators.set(value, piece);
  }
  return piece;
}

/** "a", "a and b", "a, b, and c" (or "or"), keeping links as links. */
export function joinList(items: readonly InlineLike[], conjunction = 'and'): Inline[] {
  const out: Inline[] = [];
  const n = items.length;
  for (let i = 0; i < n; i++) {
    if (i > 0)
      out.push(separator(n <= 2 ? ` ${conjunction} ` : i === n - 1 ? `, ${conjunction} ` : ', '));
    append(out, items[i] as InlineLike);
  }
  return out;
}

/** Plain text of inline pieces (for tests and titles). */
export function plainText(content: readonly Inline[]): string {
  return content.map((i) => i.text).join('');
}

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'irc:', 'ircs:']);
/** http(s), a host name (and port), then printable ASCII only: always a valid, safe link. */
const PLAIN_HTTP_URL =
  /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?(?:[/?#][!-~]*)?$/i;

/**
 * "mailto:" and an address of letters, digits and "._+-" at a host name with a dot (labels of 1 to
 * 63 letters, digits and inner hyphens): an address isEmail accepts (up to 262 characters, its
 * host name is at most 253).
 */
const PLAIN_MAILTO_URL =
  /^mailto:[a-z0-9._+-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/**
 * Whether a URL (from a URL field, never from free text) may become a link: http(s) and IRC URLs
 * with a host, and mailto: a plain address (no `?cc=…&body=…` parameters). Anything else, and any
 * URL with white space or invisible characters, is shown as text.
 */
export function isLinkable(url: string): boolean {
  // Most URLs are plain http(s) ones: a regex says yes without parsing them (100,000s a page).
  if (PLAIN_HTTP_URL.test(url)) return url.length <= 2048;
  // And most others plain addresses: what isEmail accepts, so the answer is the same.
  if (url.length <= 262 && PLAIN_MAILTO_URL.test(url)) return true;
  if (url.length > 2048 || /\s/.test(url) || findInvisible(url) !== undefined) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!LINK_SCHEMES.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') return /^mailto:/i.test(url) && isEmail(url.slice(7));
  return /^(https?|ircs?):\/\/[^/?#\\]/i.test(url) && parsed.hostname !== '';
}

/**
 * Catalog text on one line, as every format shows it: invisible and control characters written
 * out (`evil\u202Egnp.exe`), line breaks, tabs and runs of white space made single spaces.
 */
export function oneLine(value: string): string {
  // Most text is one line already: one scan says so, without building a copy.
  if (!NOT_ONE_LINE.test(value)) return value;
  return visibleText(value, { keepLineBreaks: true }).replace(/\s+/g, ' ');
}

/** What `oneLine` changes: white space other than a single space, and invisible characters. */
const NOT_ONE_LINE = new RegExp(`[^\\S ]| \\s|${INVISIBLE_CHARACTER_SOURCE}`);

/** Render each block and join them as paragraphs (blocks a format leaves out render undefined). */
export function renderBlocks(
  doc: OverviewDocument,
  render: (block: Block) => string | undefined,
): string {
  const parts = doc.blocks.map(render).filter((b): b is string => b !== undefined && b !== '');
  return `${parts.join('\n\n')}\n`;
}
