import { Command } from 'commander';
import { initCatalog, SCHEMA_FILE } from '../../app/init-catalog.js';
import { catalogJsonSchema } from '../../core/json-schema.js';
import { printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';

export function initCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('init')
    .summary('scaffold a new catalog repository (README, examples, schema, CI job)')
    .description(
      [
        'Write a new catalog repository into DIR (default: the current directory):',
        '  README.md             for contributors: adding a service, validating,',
        '                        what reviewers check',
        '  catalog/**/*.yaml     one valid example per kind, with the schema modeline',
        `  ${SCHEMA_FILE}   the JSON Schema, for editors (YAML language server)`,
        '  .vscode/settings.json applies the schema to catalog/**/*.yaml',
        '  .github/workflows/catalog.yml',
        '                        the CI job that validates pull requests',
        'Existing files are never overwritten without --force: init names them and',
        'writes nothing.',
        '',
        'Exit status: 0 written, 1 files exist (nothing written), 2 usage error,',
        '3 cannot write.',
      ].join('\n'),
    )
    .argument('[dir]', 'where to create the repository', '.')
    .option('--force', 'overwrite files that already exist')
    .option('--json', 'print the files written as JSON')
    .action(async (dir: string, opts: { force?: boolean; json?: boolean }) => {
      const result = await initCatalog(dir, {
        schema: catalogJsonSchema(),
        force: opts.force === true,
      });
      if (opts.json === true) printJson(io, result);
      else {
        for (const file of result.written) {
          io.out(`${result.overwritten.includes(file) ? 'overwrote' : 'wrote'}  ${file}`);
        }
        io.out(
          `\nNext: replace the examples with your own entries, then run\n` +
            `  node ${process.argv[1] ?? 'bin/switchboard.js'} validate --strict ${dir === '.' ? '' : `${dir}/`}catalog/\n` +
            `and set SWITCHBOARD_REPO in .github/workflows/catalog.yml to the git URL of your Switchboard.`,
        );
      }
      setExit(EXIT.ok);
    });
}
