import { Command } from 'commander';
import { ALLOWED_HOSTS_ENV, parseAllowedHosts } from '../../server/host-allow-list.js';
import { startServer } from '../../server/start-server.js';
import type { CliIo } from '../cli-io.js';
import { parsePort } from '../option-parsers.js';
import { stopOnSignal } from '../stop-on-signal.js';

interface ServeOptions {
  port?: number;
  host?: string;
  catalog?: string;
  database?: string;
  allowedHost: string[];
}

export function serveCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('serve')
    .summary('run the web UI and the HTTP API')
    .description(
      'Serve the web UI and the HTTP API (/api/v1, described at /api/v1/openapi.json).\n' +
        'When the database is empty it is loaded with the bundled PSF catalog (catalog/psf);\n' +
        '--catalog DIR applies that directory at start instead.\n\n' +
        'SIGTERM or SIGINT (Ctrl-C) stops it: it stops accepting, ends open connections, closes the\n' +
        'database and exits 0, within a second (else it exits 1 anyway); a second signal exits at once.\n\n' +
        'Requests must name the server by a loopback name (localhost, 127.0.0.1, [::1]), by an IP\n' +
        'address when it listens on a non-loopback address, or by a name given with --allowed-host\n' +
        '(others get 421 request.host_not_allowed: protection against DNS rebinding).\n\n' +
        `Environment: PORT and HOST (defaults 8080 and 127.0.0.1), DATABASE_URL, ${ALLOWED_HOSTS_ENV}\n` +
        '(comma-separated names, added to those of --allowed-host).',
    )
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 8080)', parsePort)
    .option('-H, --host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
    .option('--catalog <dir>', 'apply this catalog directory at start')
    .option('--database <url>', 'database URL (sqlite:PATH, a file path, or postgres://...)')
    .option(
      '--allowed-host <name>',
      'also answer requests for this host name (repeatable); ".example.org" allows it and its subdomains, "*" any name',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (opts: ServeOptions) => {
      const envPort = process.env.PORT;
      const port =
        opts.port ?? (envPort !== undefined && envPort !== '' ? parsePort(envPort) : 8080);
      const host =
        opts.host ??
        (process.env.HOST !== undefined && process.env.HOST !== ''
          ? process.env.HOST
          : '127.0.0.1');
      const server = await startServer({
        port,
        host,
        catalogDir: opts.catalog,
        databaseUrl: opts.database,
        allowedHosts: [...opts.allowedHost, ...parseAllowedHosts(process.env[ALLOWED_HOSTS_ENV])],
        log: (line) => io.err(line),
      });
      setExit(await stopOnSignal(server, io));
    });
}
