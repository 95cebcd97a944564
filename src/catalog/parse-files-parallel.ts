/**
 * Loads a large catalog's files on two threads: a helper thread (parse-files-worker.ts) parses and
 * validates the last part of the files while this thread does the rest. Parsing and validation are
 * most of `validate` and `apply`, so on a machine with two cores or more this takes a large part
 * off a big catalog's run when a core is free. Small catalogs stay on one thread (a helper takes a
 * few hundred milliseconds to start), and if the helper cannot run, this thread does its share.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFileBatch, type FileBatch } from './parse-file-batch.js';
import type { ParseBudget, ParsedCatalogFile } from './parse-catalog-file.js';

/** Below this many bytes of catalog files, one thread does it all. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

/**
 * `auto`: two threads for a catalog of PARALLEL_MIN_BYTES or more when a core is idle (the helper
 * costs some CPU of its own: copying its results back; on a machine whose cores are all busy it
 * would only add that). `always` and `never` decide regardless (tests compare the two).
 */
export type ParallelMode = 'auto' | 'always' | 'never';
/** The helper's share of the bytes: a little under half, as it starts later. */
const HELPER_SHARE = 0.45;

const WORKER = new URL('./parse-files-worker.js', import.meta.url);

/** The same as parseFileBatch (results in the batch's order), on two threads when it pays. */
export async function parseFilesParallel(
  batch: FileBatch,
  budget: ParseBudget,
  mode: ParallelMode = 'auto',
): Promise<ParsedCatalogFile[]> {
  const n = batch.absolute.length;
  const cores = availableParallelism();
  // Run from the TypeScript sources (tests), there is no compiled worker: one thread.
  if (n < 2 || mode === 'never' || !existsSync(fileURLToPath(WORKER))) {
    return parseFileBatch(batch, budget);
  }
  if (mode === 'auto' && (cores < 2 || (loadavg()[0] ?? 0) > cores - 1)) {
    return parseFileBatch(batch, budget);
  }
  const sizes = await Promise.all(
    batch.absolute.map((path) =>
      stat(path).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const total = sizes.reduce((sum, size) => sum + Math.min(size, batch.maxBytes), 0);
  if (mode === 'auto' && total < PARALLEL_MIN_BYTES) return parseFileBatch(batch, budget);
  let split = n;
  for (let helperBytes = 0; split > 1 && helperBytes < total * HELPER_SHARE;) {
    split--;
    helperBytes += Math.min(sizes[split] ?? 0, batch.maxBytes);
  }
  const part = (from: number, to: number): FileBatch => ({
    absolute: batch.absolute.slice(from, to),
    files: batch.files.slice(from, to),
    maxBytes: batch.maxBytes,
  });
  // The budget for broken text is shared out: half each.
  const helperBudget = Math.floor(budget.brokenBytes / 2);
  budget.brokenBytes -= helperBudget;
  const helper = runHelper(part(split, n), helperBudget).catch(() =>
    parseFileBatch(part(split, n), { brokenBytes: helperBudget }),
  );
  const mine = await parseFileBatch(part(0, split), budget);
  return [...mine, ...(await helper)];
}

function runHelper(batch: FileBatch, brokenBytes: number): Promise<ParsedCatalogFile[]> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const worker = new Worker(WORKER, { workerData: { batch, brokenBytes } });
    worker.once('message', (parsed: ParsedCatalogFile[]) => {
      answered = true;
      resolve(parsed);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the catalog helper thread stopped (exit code ${code})`));
    });
  });
}
