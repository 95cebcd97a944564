/**
 * The switchboard CLI: one file per command under commands/, each thin — parse options, call one
 * use case, print. Results go to stdout, diagnostics to stderr; exit codes are in exit-codes.ts.
 */
import { Command, CommanderError } from 'commander';
import { SwitchboardError } from '../core/errors.js';
import { processIo, type CliIo } from './cli-io.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

type CommandFactory = (io: CliIo, setExit: (code: number) => void) => Command;

/**
 * Every command, in the order --help lists them, each loaded only when needed: a command's
 * module pulls in what it runs (the database drivers, the server, the catalog parsers), and
 * loading all of them took most of a second of every run.
 */
const COMMANDS: readonly { name: string; load: () => Promise<CommandFactory> }[] = [
  {
    name: 'validate',
    load: async () => (await import('./commands/validate.command.js')).validateCommand,
  },
  { name: 'apply', load: async () => (await import('./commands/apply.command.js')).applyCommand },
  {
    name: 'export',
    load: async () => (await import('./commands/export.command.js')).exportCommand,
  },
  { name: 'list', load: async () => (await import('./commands/list.command.js')).listCommand },
  { name: 'show', load: async () => (await import('./commands/show.command.js')).showCommand },
  {
    name: 'resolve',
    load: async () => (await import('./commands/resolve.command.js')).resolveCommand,
  },
  { name: 'who', load: async () => (await import('./commands/who.command.js')).whoCommand },
  {
    name: 'impact',
    load: async () => (await import('./commands/impact.command.js')).impactCommand,
  },
  {
    name: 'report',
    load: async () => (await import('./commands/report.command.js')).reportCommand,
  },
  {
    name: 'overview',
    load: async () => (await import('./commands/overview.command.js')).overviewCommand,
  },
  {
    name: 'import',
    load: async () => (await import('./commands/import.command.js')).importCommand,
  },
  { name: 'init', load: async () => (await import('./commands/init.command.js')).initCommand },
  {
    name: 'schema',
    load: async () => (await import('./commands/schema.command.js')).schemaCommand,
  },
  { name: 'serve', load: async () => (await import('./commands/serve.command.js')).serveCommand },
];

/** The commands to load for `argv`: the one it names, else all (top-level help, unknown names). */
async function loadCommands(argv: readonly string[]): Promise<CommandFactory[]> {
  const named = COMMANDS.find((c) => c.name === argv[2]);
  return Promise.all((named ? [named] : COMMANDS).map((c) => c.load()));
}

export async function buildProgram(
  io: CliIo,
  setExit: (code: number) => void,
  argv: readonly string[] = [],
): Promise<Command> {
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
  for (const make of await loadCommands(argv)) program.addCommand(make(io, setExit));
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
  try {
    const program = await buildProgram(
      io,
      (c) => {
        code = c;
      },
      argv,
    );
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
