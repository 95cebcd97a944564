import { DEFAULT_REVIEW_MAX_AGE_DAYS } from '../../core/review-rule.js';
import type { Command } from 'commander';
import { parsePositiveInt } from '../option-parsers.js';
import type { AnswerSourceOptions } from './answer-client.js';

export interface AnswerCommandOptions extends AnswerSourceOptions {
  json?: boolean;
}

export const ANSWER_SOURCES_HELP =
  '\nWhere answers come from: the local database (--database, else DATABASE_URL, else\n' +
  'sqlite:./data/switchboard.db, the one `npm start` uses); a catalog directory with --catalog DIR\n' +
  '(no database needed; a directory with errors gives no answer: its errors are printed, exit 1);\n' +
  'or a running server with --server URL.';

/** The options every answer command shares. */
export function withAnswerOptions(command: Command): Command {
  return command
    .option('--catalog <dir>', 'answer from this catalog directory instead of a database')
    .option('--server <url>', 'ask a running Switchboard server, e.g. http://127.0.0.1:8080')
    .option('--database <url>', 'database URL (sqlite:PATH, a file path, or postgres://...)')
    .option(
      '--review-max-age <days>',
      `reviews older than this are stale (default ${DEFAULT_REVIEW_MAX_AGE_DAYS})`,
      parsePositiveInt,
    )
    .option('--json', 'print the answer as JSON (the same shape as the HTTP API)');
}
