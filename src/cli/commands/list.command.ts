import { Command, InvalidArgumentError } from 'commander';
import {
  MAX_LIST_LIMIT,
  type ListFilter,
  type ListPage,
} from '../../core/answers/catalog-index.js';
import { statusDescription } from '../../core/kinds/list-filters.js';
import { kindsInWords } from '../../core/kinds/registry.js';
import { KNOWN_MANAGERS } from '../../core/kinds/vocabularies.js';
import { ENTITY_KINDS } from '../../core/schema/entity.schema.js';
import { printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { parsePositiveInt } from '../option-parsers.js';
import { openAnswerClient } from '../answers/answer-client.js';
import {
  ANSWER_SOURCES_HELP,
  withAnswerOptions,
  type AnswerCommandOptions,
} from '../answers/answer-options.js';

type ListOptions = AnswerCommandOptions & Omit<ListFilter, 'q'> & ListPage;

function parseKind(value: string): string {
  const kind = ENTITY_KINDS.find((k) => k.toLowerCase() === value.toLowerCase());
  if (kind === undefined)
    throw new InvalidArgumentError(`expected one of ${ENTITY_KINDS.join(', ')}`);
  return kind;
}

function parseLimit(value: string): number {
  const n = parsePositiveInt(value);
  if (n > MAX_LIST_LIMIT) throw new InvalidArgumentError(`at most ${MAX_LIST_LIMIT}`);
  return n;
}

export function listCommand(io: CliIo, setExit: (code: number) => void): Command {
  return withAnswerOptions(
    new Command('list')
      .summary('list entities, filtered by kind, owner, placement, management, tag, text')
      .description(
        `List entities in a stable order (by kind: ${kindsInWords('plural', 'and')}; then by id).\n` +
          'Filters combine with AND. Pages: --limit (max 500) and --cursor from the previous page.\n' +
          ANSWER_SOURCES_HELP,
      )
      .argument('[text...]', 'free text to search ids, names, descriptions and tags')
      .option('--kind <kind>', `only this kind: ${ENTITY_KINDS.join(', ')} (any case)`, parseKind)
      .option('--owner <id>', 'owned by this person or team')
      .option('--runs-on <id>', 'runs on this host or provider')
      .option('--fronted-by <id>', 'fronted by this provider')
      .option('--managed-by <tool>', `managed by ${KNOWN_MANAGERS.join(', ')}, ...`)
      .option('--tag <tag>', 'has this tag')
      .option('--status <status>', `in this status: ${statusDescription().replace(/\.$/, '')}`)
      .option('--limit <n>', 'page size (default 50, max 500)', parseLimit)
      .option('--cursor <cursor>', 'continue after the previous page'),
  ).action(async (text: string[], opts: ListOptions) => {
    const client = await openAnswerClient(opts, io);
    const q = text.join(' ').trim();
    const result = await client.list(
      {
        kind: opts.kind,
        owner: opts.owner,
        runsOn: opts.runsOn,
        frontedBy: opts.frontedBy,
        managedBy: opts.managedBy,
        tag: opts.tag,
        status: opts.status,
        ...(q !== '' ? { q } : {}),
      },
      { limit: opts.limit, cursor: opts.cursor },
    );
    if (opts.json === true) printJson(io, result);
    else {
      if (result.items.length === 0) io.err('No entities match.');
      for (const e of result.items) io.out(`${e.id.padEnd(30)} ${e.kind.padEnd(9)} ${e.name}`);
      if (result.nextCursor !== undefined) io.err(`More: add --cursor ${result.nextCursor}`);
    }
    setExit(EXIT.ok);
  });
}
