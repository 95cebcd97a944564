import { describe, expect, it } from 'vitest';
import { needsReview, ReviewClock, reviewState, type ReviewVerdict } from './review-rule.js';
import type { Entity } from './schema/entity.schema.js';

const reviewed = (date: string) => ({ reviewed: { date, by: 'ada' } });
const service = (extra: Partial<Extract<Entity, { kind: 'Service' }>> = {}): Entity => ({
  kind: 'Service',
  id: 's',
  name: 'S',
  ...extra,
});

describe('the review rule', () => {
  const clock = new ReviewClock('2026-11-01');

  const cases: [string, Entity, ReviewVerdict, number | undefined][] = [
    ['a review at the limit', service(reviewed('2026-05-05')), 'current', 180],
    ['a review one day past it', service(reviewed('2026-05-04')), 'stale', 181],
    ['a service without a review', service(), 'never', undefined],
    ['a retired service without a review', service({ status: 'retired' }), 'exempt', undefined],
    [
      'a retired service with an old review',
      service({ status: 'retired', ...reviewed('2020-01-01') }),
      'exempt',
      2496,
    ],
    [
      'a deprecated service with an old review',
      service({ status: 'deprecated', ...reviewed('2020-01-01') }),
      'stale',
      2496,
    ],
    ['a host without a review', { kind: 'Host', id: 'h', name: 'H' }, 'never', undefined],
    [
      'a former provider without a review',
      { kind: 'Provider', id: 'p', name: 'P', status: 'former' },
      'never',
      undefined,
    ],
    ['a person without a review', { kind: 'Person', id: 'a', name: 'A' }, 'unreviewed', undefined],
    [
      'a team with an old review',
      { kind: 'Team', id: 't', name: 'T', ...reviewed('2026-01-01') },
      'stale',
      304,
    ],
  ];

  it.each(cases)('%s is %s', (_, entity, verdict, ageDays) => {
    const state = reviewState(entity, clock, 180);
    expect(state).toEqual(ageDays === undefined ? { verdict } : { verdict, ageDays });
  });

  it('marks stale and missing-but-required reviews only', () => {
    expect(needsReview({ verdict: 'stale', ageDays: 200 })).toBe(true);
    expect(needsReview({ verdict: 'never' })).toBe(true);
    expect(needsReview({ verdict: 'unreviewed' })).toBe(false);
    expect(needsReview({ verdict: 'exempt' })).toBe(false);
    expect(needsReview({ verdict: 'current', ageDays: 3 })).toBe(false);
  });

  it('counts whole UTC days, whatever the time of day', () => {
    const late = new ReviewClock(new Date('2026-11-01T23:59:59Z'));
    const early = new ReviewClock(new Date('2026-11-01T00:00:00Z'));
    expect(late.ageDays('2026-10-31')).toBe(1);
    expect(early.ageDays('2026-10-31')).toBe(1);
    expect(clock.ageDays('2026-11-01')).toBe(0);
  });
});
