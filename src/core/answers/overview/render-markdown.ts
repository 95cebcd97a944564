/**
 * CommonMark rendering. Every piece of catalog text is escaped, so a name such as `*foo*`,
 * `<script>` or `[x](y)` shows as written and never becomes markup.
 */
import {
  isLinkable,
  renderBlocks,
  type Block,
  type Inline,
  type OverviewDocument,
} from './overview-document.js';

/** One line: control characters and runs of white space become single spaces. */
export function collapse(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
}

/**
 * Backslash-escape what CommonMark (and GitHub's tables and strikethrough) could read as markup:
 * emphasis, code, links, raw HTML and entity references anywhere; headings, quotes, lists and
 * rules where a block starts (`atStart`).
 */
export function escapeMarkdown(value: string, atStart = false): string {
  let out = value.replace(/[\\`*_[\]<|~]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
  if (atStart) out = out.replace(/^([-+=>#])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return out;
}

/** A link destination: spaces and angle brackets percent-encoded, parentheses escaped. */
export function markdownUrl(url: string): string {
  return url
    .replace(/[\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(/[\\()]/g, '\\$&');
}

/** Collapse white space but keep a leading or trailing space between pieces. */
function collapseInner(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ');
}

function renderInlines(content: readonly Inline[]): string {
  let out = '';
  for (const piece of content) {
    if (piece.type === 'link' && isLinkable(piece.url)) {
      out += `[${escapeMarkdown(collapse(piece.text) || piece.url)}](${markdownUrl(piece.url)})`;
    } else {
      const atStart = out === '';
      const value = collapseInner(piece.text);
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
