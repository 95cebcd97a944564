import { inputError } from '../../errors.js';
import { DEFAULT_REVIEW_MAX_AGE_DAYS, ReviewClock, reviewState } from '../../review-rule.js';
import { isIsoDate } from '../../schema/primitives.schema.js';
import type { CatalogIndex } from '../catalog-index.js';
import type { ReportRow, ReportSpec } from './report-types.js';
import { runToEnd, sortSliced, ticker, type Sliced } from '../../sliced.js';
import { byKindThenId } from './ownership.js';

export interface StaleOptions {
  /** Today, YYYY-MM-DD. */
  today: string;
  /** Default DEFAULT_REVIEW_MAX_AGE_DAYS (180). */
  maxAgeDays?: number;
}

/**
 * Entities whose review is older than `maxAgeDays` (any kind), and those never reviewed whose
 * kind must be (services, hosts, providers): the review rule of core/review-rule.ts. Never-reviewed
 * first, then the oldest reviews. Retired services are exempt, so left out.
 */
export function stale(index: CatalogIndex, options: StaleOptions): ReportRow[] {
  return runToEnd(staleSliced(index, options));
}

/** `stale` in slices (core/sliced.ts). */
export function* staleSliced(index: CatalogIndex, options: StaleOptions): Sliced<ReportRow[]> {
  if (!isIsoDate(options.today)) {
    throw inputError('date.invalid', 'today must be a calendar date written YYYY-MM-DD');
  }
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_REVIEW_MAX_AGE_DAYS;
  if (!Number.isInteger(maxAgeDays) || maxAgeDays < 0) {
    throw inputError('max_age.invalid', 'maxAgeDays must be a whole number of days, 0 or more');
  }
  const clock = new ReviewClock(options.today);
  const never: ReportRow[] = [];
  const old: (ReportRow & { age: number })[] = [];
  const tick = ticker();
  for (const entity of index.each()) {
    if (tick()) yield;
    const state = reviewState(entity, clock, maxAgeDays);
    if (state.verdict !== 'never' && state.verdict !== 'stale') continue;
    const base = { id: entity.id, name: entity.name, kind: entity.kind };
    if (state.verdict === 'never' || !entity.reviewed) {
      never.push({ ...base, reason: 'never reviewed' });
      continue;
    }
    const age = state.ageDays as number;
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
  description: `Entities whose last review is older than the limit (default ${DEFAULT_REVIEW_MAX_AGE_DAYS} days), and services, hosts and providers never reviewed.`,
  rows: (index, options) => staleSliced(index, options),
};
