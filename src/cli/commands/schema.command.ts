import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { catalogJsonSchema } from '../../core/json-schema.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';

export function schemaCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('schema')
    .summary('print the JSON Schema of catalog files (for editors and other tools)')
    .description(
      'Print the JSON Schema (draft 2020-12) that one catalog document follows. Editors with the\n' +
        'YAML language server validate and complete catalog files with it: put\n' +
        '  # yaml-language-server: $schema=<path or URL of the schema>\n' +
        'on the first line of a catalog file. The same schema is kept at schema/catalog.schema.json\n' +
        'and served at /api/v1/catalog.schema.json.',
    )
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (opts: { out?: string }) => {
      const text = `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`;
      if (opts.out === undefined) io.data(text);
      else await writeFile(opts.out, text);
      setExit(EXIT.ok);
    });
}
