/**
 * Child step: one catalog-core measurement in a fresh process.
 *
 *   node bench/steps/core-step.js validate DIR
 *   node bench/steps/core-step.js apply DIR DATABASE_URL   (a first apply or a no-op re-apply)
 *
 * Times only the operation (loadCatalog / applyCatalog); opening the store and running its
 * migrations is timed apart (openMs). Reports the process's peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { importDist } from '../lib/dist-snapshot.js';
import { cpuMsSince, peakRssBytes, reportFromChild } from '../lib/run-child.js';

const { applyCatalog } = await importDist('app/apply-catalog.js');
const { loadCatalog } = await importDist('catalog/load-catalog.js');
const { countBySeverity } = await importDist('core/finding.js');
const { openStore } = await importDist('storage/open-store.js');

export const BENCH_SOURCE = 'bench';
// Review ages are judged against the real date, as `switchboard validate` does: the catalog's
// reviews are dated back from the day it was generated (prepare-catalog.js), so about 60% of them
// are stale, as in a real catalog.

async function validate(dir) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const catalog = await loadCatalog(dir);
  const ms = performance.now() - t0;
  const cpuMs = cpuMsSince(cpu0);
  const { errors, warnings } = countBySeverity(catalog.findings);
  if (errors > 0) throw new Error(`the synthetic catalog has ${errors} error finding(s)`);
  return {
    ms,
    cpuMs,
    files: catalog.files.length,
    entities: catalog.entities.length,
    warnings,
    peakRss: peakRssBytes(),
  };
}

async function apply(dir, url) {
  const t0 = performance.now();
  const store = await openStore(url);
  const openMs = performance.now() - t0;
  try {
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const outcome = await applyCatalog(store, dir, {
      source: BENCH_SOURCE,
      author: 'npm run bench',
    });
    const ms = performance.now() - t1;
    const cpuMs = cpuMsSince(cpu0);
    const r = outcome.result;
    return {
      ms,
      cpuMs,
      openMs,
      noop: r === undefined,
      created: r?.created ?? 0,
      updated: r?.updated ?? 0,
      deleted: r?.deleted ?? 0,
      peakRss: peakRssBytes(),
    };
  } finally {
    await store.close();
  }
}

await reportFromChild(() => {
  const [step, dir, url] = process.argv.slice(2);
  if (step === 'validate') return validate(dir);
  if (step === 'apply') return apply(dir, url);
  throw new Error(`unknown step ${step}`);
});
