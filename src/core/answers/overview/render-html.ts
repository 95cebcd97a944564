/** A standalone HTML page: escaped text, inline styles, no external resources, no scripts. */
import {
  isLinkable,
  oneLine,
  type Block,
  type Inline,
  type OverviewDocument,
} from './overview-document.js';
import { collapse } from './render-markdown.js';

export function escapeHtml(value: string): string {
  if (!HTML_SPECIAL.test(value)) return value;
  return value.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const HTML_SPECIAL = /[&<>"']/;

/**
 * The page's own Content-Security-Policy, in a `<meta>` so that a downloaded copy keeps it: no
 * scripts, nothing loaded, only the inline styles below. The server sends it as a header too, with
 * what a `<meta>` cannot say (`frame-ancestors`; server/security-headers.ts).
 */
export const OVERVIEW_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light dark; --fg: #1d2430; --muted: #5b6474; --accent: #2b5b9c; --bg: #fdfdfc; --rule: #d9dde3; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8eb; --muted: #a3abb8; --accent: #8db4ee; --bg: #161a20; --rule: #2e3540; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.4rem; }
p { margin: 0 0 0.8rem; }
ul { margin: 0 0 1rem; padding-left: 1.4rem; }
a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 2px; overflow-wrap: anywhere; }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
nav ul { columns: 2 14rem; color: var(--muted); font-size: 0.95rem; }
footer { color: var(--muted); font-size: 0.9rem; }
`.trim();

function renderInlines(content: readonly Inline[]): string {
  let out = '';
  for (const piece of content) {
    const value = oneLine(piece.text);
    if (piece.type === 'link' && isLinkable(piece.url)) {
      out += `<a href="${escapeHtml(piece.url)}">${escapeHtml(collapse(value) || piece.url)}</a>`;
    } else out += escapeHtml(value);
  }
  return out.trim();
}

export const TOC_START = '<nav aria-label="Services">\n<ul>';
export const TOC_END = '</ul>\n</nav>';

/** One entry of the table of contents. */
export function renderTocItem(item: { text: string; anchor: string }): string {
  return `  <li><a href="#${escapeHtml(item.anchor)}">${escapeHtml(collapse(item.text))}</a></li>`;
}

/** One block. */
export function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const id = block.anchor !== undefined ? ` id="${escapeHtml(block.anchor)}"` : '';
      return `<h${block.level}${id}>${escapeHtml(collapse(block.text))}</h${block.level}>`;
    }
    case 'paragraph':
      return `<p>${renderInlines(block.content)}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((item) => `  <li>${renderInlines(item)}</li>`).join('\n')}\n</ul>`;
    case 'toc':
      return `${TOC_START}\n${block.items.map(renderTocItem).join('\n')}\n${TOC_END}`;
  }
}

/** The page up to and including `<main>`. */
export function htmlStart(title: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${OVERVIEW_PAGE_CSP}">`,
    '<meta name="generator" content="Switchboard">',
    `<title>${escapeHtml(collapse(title))}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
  ].join('\n');
}

/** The page after the last block. */
export const HTML_END = '</main>\n</body>\n</html>\n';

export function renderHtml(doc: OverviewDocument): string {
  return [htmlStart(doc.title), ...doc.blocks.map(renderBlock), HTML_END].join('\n');
}
