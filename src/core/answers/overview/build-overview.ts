/**
 * The prose of the "Infrastructure Overview" page, written from the catalog: an introduction, the
 * infrastructure team and how to reach it, the providers and what each is used for, then every
 * service with where it runs, what fronts it, how it is managed, who owns it and how to reach
 * them. Only public contacts are used (the index's public views).
 */
import type { CatalogIndex } from '../catalog-index.js';
import type { Block, BlockStream, OverviewDocument } from './overview-document.js';
import { providersSectionSliced } from './providers-section.js';
import { servicesSectionSliced } from './services-section.js';
import { teamSection } from './team-section.js';
import { introTextSliced } from './intro-section.js';
import { activeUsages } from './provider-usage.js';
import { nameOrder } from './name-order.js';
import { paragraph } from './overview-writing.js';

export interface OverviewOptions {
  /** The page title (default "Infrastructure Overview"). */
  title?: string;
  /** Who runs the infrastructure, as it starts a sentence: "The PSF" (default "The foundation"). */
  organization?: string;
  /** Replaces the generated opening paragraph. */
  intro?: string;
  /** When given, a closing line says the page was generated from the catalog on that date. */
  generatedOn?: string;
}

export function buildOverview(
  index: CatalogIndex,
  options: OverviewOptions = {},
): OverviewDocument {
  const blocks: Block[] = [];
  for (const block of overviewBlocks(index, options)) if (block) blocks.push(block);
  return { title: overviewTitle(options), blocks };
}

export const overviewTitle = (options: OverviewOptions): string =>
  options.title ?? 'Infrastructure Overview';

/**
 * The page's blocks one at a time, in order, with `undefined` between them where the work may
 * pause (core/sliced.ts): at 100,000 entities the page is built in slices, never all at once.
 */
export function* overviewBlocks(index: CatalogIndex, options: OverviewOptions = {}): BlockStream {
  const org = options.organization ?? 'The foundation';
  const order = yield* nameOrder(index);
  const usages = yield* activeUsages(index, order);
  const intro = options.intro ?? (yield* introTextSliced(index, org, order, usages));
  yield { type: 'heading', level: 1, text: overviewTitle(options) };
  yield paragraph(intro);
  yield* teamSection(index, index.infrastructureTeam(), org);
  yield* providersSectionSliced(index, org, usages);
  yield* servicesSectionSliced(index, order);
  if (options.generatedOn) yield paragraph(`Generated from the catalog on ${options.generatedOn}.`);
}
