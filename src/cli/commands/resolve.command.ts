import { Command } from 'commander';
import { printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { parsePositiveInt } from '../option-parsers.js';
import { openAnswerClient } from '../answers/answer-client.js';
import {
  ANSWER_SOURCES_HELP,
  withAnswerOptions,
  type AnswerCommandOptions,
} from '../answers/answer-options.js';

export function resolveCommand(io: CliIo, setExit: (code: number) => void): Command {
  return withAnswerOptions(
    new Command('resolve')
      .summary('find the service, host or provider a URL, host name or name belongs to')
      .description(
        'Host names match exactly first, then the most specific wildcard, then the longest URL prefix;\n' +
          'then ids; names match exactly, then fuzzily (misspellings), best first. Each match says how.\n' +
          ANSWER_SOURCES_HELP +
          '\nExit status: 0 at least one match, 1 no match or --catalog DIR has errors, 2 usage error,\n3 unavailable.',
      )
      .argument('<query...>', 'URL, host name, id or name')
      .option('--limit <n>', 'at most this many matches (default 10)', parsePositiveInt),
  ).action(async (words: string[], opts: AnswerCommandOptions & { limit?: number }) => {
    const client = await openAnswerClient(opts, io);
    const answer = await client.resolve(words.join(' '), opts.limit);
    if (opts.json === true) printJson(io, answer);
    else if (answer.matches.length === 0)
      io.err(`Nothing in the catalog matches "${answer.query}".`);
    else {
      for (const m of answer.matches) {
        io.out(`${m.id.padEnd(28)} ${m.kind.padEnd(9)} ${m.name}  [${m.matchedBy}: ${m.detail}]`);
      }
    }
    setExit(answer.matches.length > 0 ? EXIT.ok : EXIT.failure);
  });
}
