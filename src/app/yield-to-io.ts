/**
 * Giving the event loop back to requests between two slices of background work.
 *
 * One turn of Node's event loop accepts at most one new connection (measured on Node 20: twenty
 * clients connecting at once to a server whose loop runs 15 ms of work per turn were accepted
 * one per turn, the last after 330 ms). A single `setImmediate` between slices therefore lets
 * waiting connections in one slice at a time, however short the requests are. Instead, keep
 * turning the loop while the turns find work (connections to accept, requests to read and
 * answer), and go back to the background work once a turn finds nothing to do — or once the
 * pause has lasted `maxAwayMs`, so that background work still gets its share under constant load.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A turn of the event loop shorter than this found nothing to do: an empty turn takes a few
 * microseconds, accepting one connection 40–80 (measured on Node 20). A turn slowed by something
 * else (a collection) only costs one more turn.
 */
export const QUIET_TURN_MS = 0.02;
/** The most turns one pause takes, whatever it finds. */
export const MAX_PAUSE_TURNS = 64;

/**
 * Turn the event loop until a turn is quiet, `maxAwayMs` have passed or MAX_PAUSE_TURNS turns
 * were taken; resolves with how long the pause lasted, in ms. At least one turn is taken.
 */
export async function yieldToIo(maxAwayMs: number, signal?: AbortSignal): Promise<number> {
  const start = performance.now();
  for (let turn = 0; turn < MAX_PAUSE_TURNS; turn++) {
    const before = performance.now();
    await nextTurn();
    signal?.throwIfAborted();
    const now = performance.now();
    if (now - before < QUIET_TURN_MS || now - start >= maxAwayMs) break;
  }
  return performance.now() - start;
}
