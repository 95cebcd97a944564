/**
 * The switchboard CLI: one file per command under commands/, each thin — parse options, call one
 * use case, print. Results go to stdout, diagnostics to stderr; exit codes are in exit-codes.ts.
 */
import { Command, CommanderError } from 'commander';
import { SwitchboardError } from '../core/errors.js';
import { processIo, type CliIo } from './cli-io.js';
import { applyCommand } from './commands/apply.command.js';
import { exportCommand } from './commands/export.command.js';
import { impactCommand } from './commands/impact.command.js';
import { importCommand } from './commands/import.command.js';
import { initCommand } from './commands/init.command.js';
import { listCommand } from './commands/list.command.js';
import { overviewCommand } from './commands/overview.command.js';
import { reportCommand } from './commands/report.command.js';
import { resolveCommand } from './commands/resolve.command.js';
import { showCommand } from './commands/show.command.js';
import { whoCommand } from './commands/who.command.js';
import { schemaCommand } from './commands/schema.command.js';
import { serveCommand } from './commands/serve.command.js';
import { validateCommand } from './commands/validate.command.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('switchboard')
    .description(
      'Switchboard: what a foundation runs, where it runs, and whom to contact.\n' +
        'Catalog files are validated and applied to a database (SQLite by default, PostgreSQL\n' +
        'with DATABASE_URL=postgres://...), then answered over the API, the web UI and this CLI.',
    )
    .version('0.1.0', '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .configureHelp({ helpWidth: 110 });
  const commands = [
    validateCommand,
    applyCommand,
    exportCommand,
    listCommand,
    showCommand,
    resolveCommand,
    whoCommand,
    impactCommand,
    reportCommand,
    overviewCommand,
    importCommand,
    initCommand,
    schemaCommand,
    serveCommand,
  ];
  for (const make of commands) program.addCommand(make(io, setExit));
  program.exitOverride();
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    command.configureHelp({ helpWidth: 110 });
    command.showHelpAfterError(`(run "switchboard ${command.name()} --help" for usage)`);
  }
  return program;
}

/** Run the CLI with `argv` (as process.argv); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      return benign.includes(error.code) || error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof SwitchboardError) {
      if (error.findings.length === 0) io.err(`switchboard: ${error.message} [${error.code}]`);
      else io.err(`switchboard: ${error.message}`);
      return exitCodeFor(error);
    }
    io.err(
      `switchboard: unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT.unavailable;
  }
}
