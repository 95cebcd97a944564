/**
 * Print the tables of a results file as Markdown, for docs/benchmarks.md:
 *   node bench/markdown.js [bench/results/latest.json]
 */
import { readFile } from 'node:fs/promises';
import { coreTable, readTable } from './lib/report.js';

const file = process.argv[2] ?? new URL('./results/latest.json', import.meta.url).pathname;
const run = JSON.parse(await readFile(file, 'utf8'));
const missed = run.verdicts.filter((v) => v.verdict === 'MISS').length;
const lines = [
  `Run of ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC, commit ${run.commit?.slice(0, 7) ?? '?'}` +
    `${run.srcChanged ? ' (with uncommitted changes under src/)' : ''}; ${run.machine.cpus} × ${run.machine.cpuModel}, ` +
    `Node ${run.machine.node}; load average ${run.machine.loadAverage.join(' / ')} at the start, ` +
    `${run.loadAverageAtEnd.join(' / ')} at the end. ${missed} target(s) missed.`,
  '',
  coreTable(run, 'markdown'),
  ...run.sizes.map((s) => `\n${readTable(s, run.options, 'markdown')}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
