/**
 * What the routes with large answers share: one scheduler that runs their work in slices
 * (app/slice-scheduler.ts) and the per-version caches of their bodies (answer-cache.ts).
 */
import { SliceScheduler } from '../app/slice-scheduler.js';
import { AnswerCache } from './answer-cache.js';

/** Bytes of overview pages kept (the three formats at 100,000 entities take ~180 MB). */
export const OVERVIEW_CACHE_BYTES = 256 * 1024 * 1024;
/** Bytes of report and summary bodies kept. */
export const REPORT_CACHE_BYTES = 64 * 1024 * 1024;
/** Bytes of impact and graph bodies kept (an impact of a deep chain at 100,000: ~1.4 MB). */
export const WALK_CACHE_BYTES = 64 * 1024 * 1024;

export interface SlicedAnswers {
  slices: SliceScheduler;
  overviews: AnswerCache;
  reports: AnswerCache;
  /** Impact and graph answers: graph walks that may take thousands of steps. */
  walks: AnswerCache;
}

export function slicedAnswers(): SlicedAnswers {
  return {
    slices: new SliceScheduler(),
    overviews: new AnswerCache(OVERVIEW_CACHE_BYTES),
    reports: new AnswerCache(REPORT_CACHE_BYTES),
    walks: new AnswerCache(WALK_CACHE_BYTES),
  };
}
