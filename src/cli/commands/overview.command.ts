import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { OverviewFormat } from '../../core/answers/overview/render-overview.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { openAnswerClient } from '../answers/answer-client.js';
import {
  ANSWER_SOURCES_HELP,
  withAnswerOptions,
  type AnswerCommandOptions,
} from '../answers/answer-options.js';

export function overviewCommand(io: CliIo, setExit: (code: number) => void): Command {
  return withAnswerOptions(
    new Command('overview')
      .summary('generate the Infrastructure Overview page (Markdown, reStructuredText or HTML)')
      .description(
        'Regenerate the foundation\'s "Infrastructure Overview" from the catalog: the team and how to\n' +
          'reach it, the providers and what each is used for, then every service with where it runs, what\n' +
          'fronts it, how it is managed, its owners and contacts. The RST builds under Sphinx with -W.\n' +
          ANSWER_SOURCES_HELP,
      )
      .addOption(
        new Option('--format <format>', 'md, rst or html')
          .choices(['md', 'rst', 'html'])
          .default('md'),
      )
      .option('--out <file>', 'write to a file instead of stdout'),
  ).action(async (opts: AnswerCommandOptions & { format: OverviewFormat; out?: string }) => {
    const client = await openAnswerClient(opts, io);
    const text = await client.overview(opts.format);
    if (opts.out === undefined) io.data(text);
    else {
      await writeFile(opts.out, text);
      io.err(`Wrote ${opts.out}.`);
    }
    setExit(EXIT.ok);
  });
}
