import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { exportStream } from '../../catalog/export-catalog.js';
import { countBySeverity, formatFinding } from '../../core/finding.js';
import { importBackstage, type ImportResult } from '../../interop/backstage/import-backstage.js';
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

interface TextOutcome {
  out: string | undefined;
  written: string[];
  clash: string[];
  errors: number;
  warnings: number;
}

/**
 * Findings always go to stderr, errors (which block writing) before warnings. When nothing is
 * written, that is said first and last, and the report (on stderr) says what would have been
 * made. Otherwise the report goes to stdout with --out (it is the command's output) and to stderr
 * without (stdout then holds the catalog).
 */
function printText(io: CliIo, result: ImportResult, o: TextOutcome): void {
  const counts = `${o.errors} error(s), ${o.warnings} warning(s)`;
  const blocked = o.errors > 0 || o.clash.length > 0;
  const refusal = `switchboard: refusing to overwrite ${o.clash.join(', ')} in ${o.out ?? ''} (use --force); nothing was written.`;
  if (o.errors > 0)
    io.err(`Nothing was written: the input has ${counts}; the errors are listed first.`);
  else if (o.clash.length > 0) io.err(refusal);
  const findings = [
    ...result.findings.filter((f) => f.severity === 'error'),
    ...result.findings.filter((f) => f.severity !== 'error'),
  ];
  for (const f of findings) io.err(formatFinding(f));
  const report = blocked || o.out === undefined ? io.err : io.out;
  if (findings.length > 0 && report === io.err) io.err('');
  for (const line of renderImportReport(result.report, { blocked })) report(line);
  if (o.errors > 0)
    io.err(`${counts}: nothing was written (the errors are listed above the report).`);
  else if (o.clash.length > 0) io.err('Nothing was written.');
  else if (o.out === undefined) io.data(exportStream(result.entities, 'yaml'));
  else
    io.out(`Wrote ${result.entities.length} entities to ${o.written.length} file(s) in ${o.out}.`);
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
        'Findings go to stderr, errors first. Without --out the catalog goes to',
        'stdout and the report to stderr; with --out the report goes to stdout.',
        'When nothing is written (errors, or files in the way) everything goes to',
        'stderr, starting with that, and the report says what would have been made.',
        'A link of type website (or titled "Website", "Home page") becomes one of',
        "the Service's urls, as does the one plain link of a website Component.",
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
      } else printText(io, result, { out: opts.out, written, clash, errors, warnings });
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
