/**
 * The targets of issues #2 (catalog core) and #3 (fast read path), stated for 100,000 entities on
 * the project's 2-core machine. Times in milliseconds, memory in bytes.
 */
export const TARGET_SIZE = 100_000;
export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

export const CORE_TARGETS = {
  validate: 5_000,
  apply: 15_000,
  reapply: 5_000,
  peakRss: GiB,
};

/** p99 latency targets per read route (routes without one are reported, not judged). */
export const READ_P99_TARGETS = {
  get: 5,
  resolve: 5,
  who: 5,
  list: 20,
  /** "a provider with 10,000 dependents": the provider whose impact is nearest that size. */
  impactNear10k: 50,
};

/**
 * Issue #8 "No request stalls the server": while any route is under load, the server's event loop
 * is never held longer than this (perf_hooks.monitorEventLoopDelay inside the server) ...
 */
export const LOOP_BLOCK_MS = 50;
/** ... /healthz answers within this at p99 while the heaviest routes run ... */
export const HEALTHZ_BESIDE_HEAVY_P99_MS = 10;
/** ... and the overview's first answer (nothing kept yet) comes within this, in each format. */
export const OVERVIEW_FIRST_MS = 5_000;

export const SERVER_TARGETS = {
  startup: 10_000,
  rss: GiB,
};

export const verdict = (value, limit) =>
  value === undefined || Number.isNaN(value) ? 'n/a' : value < limit ? 'PASS' : 'MISS';
