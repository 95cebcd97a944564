/**
 * The prose of the "Infrastructure Overview" page, written from the catalog: an introduction, the
 * infrastructure team and how to reach it, the providers and what each is used for, then every
 * service with where it runs, what fronts it, how it is managed, who owns it and how to reach
 * them. Only public contacts are used (the index's public views).
 */
import type { CatalogIndex } from '../catalog-index.js';
import type { Block, OverviewDocument } from './overview-document.js';
import { providersSection } from './providers-section.js';
import { servicesSection } from './services-section.js';
import { teamSection } from './team-section.js';
import { introText } from './intro-section.js';
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
  const org = options.organization ?? 'The foundation';
  const title = options.title ?? 'Infrastructure Overview';
  const intro = options.intro ?? introText(index, org);
  const blocks: Block[] = [
    { type: 'heading', level: 1, text: title },
    paragraph(intro),
    ...teamSection(index, index.infrastructureTeam(), org),
    ...providersSection(index, org),
    ...servicesSection(index),
  ];
  if (options.generatedOn)
    blocks.push(paragraph(`Generated from the catalog on ${options.generatedOn}.`));
  return { title, blocks };
}
