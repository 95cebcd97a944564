/** `switchboard serve --allowed-host` and SWITCHBOARD_ALLOWED_HOSTS, with the real binary. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, fixture, runCli, tempDir } from './support/run-cli.js';

function statusFor(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/v1/summary', headers: { host } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
    req.end();
  });
}

describe('switchboard serve --allowed-host', () => {
  let child: ChildProcess;
  let port = 0;
  beforeAll(async () => {
    child = spawn(
      process.execPath,
      [
        BIN,
        'serve',
        '--port',
        '0',
        '--database',
        `sqlite:${path.join(tempDir(), 'sb.db')}`,
        '--catalog',
        fixture('cli/small-catalog'),
        '--allowed-host',
        'catalog.example.org',
        '--allowed-host',
        '.corp.example',
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: undefined, SWITCHBOARD_ALLOWED_HOSTS: 'env.example' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    port = await new Promise<number>((resolve, reject) => {
      let stderr = '';
      const timer = setTimeout(() => reject(new Error(`no start: ${stderr}`)), 30_000);
      child.stderr?.on('data', (d: Buffer) => {
        stderr += d.toString();
        const match = /serving .* at http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
  }, 40_000);
  afterAll(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it.each([
    ['a name given with --allowed-host', 'catalog.example.org', 200],
    ['a subdomain of a ".domain" given', 'wiki.corp.example:8080', 200],
    ['a name from SWITCHBOARD_ALLOWED_HOSTS', 'env.example', 200],
    ['a loopback name', 'localhost:8080', 200],
    ['any other name', 'rebound.attacker.example', 421],
    ['an IP address (the server listens on loopback only)', '10.1.2.3', 421],
  ])('%s: %s → %i', async (_label, host, status) => {
    expect(await statusFor(port, host)).toBe(status);
  });

  it('lists the option in its help', async () => {
    const help = await runCli(['serve', '--help']);
    expect(help.stdout).toContain('--allowed-host <name>');
    expect(help.stdout).toContain('SWITCHBOARD_ALLOWED_HOSTS');
  });
});
