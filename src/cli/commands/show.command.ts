import { Command } from 'commander';
import { stringify } from 'yaml';
import { inSchemaOrder } from '../../catalog/export-catalog.js';
import { printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { openAnswerClient } from '../answers/answer-client.js';
import {
  ANSWER_SOURCES_HELP,
  withAnswerOptions,
  type AnswerCommandOptions,
} from '../answers/answer-options.js';

export function showCommand(io: CliIo, setExit: (code: number) => void): Command {
  return withAnswerOptions(
    new Command('show')
      .summary('one entity: its fields, relations both ways, source file and review state')
      .description(
        'Show everything the catalog knows about ID (private contacts left out).\n' +
          ANSWER_SOURCES_HELP,
      )
      .argument('<id>', 'entity id'),
  ).action(async (id: string, opts: AnswerCommandOptions) => {
    const client = await openAnswerClient(opts, io);
    const detail = await client.show(id);
    if (opts.json === true) printJson(io, detail);
    else {
      io.out(stringify(inSchemaOrder(detail.entity), { lineWidth: 0 }).trimEnd());
      io.out('');
      const where =
        detail.source.file !== undefined
          ? ` (${detail.source.file}:${detail.source.line ?? 1})`
          : '';
      io.out(`source: ${detail.source.name}${where}`);
      const r = detail.review;
      io.out(
        r.date !== undefined
          ? `review: ${r.date} by ${r.by ?? '?'}, ${r.ageDays ?? '?'} days ago${r.stale ? ' (stale)' : ''}`
          : `review: never reviewed${r.stale ? ' (stale)' : ''}`,
      );
      const edges = [...detail.relations.outgoing, ...detail.relations.incoming];
      if (edges.length > 0) io.out('relations:');
      for (const e of edges)
        io.out(
          `  ${e.label.padEnd(16)} ${e.id}${e.name !== undefined ? ` (${e.name})` : ' (missing)'}`,
        );
    }
    setExit(EXIT.ok);
  });
}
