/**
 * The helper thread of a large catalog load (parse-files-parallel.ts): parses and validates its
 * share of the files and sends the results back. Position-tracking parses (`located`) are class
 * instances that do not survive the copy: they are dropped here and made again on demand.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseFileBatch, type FileBatch } from './parse-file-batch.js';

const { batch, brokenBytes } = workerData as { batch: FileBatch; brokenBytes: number };
const parsed = await parseFileBatch(batch, { brokenBytes });
for (const file of parsed) for (const doc of file.documents) doc.located = undefined;
parentPort?.postMessage(parsed);
