/**
 * CommonMark rendering. Every piece of catalog text is escaped, so a name such as `*foo*`,
 * `<script>` or `[x](y)` shows as written and never becomes markup.
 */
import {
  isLinkable,
  oneLine,
  renderBlocks,
  type Inline,
  type OverviewDocument,
} from './overview-document.js';
import { textBlockRenderer } from './render-text-blocks.js';

/** One line: invisible characters written out, runs of white space single spaces, trimmed. */
export function collapse(value: string): string {
  return oneLine(value).trim();
}

/**
 * Backslash-escape what CommonMark (and GitHub's tables and strikethrough) could read as markup:
 * emphasis, code, links, raw HTML and entity references anywhere; headings, quotes, lists and
 * rules where a block starts (`atStart`). Also what a linkifier (GFM's autolink literals,
 * markdown-it's linkify) would turn into a link: the ":" after a scheme (`javascript:`,
 * `https:`), "//", the "@" of an address and the dots of a domain name (`www.x.org`).
 */
export function escapeMarkdown(value: string, atStart = false): string {
  let out = MARKDOWN_SPECIAL.test(value) ? escapeMarkdownCharacters(value) : value;
  if (atStart) {
    // Lead characters of headings, quotes, lists and rules; "1." and "12)" enumerators.
    const first = out.charCodeAt(0);
    if (out !== '' && BLOCK_LEAD.includes(out.charAt(0))) out = `\\${out}`;
    else if (first >= 0x30 && first <= 0x39) out = out.replace(/^(\d+)([.)])/, '$1\\$2');
  }
  return out;
}

/** Every character `escapeMarkdownCharacters` may escape: text without any is left as it is. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<|~@&:./]/;
const BLOCK_LEAD = '-+=>#';
/** After "&": what makes an entity or character reference ("&amp;", "&#60;"). */
const REFERENCE_TAIL = /#?[a-z0-9]+;/iy;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const LETTER_OR_NUMBER_AT = /[\p{L}\p{N}]/uy;

/** Whether the character (code point) ending at `end` (exclusive) is a letter or a number. */
function letterOrNumberBefore(value: string, end: number): boolean {
  const c = value.charCodeAt(end - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  const low = c >= 0xdc00 && c <= 0xdfff;
  const lead = end >= 2 ? value.charCodeAt(end - 2) : 0;
  const start = low && lead >= 0xd800 && lead <= 0xdbff ? end - 2 : end - 1;
  return LETTER_OR_NUMBER.test(value.slice(start, end));
}

/** Whether the character (code point) starting at `at` is a letter or a number. */
function letterOrNumberAt(value: string, at: number): boolean {
  const c = value.charCodeAt(at);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  if (Number.isNaN(c)) return false;
  LETTER_OR_NUMBER_AT.lastIndex = at;
  return LETTER_OR_NUMBER_AT.test(value);
}

/**
 * The character escapes of `escapeMarkdown` in one pass over the text, the same text these
 * replacements, in this order, give (each only inserts a backslash, which none of the later ones
 * looks at):
 *
 *     .replace(/[\\`*_[\]<|~@]/g, '\\$&')
 *     .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
 *     .replace(/(?<=[\p{L}\p{N}+.-]):/gu, '\\:')
 *     .replace(/(?<=[\p{L}\p{N}-])\.(?=[\p{L}\p{N}])/gu, '\\.')
 *     .replace(/\/(?=\/)/g, '/\\')
 */
function escapeMarkdownCharacters(value: string): string {
  let out = '';
  let from = 0;
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    let escape: boolean;
    switch (c) {
      case 0x5c: // \
      case 0x60: // `
      case 0x2a: // *
      case 0x5f: // _
      case 0x5b: // [
      case 0x5d: // ]
      case 0x3c: // <
      case 0x7c: // |
      case 0x7e: // ~
      case 0x40: // @
        escape = true;
        break;
      case 0x26: // &
        REFERENCE_TAIL.lastIndex = i + 1;
        escape = REFERENCE_TAIL.test(value);
        break;
      case 0x3a: {
        // ":" after a letter, a number, "+", "." or "-" (a URI scheme).
        const p = i > 0 ? value.charCodeAt(i - 1) : -1;
        escape =
          p === 0x2b || p === 0x2e || p === 0x2d || (i > 0 && letterOrNumberBefore(value, i));
        break;
      }
      case 0x2e: {
        // "." between a letter, number or "-" and a letter or number (a domain name).
        const p = i > 0 ? value.charCodeAt(i - 1) : -1;
        escape =
          i + 1 < n &&
          (p === 0x2d || (i > 0 && letterOrNumberBefore(value, i))) &&
          letterOrNumberAt(value, i + 1);
        break;
      }
      case 0x2f: // "//": a backslash after the first slash.
        if (value.charCodeAt(i + 1) === 0x2f) {
          out += `${value.slice(from, i + 1)}\\`;
          from = i + 1;
        }
        continue;
      default:
        continue;
    }
    if (escape) {
      out += `${value.slice(from, i)}\\`;
      from = i;
    }
  }
  return out === '' ? value : out + value.slice(from);
}

const URL_SPECIAL = /[\s<>\\()]/;

/** A link destination: spaces and angle brackets percent-encoded, parentheses escaped. */
export function markdownUrl(url: string): string {
  if (!URL_SPECIAL.test(url)) return url;
  return url
    .replace(/[\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/[\\()]/g, '\\$&');
}

function renderInlines(content: readonly Inline[]): string {
  let out = '';
  for (const piece of content) {
    if (piece.type === 'link' && isLinkable(piece.url)) {
      out += `[${escapeMarkdown(collapse(piece.text) || piece.url)}](${markdownUrl(piece.url)})`;
    } else {
      const atStart = out === '';
      const value = oneLine(piece.text);
      out += escapeMarkdown(atStart ? value.trimStart() : value, atStart);
    }
  }
  return out.trim();
}

/** One block (undefined: the format leaves it out). */
export const renderBlock = textBlockRenderer({
  // In a heading, a "#" anywhere could be read as the closing sequence.
  heading: (block) =>
    `${'#'.repeat(block.level)} ${escapeMarkdown(collapse(block.text), true).replace(/(?<!\\)#/g, '\\#') || 'Untitled'}`,
  inlines: renderInlines,
});

export function renderMarkdown(doc: OverviewDocument): string {
  return renderBlocks(doc, renderBlock);
}
