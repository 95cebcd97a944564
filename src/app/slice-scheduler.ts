/**
 * Runs sliced work (core/sliced.ts) a few milliseconds at a time, so that large answers (the
 * overview, impact of deep dependency chains, whole-catalog reports) never hold the event loop:
 * between two turns other requests are read and answered. One scheduler serves every job of a
 * server in turn (round robin), so ten heavy requests at once still take one short turn between
 * two pauses for requests, not ten.
 *
 * Why not a worker thread: a worker would need its own copy of the catalog index (hundreds of
 * MB at 100,000 entities) or a serialized one per version; slices share the one index.
 */
import { AsyncResource } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { Sliced } from '../core/sliced.js';
import { yieldToIo } from './yield-to-io.js';

/** Longest a turn may run before the event loop gets to answer other requests. */
export const DEFAULT_TURN_MS = 5;

interface Job {
  work: Sliced<unknown>;
  /**
   * The async context of the request that asked for the work: its steps run in it, whichever
   * request's turn of the event loop they happen in (the catalog version pinned for that request
   * is the one they read).
   */
  scope: AsyncResource;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class SliceScheduler {
  private readonly queue: Job[] = [];
  private scheduled = false;

  constructor(private readonly turnMs = DEFAULT_TURN_MS) {}

  /** Run `work` to its end in turns; resolves with its result (or rejects with its error). */
  run<T>(work: Sliced<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const scope = new AsyncResource('switchboard.slice');
      this.queue.push({ work, scope, resolve: resolve, reject });
      this.schedule();
    });
  }

  /** Jobs not finished yet. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * The next turn, once the event loop has served what waits (yield-to-io.ts: connections are
   * accepted one per loop turn, so a single turn between two would let them in one at a time).
   */
  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    void yieldToIo(2 * this.turnMs).then(() => {
      this.scheduled = false;
      this.turn();
      this.schedule();
    });
  }

  /** One turn: each job in order gets a share of the turn, at least one step. */
  private turn(): void {
    const end = performance.now() + this.turnMs;
    const jobs = this.queue.length;
    for (let n = 0; n < jobs && this.queue.length > 0; n++) {
      const job = this.queue.shift() as Job;
      const share = Math.max(0.5, (end - performance.now()) / (jobs - n));
      const stop = performance.now() + share;
      const finished = job.scope.runInAsyncScope(() => runShare(job, stop));
      if (finished) job.scope.emitDestroy();
      if (!finished) this.queue.push(job);
      if (performance.now() >= end) break;
    }
  }
}

/** Steps of one job until it ends or `stop` passes; true when it ended (resolved or rejected). */
function runShare(job: Job, stop: number): boolean {
  try {
    do {
      const step = job.work.next();
      if (step.done) {
        job.resolve(step.value);
        return true;
      }
    } while (performance.now() < stop);
    return false;
  } catch (error) {
    job.reject(error);
    return true;
  }
}
