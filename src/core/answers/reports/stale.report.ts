import { inputError } from '../../errors.js';
import { isIsoDate } from '../../schema/primitives.schema.js';
import type { Entity } from '../../schema/entity.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import type { ReportRow, ReportSpec } from './report-types.js';
import { runToEnd, sortSliced, ticker, type Sliced } from '../../sliced.js';
import { byKindThenId } from './ownership.js';

export const DEFAULT_MAX_REVIEW_AGE_DAYS = 180;

export interface StaleOptions {
  /** Today, YYYY-MM-DD. */
  today: string;
  /** Default 180. */
  maxAgeDays?: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/** Kinds that must carry a review; other kinds are listed only when their review is old. */
const MUST_BE_REVIEWED = new Set<Entity['kind']>(['Service', 'Host', 'Provider']);

/**
 * Entities whose review is older than `maxAgeDays` (any kind), and services, hosts and providers
 * never reviewed. Never-reviewed first, then the oldest reviews. Retired services are left out.
 */
export function stale(index: CatalogIndex, options: StaleOptions): ReportRow[] {
  return runToEnd(staleSliced(index, options));
}

/** `stale` in slices (core/sliced.ts). */
export function* staleSliced(index: CatalogIndex, options: StaleOptions): Sliced<ReportRow[]> {
  if (!isIsoDate(options.today)) {
    throw inputError('date.invalid', 'today must be a calendar date written YYYY-MM-DD');
  }
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_REVIEW_AGE_DAYS;
  if (!Number.isInteger(maxAgeDays) || maxAgeDays < 0) {
    throw inputError('max_age.invalid', 'maxAgeDays must be a whole number of days, 0 or more');
  }
  const today = dayNumber(options.today);
  const never: ReportRow[] = [];
  const old: (ReportRow & { age: number })[] = [];
  const tick = ticker();
  for (const entity of index.each()) {
    if (tick()) yield;
    if (entity.kind === 'Service' && entity.status === 'retired') continue;
    const base = { id: entity.id, name: entity.name, kind: entity.kind };
    if (!entity.reviewed) {
      if (MUST_BE_REVIEWED.has(entity.kind)) never.push({ ...base, reason: 'never reviewed' });
      continue;
    }
    const age = Math.round(today - dayNumber(entity.reviewed.date));
    if (age <= maxAgeDays) continue;
    old.push({
      ...base,
      age,
      reason: `last reviewed ${age} days ago (${entity.reviewed.date}, by ${entity.reviewed.by}); the limit is ${maxAgeDays}`,
      counts: { ageDays: age },
    });
  }
  const sorted = yield* sortSliced(old, (a, b) => b.age - a.age || byKindThenId(a, b));
  const rows = never;
  for (const { age: _age, ...row } of sorted) {
    rows.push(row);
    if (tick()) yield;
  }
  return rows;
}

export const staleReport: ReportSpec = {
  name: 'stale',
  title: 'Stale reviews',
  description: `Entities whose last review is older than the limit (default ${DEFAULT_MAX_REVIEW_AGE_DAYS} days), and services, hosts and providers never reviewed.`,
  rows: (index, options) => staleSliced(index, options),
};
