import { Command } from 'commander';
import { REPORTS } from '../../core/answers/reports/report-registry.js';
import { printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { openAnswerClient } from '../answers/answer-client.js';
import {
  ANSWER_SOURCES_HELP,
  withAnswerOptions,
  type AnswerCommandOptions,
} from '../answers/answer-options.js';

export function reportCommand(io: CliIo, setExit: (code: number) => void): Command {
  const names = REPORTS.map((r) => `  ${r.name.padEnd(20)} ${r.title}`).join('\n');
  return withAnswerOptions(
    new Command('report')
      .summary(`run a report: ${REPORTS.map((r) => r.name).join(', ')}`)
      .description(`Run one report over the catalog. Reports:\n${names}\n` + ANSWER_SOURCES_HELP)
      .argument('[name]', 'report name (omit to list the reports with their counts)'),
  ).action(async (name: string | undefined, opts: AnswerCommandOptions) => {
    const client = await openAnswerClient(opts, io);
    if (name === undefined) {
      const summary = await client.summary();
      if (opts.json === true) printJson(io, summary.reports);
      else
        for (const r of summary.reports)
          io.out(`${r.name.padEnd(20)} ${String(r.count).padStart(5)}  ${r.title}`);
      setExit(EXIT.ok);
      return;
    }
    const report = await client.report(name, opts.reviewMaxAge);
    if (opts.json === true) printJson(io, report);
    else {
      io.out(`${report.title} (${report.rows.length})\n${report.description}\n`);
      for (const row of report.rows) {
        const where = row.source !== undefined ? `  [${row.source.file}:${row.source.line}]` : '';
        io.out(`  ${row.id} (${row.kind}): ${row.reason}${where}`);
      }
    }
    setExit(EXIT.ok);
  });
}
