import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { exportFiles, exportStream, type ExportedFile } from '../../catalog/export-catalog.js';
import { exportFileName, KIND_ORDER } from '../../core/kinds/registry.js';
import { privateContactCount } from '../../core/public-view.js';
import type { Entity } from '../../core/schema/entity.schema.js';
import {
  exportBackstage,
  exportBackstageStream,
} from '../../interop/backstage/export-backstage.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { withStore } from '../with-store.js';

type Format = 'yaml' | 'json' | 'backstage';

/** `services.yaml, hosts.yaml`: the first kinds' export files, named by the kind registry. */
const EXAMPLE_FILES = KIND_ORDER.slice(0, 2)
  .map((kind) => exportFileName(kind, 'yaml'))
  .join(', ');

interface ExportOptions {
  format: Format;
  out?: string;
  database?: string;
  includePrivate?: boolean;
}

function render(
  entities: Entity[],
  opts: ExportOptions,
): { stream: () => string; files: () => ExportedFile[] } {
  if (opts.format === 'backstage') {
    const options = { includePrivate: opts.includePrivate === true };
    return {
      stream: () => exportBackstageStream(entities, options),
      files: () => exportBackstage(entities, options),
    };
  }
  const format = opts.format;
  return {
    stream: () => exportStream(entities, format),
    files: () => exportFiles(entities, format),
  };
}

/** The stderr note for an export that holds private contacts, or undefined. */
function privateContactsNote(entities: readonly Entity[], opts: ExportOptions): string | undefined {
  if (opts.format === 'backstage' && opts.includePrivate !== true) return undefined;
  let contacts = 0;
  let holders = 0;
  for (const entity of entities) {
    const n = privateContactCount(entity);
    contacts += n;
    if (n > 0) holders++;
  }
  if (contacts === 0) return undefined;
  const leaveOut =
    opts.format === 'backstage' ? 'leave out --include-private' : 'use --format backstage';
  return (
    `Note: this export contains ${contacts} private contact${contacts === 1 ? '' : 's'} ` +
    `(of ${holders} entit${holders === 1 ? 'y' : 'ies'}); keep it where only those who may see them can read it ` +
    `(to export without them, ${leaveOut}).`
  );
}

export function exportCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('export')
    .summary('write the stored catalog back out as catalog files (or Backstage entity files)')
    .description(
      'Write every entity in the database as catalog files: to stdout as one multi-document\n' +
        `stream, or with --out DIR as one file per kind (${EXAMPLE_FILES}, ...).\n` +
        'Applying an export to an empty database reproduces the catalog exactly.\n' +
        '--format backstage writes backstage.io/v1alpha1 entity files instead (docs/backstage.md);\n' +
        'private contacts are left out of those unless --include-private. An export that holds\n' +
        'private contacts says so on stderr.',
    )
    .addOption(
      new Option('--format <format>', 'file format')
        .choices(['yaml', 'json', 'backstage'])
        .default('yaml'),
    )
    .option('--out <dir>', 'write one file per kind into this directory')
    .option('--include-private', 'with --format backstage: also export private contacts')
    .option('--database <url>', 'database URL (sqlite:PATH, a file path, or postgres://...)')
    .action(async (opts: ExportOptions) => {
      const entities = await withStore(opts.database, async (store) =>
        [...(await store.loadAll()).values()].map((s) => s.entity),
      );
      const output = render(entities, opts);
      const note = privateContactsNote(entities, opts);
      if (opts.out === undefined) {
        io.data(output.stream());
      } else {
        await mkdir(opts.out, { recursive: true });
        const files = output.files();
        for (const file of files) {
          await mkdir(path.dirname(path.join(opts.out, file.path)), { recursive: true });
          await writeFile(path.join(opts.out, file.path), file.content);
        }
        io.err(`Wrote ${entities.length} entities to ${files.length} file(s) in ${opts.out}.`);
      }
      if (note !== undefined) io.err(note);
      setExit(EXIT.ok);
    });
}
