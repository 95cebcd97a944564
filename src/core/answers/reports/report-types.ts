/** What every report returns: rows that name an entity (or a group) and say why it is listed. */
import type { EntityKind } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import type { EntitySummary } from '../impact.js';
import type { Sliced } from '../../sliced.js';

export interface ReportRow {
  /** Entity id, or the group's key (e.g. "salt" in the management summary). */
  id: string;
  name: string;
  kind: EntityKind | 'ManagementMethod';
  /** Why it is listed, for people: "owned by julien alone". */
  reason: string;
  /** Entities the row is about: the people behind it, a cycle's members, what runs on a provider. */
  related?: EntitySummary[];
  /** Figures for tables and charts. */
  counts?: Record<string, number>;
}

export interface ReportOptions {
  /** Today's date, YYYY-MM-DD (the stale report measures review age from it). */
  today: string;
  /** Reviews older than this many days are stale (default DEFAULT_REVIEW_MAX_AGE_DAYS, core/review-rule.ts). */
  maxAgeDays?: number;
}

/** A report as written: its rows computed in slices (core/sliced.ts). */
export interface ReportSpec {
  /** URL- and CLI-friendly name: "bus-factor". */
  name: string;
  title: string;
  description: string;
  rows(index: CatalogIndex, options: ReportOptions): Sliced<ReportRow[]>;
}

export interface ReportDefinition extends ReportSpec {
  /** The rows at once (`rows` run to its end). */
  run(index: CatalogIndex, options: ReportOptions): ReportRow[];
}
