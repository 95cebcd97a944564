import { DEFAULT_REVIEW_MAX_AGE_DAYS } from '../../core/review-rule.js';
import { Command, Option } from 'commander';
import { loadCatalog } from '../../catalog/load-catalog.js';
import { countBySeverity } from '../../core/finding.js';
import { printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { parseDate, parsePositiveInt } from '../option-parsers.js';
import { printFindings } from '../render-findings.js';

export function validateCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('validate')
    .summary('check a catalog directory without touching any database')
    .description(
      'Check every .yaml/.yml file under DIR and report every problem in one run, as\n' +
        '"file:line:column  entity-id  message". Errors fail; warnings (cycles, missing owners or\n' +
        'contacts, stale reviews, YAML 1.1 booleans) do not, unless --strict.\n\n' +
        'Where each goes: errors on stderr, warnings on stdout, in file and line order (read\n' +
        'together, as with 2>&1, they interleave in that order), then a summary line (stderr when\n' +
        'there are errors). With --strict every finding is an error; --format json prints\n' +
        'everything on stdout.\n\n' +
        'Exit status: 0 clean (warnings allowed), 1 errors found, 2 usage error.',
    )
    .argument('[dir]', 'catalog directory', '.')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'),
    )
    .option('--json', 'same as --format json')
    .option('--strict', 'treat warnings as errors')
    .option('--max-file-size <bytes>', 'skip and report files larger than this', parsePositiveInt)
    .option(
      '--review-max-age <days>',
      `warn when a review is older than this (default ${DEFAULT_REVIEW_MAX_AGE_DAYS})`,
      parsePositiveInt,
    )
    .option('--today <YYYY-MM-DD>', 'date to judge review age against (default: today)', parseDate)
    .action(
      async (
        dir: string,
        opts: {
          format: string;
          json?: boolean;
          strict?: boolean;
          maxFileSize?: number;
          reviewMaxAge?: number;
          today?: Date;
        },
      ) => {
        const catalog = await loadCatalog(dir, {
          maxFileBytes: opts.maxFileSize,
          reviewMaxAgeDays: opts.reviewMaxAge,
          today: opts.today,
        });
        const findings =
          opts.strict === true
            ? catalog.findings.map((f) => ({ ...f, severity: 'error' as const }))
            : catalog.findings;
        const { errors, warnings } = countBySeverity(findings);
        if (opts.json === true || opts.format === 'json') {
          printJson(io, {
            ok: errors === 0,
            directory: dir,
            files: catalog.files.length,
            entities: catalog.entities.length,
            errors,
            warnings,
            findings,
          });
        } else {
          printFindings(
            io,
            findings,
            `${dir}: ${catalog.files.length} file(s), ${catalog.entities.length} valid entit${catalog.entities.length === 1 ? 'y' : 'ies'}`,
          );
        }
        setExit(errors > 0 ? EXIT.failure : EXIT.ok);
      },
    );
}
