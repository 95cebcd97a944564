/**
 * The import/init commands: in-process through commander, and through the real binary
 * (`node bin/switchboard.js`, which needs `npm run build` and the commands registered in
 * src/cli/main.ts; skipped with a loud warning otherwise).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/cli-io.js';
import { importCommand } from '../src/cli/commands/import.command.js';

const exec = promisify(execFile);
const FIXTURES = 'test/fixtures/backstage';
const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-cli-'));
  temp.push(dir);
  return dir;
}

async function inProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code = 0;
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    data: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
  };
  const program = new Command('switchboard').exitOverride();
  program.addCommand(importCommand(io, (c) => (code = c)).exitOverride());
  try {
    await program.parseAsync(['node', 'switchboard', ...args]);
  } catch {
    code = 2;
  }
  return { code, out, err };
}

describe('import backstage (in process)', () => {
  it('writes validated files to --out and refuses to overwrite them', async () => {
    const out = await tempDir();
    const first = await inProcess([
      'import',
      'backstage',
      `${FIXTURES}/acme/catalog-info.yaml`,
      '--out',
      out,
    ]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Wrote 16 entities to 5 file(s)');
    expect(first.out).toContain('component:default/checkout-web');
    expect((await readdir(out)).sort()).toEqual([
      'hosts.yaml',
      'people.yaml',
      'providers.yaml',
      'services.yaml',
      'teams.yaml',
    ]);
    const again = await inProcess([
      'import',
      'backstage',
      `${FIXTURES}/acme/catalog-info.yaml`,
      '--out',
      out,
    ]);
    expect(again.code).toBe(1);
    expect(again.err).toContain(
      'refusing to overwrite services.yaml, hosts.yaml, providers.yaml, people.yaml, teams.yaml',
    );
    expect(
      (
        await inProcess([
          'import',
          'backstage',
          `${FIXTURES}/acme/catalog-info.yaml`,
          '--out',
          out,
          '--force',
        ])
      ).code,
    ).toBe(0);
  });

  it('prints the catalog to stdout and the report to stderr without --out', async () => {
    const result = await inProcess(['import', 'backstage', `${FIXTURES}/mixed-repo`]);
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      '---\nkind: Service\nid: widget\nname: widget\ndescription: A repository that holds more YAML than its catalog-info.yaml.\n',
    );
    expect(result.err).toContain(
      'mixed-repo/catalog-info.yaml:9:3  component:default/widget  warning',
    );
  });

  it('exits 1 with located errors on invalid input and writes nothing', async () => {
    const out = await tempDir();
    const result = await inProcess(['import', 'backstage', `${FIXTURES}/invalid`, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'test/fixtures/backstage/invalid/envelope.yaml:9:1  no-kind  error: kind is missing',
    );
    expect(await readdir(out)).toEqual([]);
  });

  it('prints JSON with --json', async () => {
    const result = await inProcess(['import', 'backstage', `${FIXTURES}/mixed-repo`, '--json']);
    const parsed = JSON.parse(result.out) as {
      ok: boolean;
      entities: { id: string }[];
      report: { skipped: unknown[] };
    };
    expect(parsed.ok).toBe(true);
    expect(parsed.entities.map((e) => e.id)).toEqual(['widget']);
    expect(parsed.report.skipped).toHaveLength(2);
  });

  it('exits 2 on a bad --mapping file or a missing path argument', async () => {
    const bad = await inProcess([
      'import',
      'backstage',
      `${FIXTURES}/acme`,
      '--mapping',
      `${FIXTURES}/bad-mapping.yaml`,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('component.types.library');
    expect((await inProcess(['import', 'backstage'])).code).toBe(2);
  });
});

const BIN = 'bin/switchboard.js';

async function bin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}

describe('the switchboard binary', () => {
  it('imports a Backstage catalog into files that validate', async () => {
    const out = await tempDir();
    const imported = await bin([
      'import',
      'backstage',
      `${FIXTURES}/acme/catalog-info.yaml`,
      '--out',
      out,
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const validated = await bin(['validate', out]);
    expect(validated.code, validated.stderr).toBe(0);
  });

  it('exits 1 on invalid Backstage input and 2 on usage errors', async () => {
    const invalid = await bin(['import', 'backstage', `${FIXTURES}/invalid`]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('invalid/bad-yaml.yaml:6:1');
    expect((await bin(['import', 'backstage'])).code).toBe(2);
    expect((await bin(['import', 'nosuchtool', 'x'])).code).toBe(2);
  });

  it('documents exit codes in --help', async () => {
    const help = await bin(['import', 'backstage', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit status: 0 imported');
    expect((await bin(['init', '--help'])).stdout).toContain('Exit status: 0 written');
  });

  it('scaffolds with init, refuses to overwrite, and the scaffold validates --strict', async () => {
    const dir = await tempDir();
    expect((await bin(['init', dir])).code).toBe(0);
    const again = await bin(['init', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('README.md');
    expect((await bin(['init', dir, '--force'])).code).toBe(0);
    const strict = await bin(['validate', '--strict', path.join(dir, 'catalog')]);
    expect(strict.code, strict.stdout + strict.stderr).toBe(0);
    const schema = JSON.parse(
      await readFile(path.join(dir, 'catalog.schema.json'), 'utf8'),
    ) as object;
    expect(Object.keys(schema).length).toBeGreaterThan(0);
  });

  it('round-trips through export --format backstage', async () => {
    const dir = await tempDir();
    const db = `sqlite:${path.join(dir, 'db.sqlite')}`;
    expect((await bin(['apply', 'catalog/psf', '--database', db])).code).toBe(0);
    const exported = path.join(dir, 'backstage');
    expect(
      (
        await bin([
          'export',
          '--format',
          'backstage',
          '--include-private',
          '--out',
          exported,
          '--database',
          db,
        ])
      ).code,
    ).toBe(0);
    const reimported = path.join(dir, 'catalog');
    const result = await bin(['import', 'backstage', exported, '--out', reimported]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Every field was carried over.');
    expect((await bin(['validate', reimported])).code).toBe(0);
  });
});
