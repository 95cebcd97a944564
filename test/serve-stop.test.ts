/**
 * Stopping the server: SIGTERM or SIGINT to `switchboard serve`, or to `npm start` (the README's
 * way to run it), stops the server process promptly, keep-alive connections and all, with exit
 * status 0. The real binary on a random loopback port over SQLite.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { Agent, get } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, fixture, tempDir } from './support/run-cli.js';

/** A bound on every wait: far above the second a stop takes, so that a loaded machine passes. */
const WAIT_MS = 10_000;

interface Started {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(command: string, args: string[]): Promise<Started> {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${path.join(tempDir(), 'sb.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not start: ${stderr}`));
    }, 60_000);
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const match = /serving .* at http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]), stderr: () => stderr, exited });
      }
    });
    void exited.then(() => reject(new Error(`exited before serving: ${stderr}`)));
  });
}

const serveArgs = ['serve', '--catalog', fixture('cli/small-catalog')];

/** `promise`, or undefined when it has not settled within WAIT_MS. */
async function within<T>(promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), WAIT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Open a keep-alive connection that stays open after a request, and one with a request half sent. */
async function openConnections(port: number): Promise<Agent> {
  const agent = new Agent({ keepAlive: true });
  const status = await new Promise<number>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
  expect(status).toBe(200);
  expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', () => resolve());
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
  return agent;
}

/** Whether anything accepts connections on `port`. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The processes below `pid` (Linux and macOS `ps`). */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('stopping the server', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'switchboard serve exits 0 promptly on %s with a keep-alive connection open',
    async (signal) => {
      const server = await start(process.execPath, [BIN, ...serveArgs]);
      const agent = await openConnections(server.port);
      server.child.kill(signal);
      const exit = await within(server.exited);
      if (exit === undefined) server.child.kill('SIGKILL');
      agent.destroy();
      expect(exit, server.stderr()).toEqual({ code: 0, signal: null });
      expect(server.stderr()).toContain(`Received ${signal}; shutting down.`);
      expect(await accepts(server.port)).toBe(false);
    },
    60_000,
  );

  it('npm start stops the server process when npm gets SIGTERM', async () => {
    const npm = await start('npm', ['start', '--', '--catalog', fixture('cli/small-catalog')]);
    const below = descendants(npm.child.pid ?? -1);
    const agent = await openConnections(npm.port);
    try {
      npm.child.kill('SIGTERM');
      expect(await within(npm.exited)).toBeDefined();
      // npm exits once its child has; nothing it started may be left serving.
      const gone = await within(
        (async () => {
          while (below.some(isAlive) || (await accepts(npm.port))) {
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return true;
        })(),
      );
      expect(gone, `still running: ${below.filter(isAlive).join(', ')}`).toBe(true);
      expect(npm.stderr()).toContain('Received SIGTERM; shutting down.');
    } finally {
      agent.destroy();
      for (const pid of below.filter(isAlive)) process.kill(pid, 'SIGKILL');
    }
  }, 90_000);
});
