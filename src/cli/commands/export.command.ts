import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { exportFiles, exportStream, type ExportFormat } from '../../app/export-catalog.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { withStore } from '../with-store.js';

export function exportCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('export')
    .summary('write the stored catalog back out as catalog files')
    .description(
      'Write every entity in the database as catalog files: to stdout as one multi-document\n' +
        'stream, or with --out DIR as one file per kind (services.yaml, hosts.yaml, ...).\n' +
        'Applying an export to an empty database reproduces the catalog exactly.',
    )
    .addOption(
      new Option('--format <format>', 'file format').choices(['yaml', 'json']).default('yaml'),
    )
    .option('--out <dir>', 'write one file per kind into this directory')
    .option('--database <url>', 'database URL (sqlite:PATH, a file path, or postgres://...)')
    .action(async (opts: { format: ExportFormat; out?: string; database?: string }) => {
      const entities = await withStore(opts.database, async (store) =>
        [...(await store.loadAll()).values()].map((s) => s.entity),
      );
      if (opts.out === undefined) {
        io.out(exportStream(entities, opts.format));
      } else {
        await mkdir(opts.out, { recursive: true });
        const files = exportFiles(entities, opts.format);
        for (const file of files) await writeFile(path.join(opts.out, file.path), file.content);
        io.err(`Wrote ${entities.length} entities to ${files.length} file(s) in ${opts.out}.`);
      }
      setExit(EXIT.ok);
    });
}
