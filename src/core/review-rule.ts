/**
 * The review-age rule, in one place: when an entity's review is stale, missing, or not asked
 * for. The validate warning (`review.stale`), the stale report and the entity page all use it.
 */
import type { Entity } from './schema/entity.schema.js';
import { KINDS } from './kinds/registry.js';

/** Reviews older than this many days are stale unless told otherwise. */
export const DEFAULT_REVIEW_MAX_AGE_DAYS = 180;

const DAY_MS = 86_400_000;

/**
 * How many whole days ago each review date was, as of one UTC day. A catalog holds a few hundred
 * distinct review dates among up to 100,000 entities: each is parsed once.
 */
export class ReviewClock {
  private readonly today: number;
  private readonly ages = new Map<string, number>();

  /** `now`: a moment (its UTC day counts) or a day written YYYY-MM-DD. */
  constructor(now: Date | string) {
    const time = typeof now === 'string' ? Date.parse(`${now}T00:00:00Z`) : now.getTime();
    this.today = Math.floor(time / DAY_MS);
  }

  ageDays(isoDate: string): number {
    let age = this.ages.get(isoDate);
    if (age === undefined) {
      age = this.today - Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
      this.ages.set(isoDate, age);
    }
    return age;
  }
}

/**
 * - `exempt`: its status takes it out of review (a retired service), whatever its review says;
 * - `never`: no review, and its kind must be reviewed (services, hosts, providers);
 * - `unreviewed`: no review, and its kind need not be (people, teams);
 * - `stale`: reviewed more than `maxAgeDays` ago; `current` otherwise.
 */
export type ReviewVerdict = 'exempt' | 'never' | 'unreviewed' | 'stale' | 'current';

export interface ReviewState {
  verdict: ReviewVerdict;
  /** Days since the review, when there is one. */
  ageDays?: number;
}

/** Whether the entity's status takes it out of review (a retired service). */
export function isReviewExempt(entity: Entity): boolean {
  const exempt: readonly string[] = KINDS[entity.kind].review.exemptStatuses;
  if (exempt.length === 0 || !('status' in entity)) return false;
  return exempt.includes(entity.status ?? 'active');
}

/** The review state of one entity as of `clock`'s day. */
export function reviewState(entity: Entity, clock: ReviewClock, maxAgeDays: number): ReviewState {
  const reviewed = entity.reviewed;
  const ageDays = reviewed ? clock.ageDays(reviewed.date) : undefined;
  const age = ageDays !== undefined ? { ageDays } : {};
  if (isReviewExempt(entity)) return { verdict: 'exempt', ...age };
  if (ageDays === undefined) {
    return { verdict: KINDS[entity.kind].review.required ? 'never' : 'unreviewed' };
  }
  return { verdict: ageDays > maxAgeDays ? 'stale' : 'current', ageDays };
}

/** Whether the entity page marks it: a stale review, or a missing one its kind must have. */
export function needsReview(state: ReviewState): boolean {
  return state.verdict === 'stale' || state.verdict === 'never';
}
