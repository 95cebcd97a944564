import { Command } from 'commander';
import { applyCatalog } from '../../app/apply-catalog.js';
import { defaultSourceFor } from '../../app/catalog-source.js';
import { SwitchboardError } from '../../core/errors.js';
import { summarizePlan } from '../../core/plan.js';
import { defaultAuthor, printJson, type CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { printFindings } from '../render-findings.js';
import { printPlan } from '../render-plan.js';
import { withStore } from '../with-store.js';

interface ApplyOptions {
  plan?: boolean;
  source?: string;
  author?: string;
  database?: string;
  strict?: boolean;
  json?: boolean;
}

export function applyCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('apply')
    .summary('validate a catalog directory, show the plan and apply it in one transaction')
    .description(
      'Validate DIR, compute the plan (entities to create, update with a field-level diff, and\n' +
        'delete) against the database, print it, and apply it in one transaction. The directory is\n' +
        'the source of the entities it declares: entities that disappear from it are deleted; an\n' +
        'entity another source manages is a conflict and nothing is written. Any error means\n' +
        'nothing is written. Every change is recorded with its source and author.\n\n' +
        'Database: --database, else DATABASE_URL, else sqlite:./data/switchboard.db.\n' +
        'Exit status: 0 applied (or nothing to do), 1 invalid catalog or conflict, 2 usage error,\n' +
        '3 database unavailable.',
    )
    .argument('<dir>', 'catalog directory')
    .option('--plan', 'only print the plan; write nothing')
    .option('--source <name>', 'the source that owns these entities (default: dir:<DIR>)')
    .option(
      '--author <name>',
      'who is applying, for the change records (default: $SWITCHBOARD_AUTHOR or cli:<user>)',
    )
    .option('--database <url>', 'database URL (sqlite:PATH, a file path, or postgres://...)')
    .option('--strict', 'treat validation warnings as errors')
    .option('--json', 'print the plan and result as JSON')
    .action(async (dir: string, opts: ApplyOptions) => {
      const source = opts.source ?? defaultSourceFor(dir);
      await withStore(opts.database, async (store) => {
        try {
          const outcome = await applyCatalog(store, dir, {
            source,
            author: opts.author ?? defaultAuthor(),
            planOnly: opts.plan === true,
            strict: opts.strict === true,
          });
          const warnings = outcome.catalog.findings.filter((f) => f.severity === 'warning');
          if (opts.json === true) {
            printJson(io, {
              source,
              summary: { ...summarizePlan(outcome.plan), unchanged: outcome.plan.unchanged },
              plan: outcome.plan.changes,
              applied: outcome.result ?? null,
              warnings,
            });
          } else {
            if (warnings.length > 0) printFindings(io, warnings, dir);
            printPlan(io, outcome.plan);
            if (opts.plan === true) io.out('Nothing written (--plan).');
            else if (outcome.result === undefined)
              io.out('Nothing to do: the database already matches.');
            else {
              const r = outcome.result;
              io.out(
                `Applied: ${r.created} created, ${r.updated} updated, ${r.deleted} deleted (catalog version ${r.version}).`,
              );
            }
          }
          setExit(EXIT.ok);
        } catch (error) {
          if (error instanceof SwitchboardError && error.findings.length > 0) {
            if (opts.json === true) {
              printJson(io, {
                source,
                error: { code: error.code, message: error.message },
                findings: error.findings,
              });
            } else {
              printFindings(io, error.findings, dir);
            }
          }
          throw error;
        }
      });
    });
}
