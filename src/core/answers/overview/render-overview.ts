/** The overview page in the three formats the API and CLI offer. */
import type { CatalogIndex } from '../catalog-index.js';
import { runToEnd, ticker, type Sliced } from '../../sliced.js';
import {
  buildOverview,
  overviewBlocks,
  overviewTitle,
  type OverviewOptions,
} from './build-overview.js';
import {
  HTML_END,
  htmlStart,
  renderBlock as htmlBlock,
  renderHtml,
  renderTocItem,
  TOC_END,
  TOC_START,
} from './render-html.js';
import { renderBlock as markdownBlock, renderMarkdown } from './render-markdown.js';
import { renderBlock as rstBlock, renderRst } from './render-rst.js';

export type { OverviewOptions } from './build-overview.js';
export type OverviewFormat = 'md' | 'rst' | 'html';
export const OVERVIEW_FORMATS: readonly OverviewFormat[] = ['md', 'rst', 'html'];

/** CommonMark. */
export function renderOverviewMarkdown(index: CatalogIndex, options: OverviewOptions = {}): string {
  return renderMarkdown(buildOverview(index, options));
}

/** reStructuredText that builds under Sphinx with -W. */
export function renderOverviewRst(index: CatalogIndex, options: OverviewOptions = {}): string {
  return renderRst(buildOverview(index, options));
}

/** A standalone HTML page (inline styles, no external resources). */
export function renderOverviewHtml(index: CatalogIndex, options: OverviewOptions = {}): string {
  return renderHtml(buildOverview(index, options));
}

export function renderOverview(
  index: CatalogIndex,
  format: OverviewFormat,
  options: OverviewOptions = {},
): string {
  const parts: string[] = [];
  runToEnd(writeOverview(index, format, (text) => parts.push(text), options));
  return parts.join('');
}

/**
 * The page in `format`, written piece by piece to `write` as it is built, in slices
 * (core/sliced.ts): the same text as `renderOverview`, without the whole document in memory and
 * without holding the event loop. Building and rendering cost grows linearly with the page.
 */
export function* writeOverview(
  index: CatalogIndex,
  format: OverviewFormat,
  write: (text: string) => void,
  options: OverviewOptions = {},
): Sliced<void> {
  const blocks = overviewBlocks(index, options);
  if (format === 'html') {
    write(htmlStart(overviewTitle(options)));
    const tick = ticker(512);
    for (const block of blocks) {
      if (block === undefined) {
        yield;
      } else if (block.type === 'toc') {
        // One entry per service: written in slices too.
        write(`\n${TOC_START}`);
        for (const item of block.items) {
          write(`\n${renderTocItem(item)}`);
          if (tick()) yield;
        }
        write(`\n${TOC_END}`);
      } else {
        write(`\n${htmlBlock(block)}`);
      }
    }
    write(`\n${HTML_END}`);
    return;
  }
  // As renderBlocks (overview-document.ts): the blocks a format shows, blank lines between.
  const render = format === 'md' ? markdownBlock : rstBlock;
  let first = true;
  for (const block of blocks) {
    if (block === undefined) {
      yield;
      continue;
    }
    const text = render(block);
    if (text === undefined || text === '') continue;
    write(first ? text : `\n\n${text}`);
    first = false;
  }
  write('\n');
}

/** Media type of each format, for HTTP responses. */
export const OVERVIEW_MEDIA_TYPES: Record<OverviewFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  rst: 'text/x-rst; charset=utf-8',
  html: 'text/html; charset=utf-8',
};
