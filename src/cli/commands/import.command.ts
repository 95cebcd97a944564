import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { exportStream } from '../../app/export-catalog.js';
import { countBySeverity, formatFinding } from '../../core/finding.js';
import { importBackstage } from '../../interop/backstage/import-backstage.js';
import { parseMappingFile, type ImportMapping } from '../../interop/backstage/import-mapping.js';
import { renderImportReport } from '../../interop/backstage/import-report.js';
import { printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';

interface ImportBackstageCliOptions {
  out?: string;
  mapping?: string;
  force?: boolean;
  json?: boolean;
}

async function existing(dir: string, files: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) {
    const there = await access(path.join(dir, file)).then(
      () => true,
      () => false,
    );
    if (there) found.push(file);
  }
  return found;
}

async function loadMapping(
  io: CliIo,
  file: string | undefined,
): Promise<ImportMapping | undefined | 'bad'> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    io.err(`switchboard: --mapping ${file}: cannot read the file`);
    return 'bad';
  }
  const parsed = parseMappingFile(text);
  if (parsed.ok) return parsed.mapping;
  io.err(`switchboard: --mapping ${file}: ${parsed.message}`);
  return 'bad';
}

function backstageCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('backstage')
    .summary('convert Backstage catalog-info.yaml files into Switchboard catalog files')
    .description(
      [
        'Read Backstage entity files (single or multi-document YAML; a PATH is a file',
        'or a directory walked for .yaml/.yml) and every local file their Location',
        'entities point to, and write Switchboard catalog files that validate.',
        'Components and Resources become Services, Hosts or Providers by spec.type;',
        'Groups become Teams, Users People; Systems and Domains become tags, APIs',
        'links. Names become ids (lowercase, "_" and "." to "-", a non-default',
        'namespace prefixed); every conversion is reported, and so is every field',
        'that was not carried over, per entity. See docs/backstage.md.',
        '',
        'Without --out the catalog goes to stdout and the report to stderr.',
        '--mapping FILE overrides which kind each spec.type becomes, e.g.',
        '  component: {types: {library: skip}}',
        '  resource: {default: Host, types: {database: Service}}',
        '  privateUserEmails: true',
        '',
        'Exit status: 0 imported (the report may list fields not carried over),',
        '1 invalid input (located errors; nothing written) or files in --out exist,',
        '2 usage error, 3 cannot write.',
      ].join('\n'),
    )
    .argument('<paths...>', 'Backstage entity files or directories')
    .option('--out <dir>', 'write one catalog file per kind into this directory')
    .option('--mapping <file>', 'YAML file overriding the spec.type → kind mapping')
    .option('--force', 'overwrite existing files in --out')
    .option('--json', 'print the findings, the report and the files as JSON')
    .action(async (paths: string[], opts: ImportBackstageCliOptions) => {
      const mapping = await loadMapping(io, opts.mapping);
      if (mapping === 'bad') {
        setExit(EXIT.usage);
        return;
      }
      const result = await importBackstage(paths, { mapping });
      const { errors, warnings } = countBySeverity(result.findings);
      let written: string[] = [];
      let clash: string[] = [];
      if (errors === 0 && opts.out !== undefined) {
        clash =
          opts.force === true
            ? []
            : await existing(
                opts.out,
                result.files.map((f) => f.path),
              );
        if (clash.length === 0) {
          await mkdir(opts.out, { recursive: true });
          for (const file of result.files)
            await writeFile(path.join(opts.out, file.path), file.content);
          written = result.files.map((f) => f.path);
        }
      }
      const ok = errors === 0 && clash.length === 0;
      if (opts.json === true) {
        printJson(io, {
          ok,
          out: opts.out ?? null,
          written,
          existing: clash,
          errors,
          warnings,
          findings: result.findings,
          report: result.report,
          ...(opts.out === undefined && ok ? { entities: result.entities } : {}),
        });
      } else {
        const notes = opts.out === undefined ? io.err : io.out;
        for (const f of result.findings)
          (f.severity === 'error' ? io.err : notes)(formatFinding(f));
        for (const line of renderImportReport(result.report)) notes(line);
        if (errors > 0) io.err(`${errors} error(s), ${warnings} warning(s): nothing was written.`);
        else if (clash.length > 0)
          io.err(
            `switchboard: refusing to overwrite ${clash.join(', ')} in ${opts.out} (use --force); nothing was written.`,
          );
        else if (opts.out === undefined) io.out(exportStream(result.entities, 'yaml'));
        else
          notes(
            `Wrote ${result.entities.length} entities to ${written.length} file(s) in ${opts.out}.`,
          );
      }
      setExit(ok ? EXIT.ok : EXIT.failure);
    });
}

export function importCommand(io: CliIo, setExit: (code: number) => void): Command {
  const backstage = backstageCommand(io, setExit);
  backstage.exitOverride();
  backstage.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  backstage.showHelpAfterError('(run "switchboard import backstage --help" for usage)');
  const command = new Command('import')
    .summary('convert catalogs from other tools into Switchboard catalog files')
    .description(
      "Convert another tool's catalog into Switchboard catalog files.\n" +
        'Sources: backstage (catalog-info.yaml files);\n' +
        'see "switchboard import backstage --help".\n\n' +
        'Exit status: 2 when no source is named.',
    )
    .addCommand(backstage);
  return command.action(() => {
    io.err(command.helpInformation());
    setExit(EXIT.usage);
  });
}
