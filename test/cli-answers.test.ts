import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start-server.js';
import { REPO_ROOT, fixture, runCli, tempDir } from './support/run-cli.js';
import { startTestServer } from './support/test-server.js';

const PSF = path.join(REPO_ROOT, 'catalog/psf');

describe('answer commands on the bundled catalog', () => {
  let server: RunningServer;
  const db = `sqlite:${path.join(tempDir(), 'answers.db')}`;
  beforeAll(async () => {
    server = await startTestServer();
    const applied = await runCli(['apply', PSF, '--source', 'bundled:psf'], {
      env: { DATABASE_URL: db },
    });
    expect(applied.code).toBe(0);
  });
  afterAll(async () => {
    await server.close();
  });

  const sources = (): [string, string[]][] => [
    ['--catalog', ['--catalog', PSF]],
    ['the local database', ['--database', db]],
    ['--server', ['--server', server.url]],
  ];

  it('who https://bugs.python.org/issue1 prints the people and channels to act on, from every source', async () => {
    for (const [label, flags] of sources()) {
      const r = await runCli(['who', 'https://bugs.python.org/issue1', ...flags]);
      expect(r.code, `${label}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('bugs-python-org');
      expect(r.stdout).toMatch(/mailing list\s+infrastructure-staff@python\.org/);
      expect(r.stdout).toMatch(/IRC\s+#python-infra on libera/);
      expect(r.stdout).toMatch(/PSF Infrastructure Team .*owner of bugs-python-org/);
    }
  });

  it('gives the same JSON locally and from the server', async () => {
    const local = await runCli(['who', 'docs.python.org', '--json', '--catalog', PSF]);
    const remote = await runCli(['who', 'docs.python.org', '--json', '--server', server.url]);
    expect(JSON.parse(local.stdout)).toEqual(JSON.parse(remote.stdout));
  });

  it('resolve, list, show, impact, report and overview answer', async () => {
    const resolve = await runCli(['resolve', 'python pakage index', '--catalog', PSF]);
    expect(resolve.stdout.split('\n')[0]).toMatch(/^pypi\s/);
    const list = await runCli(['list', '--kind', 'Provider', '--catalog', PSF]);
    expect(list.stdout).toMatch(/^fastly\s+Provider\s+Fastly$/m);
    const show = await runCli(['show', 'pypi', '--catalog', PSF]);
    expect(show.stdout).toMatch(/frontedBy:\s*\n\s+- fastly/);
    expect(show.stdout).toMatch(/source: dir:.*services\/pypi\.yaml:\d+/);
    const impact = await runCli(['impact', 'fastly', '--catalog', PSF]);
    expect(impact.stdout).toMatch(/pypi \(Service\).*fastly/);
    const report = await runCli(['report', 'bus-factor', '--catalog', PSF]);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/docs-python-org/);
    const reports = await runCli(['report', '--catalog', PSF]);
    expect(reports.stdout).toMatch(/^stale\s+\d+/m);
    const out = path.join(tempDir(), 'overview.rst');
    const overview = await runCli(['overview', '--format', 'rst', '--out', out, '--catalog', PSF]);
    expect(overview.code).toBe(0);
  });

  it('exits 1 with a clear message for unknown ids and reports', async () => {
    const show = await runCli(['show', 'nope', '--catalog', PSF]);
    expect(show.code).toBe(1);
    expect(show.stderr).toContain('No entity has the id "nope"');
    const report = await runCli(['report', 'nope', '--server', server.url]);
    expect(report.code).toBe(1);
    expect(report.stderr).toContain('There is no report "nope"');
  });

  it('exits 3 when the server cannot be reached', async () => {
    const r = await runCli(['who', 'pypi', '--server', 'http://127.0.0.1:9']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot reach http://127.0.0.1:9');
  });
});

describe('answer commands on a catalog directory with errors', () => {
  const valid = fixture('cli/small-catalog');
  /** The small catalog with a misspelt field in the wiki: an answer would leave the wiki out. */
  function brokenCopy(): string {
    const dir = path.join(tempDir(), 'catalog');
    cpSync(valid, dir, { recursive: true });
    const file = path.join(dir, 'services.yaml');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace(/(id: wiki\n(?:.*\n)*?)owners:/, '$1ownres:');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    return dir;
  }

  it('overview --catalog of a valid catalog answers with every service', async () => {
    const r = await runCli(['overview', '--catalog', valid]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wiki');
  });

  it('overview --catalog prints the errors as validate does, exits 1 and writes nothing', async () => {
    const dir = brokenCopy();
    const out = path.join(tempDir(), 'overview.md');
    const r = await runCli(['overview', '--catalog', dir, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/services\.yaml:\d+:\d+\s+wiki\s+error: unknown field "ownres"/);
    expect(r.stderr).toContain('nothing is answered from an invalid catalog');
    expect(r.stderr).toContain(`switchboard validate ${dir}`);
    expect(existsSync(out)).toBe(false);
    const validate = await runCli(['validate', dir]);
    expect(validate.code).toBe(r.code);
  });

  it('every other answer command with --catalog refuses the same way', async () => {
    const dir = brokenCopy();
    const commands = [
      ['who', 'tracker.example.org'],
      ['resolve', 'tracker'],
      ['list'],
      ['show', 'tracker'],
      ['impact', 'cloudco'],
      ['report', 'orphans'],
      ['overview', '--json'],
    ];
    for (const args of commands) {
      const r = await runCli([...args, '--catalog', dir]);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(r.stderr).toMatch(/services\.yaml:\d+:\d+\s+wiki\s+error: unknown field "ownres"/);
    }
  });
});

describe('answer commands on a database that holds no catalog', () => {
  it('say the database is empty and how to fill it, instead of "nothing matches"', async () => {
    const url = `sqlite:${path.join(tempDir(), 'empty.db')}`;
    const r = await runCli(['who', 'bugs.python.org', '--database', url]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('holds no catalog yet');
    expect(r.stderr).toContain('switchboard apply DIR');
    expect(r.stderr).toContain('[catalog.empty]');
  });
});
