import { Command } from 'commander';
import { kindsInWords } from '../../core/kinds/registry.js';
import { printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { parsePositiveInt } from '../option-parsers.js';
import { openAnswerClient } from '../answers/answer-client.js';
import {
  ANSWER_SOURCES_HELP,
  withAnswerOptions,
  type AnswerCommandOptions,
} from '../answers/answer-options.js';

export function impactCommand(io: CliIo, setExit: (code: number) => void): Command {
  return withAnswerOptions(
    new Command('impact')
      .summary('everything affected if an entity disappears')
      .description(
        `List, transitively, what is affected if ID (a ${kindsInWords('singular')}) disappears,\n` +
          'each with the path that explains why (fastly → frontedBy ← pypi). For a person or team:\n' +
          'what it owns alone (orphaned) and with others (co-owned).\n' +
          ANSWER_SOURCES_HELP,
      )
      .argument('<id>', 'entity id')
      .option(
        '--limit <n>',
        'list at most N items (default 1000; the total is always counted)',
        parsePositiveInt,
      ),
  ).action(async (id: string, opts: AnswerCommandOptions & { limit?: number }) => {
    const client = await openAnswerClient(opts, io);
    const answer = await client.impact(id, opts.limit);
    if (opts.json === true) printJson(io, answer);
    else if (answer.total === 0) io.out(`Nothing in the catalog depends on ${id}.`);
    else {
      io.out(
        `If ${id} disappears, ${answer.total} entit${answer.total === 1 ? 'y is' : 'ies are'} affected:`,
      );
      for (const item of answer.items) {
        const mark =
          item.effect === 'orphaned'
            ? ' [left with no owner]'
            : item.effect === 'co-owned'
              ? ' [other owners remain]'
              : '';
        io.out(
          `  ${'  '.repeat(Math.min(item.depth - 1, 4))}${item.id} (${item.kind})${mark}: ${item.explanation}`,
        );
      }
    }
    setExit(EXIT.ok);
  });
}
