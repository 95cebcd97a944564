/**
 * CommonMark rendering. Every piece of catalog text is escaped, so a name such as `*foo*`,
 * `<script>` or `[x](y)` shows as written and never becomes markup.
 */
import {
  isLinkable,
  oneLine,
  renderBlocks,
  type Block,
  type Inline,
  type OverviewDocument,
} from './overview-document.js';

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
  let out = value
    .replace(/[\\`*_[\]<|~@]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/(?<=[\p{L}\p{N}+.-]):/gu, '\\:')
    .replace(/(?<=[\p{L}\p{N}-])\.(?=[\p{L}\p{N}])/gu, '\\.')
    .replace(/\/(?=\/)/g, '/\\');
  if (atStart) out = out.replace(/^([-+=>#])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** A link destination: spaces and angle brackets percent-encoded, parentheses escaped. */
export function markdownUrl(url: string): string {
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
export function renderBlock(block: Block): string | undefined {
  switch (block.type) {
    case 'heading':
      // In a heading, a "#" anywhere could be read as the closing sequence.
      return `${'#'.repeat(block.level)} ${escapeMarkdown(collapse(block.text), true).replace(/(?<!\\)#/g, '\\#') || 'Untitled'}`;
    case 'paragraph':
      return renderInlines(block.content);
    case 'list':
      return block.items.map((item) => `- ${renderInlines(item)}`).join('\n');
    case 'toc':
      return undefined;
  }
}

export function renderMarkdown(doc: OverviewDocument): string {
  return renderBlocks(doc, renderBlock);
}
