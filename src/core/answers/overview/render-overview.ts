/** The overview page in the three formats the API and CLI offer. */
import type { CatalogIndex } from '../catalog-index.js';
import { buildOverview, type OverviewOptions } from './build-overview.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderRst } from './render-rst.js';

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
  const doc = buildOverview(index, options);
  return format === 'md'
    ? renderMarkdown(doc)
    : format === 'rst'
      ? renderRst(doc)
      : renderHtml(doc);
}

/** Media type of each format, for HTTP responses. */
export const OVERVIEW_MEDIA_TYPES: Record<OverviewFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  rst: 'text/x-rst; charset=utf-8',
  html: 'text/html; charset=utf-8',
};
