/** `switchboard init`: the scaffold validates, carries the modeline, and never overwrites silently. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initCatalog, scaffoldFiles, SCHEMA_FILE } from '../src/app/init-catalog.js';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { SwitchboardError } from '../src/core/errors.js';
import { catalogJsonSchema } from '../src/core/json-schema.js';

const schema = catalogJsonSchema();
const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-init-'));
  temp.push(dir);
  return dir;
}

describe('initCatalog', () => {
  it('scaffolds a repository whose catalog passes validate --strict', async () => {
    const dir = await tempDir();
    const result = await initCatalog(dir, { schema });
    expect(result.written).toEqual([
      'README.md',
      'catalog/teams.yaml',
      'catalog/people.yaml',
      'catalog/providers.yaml',
      'catalog/hosts.yaml',
      'catalog/services/website.yaml',
      SCHEMA_FILE,
      '.vscode/settings.json',
      '.github/workflows/catalog.yml',
    ]);
    const loaded = await loadCatalog(path.join(dir, 'catalog'), { today: new Date('2026-06-01') });
    expect(loaded.findings).toEqual([]);
    expect(new Set(loaded.entities.map((e) => e.entity.kind))).toEqual(
      new Set(['Team', 'Person', 'Provider', 'Host', 'Service']),
    );
    expect(JSON.parse(await readFile(path.join(dir, SCHEMA_FILE), 'utf8'))).toEqual(schema);
  });

  it('starts every example with a modeline that points at the schema copy', () => {
    for (const file of scaffoldFiles(schema).filter(
      (f) => f.path.endsWith('.yaml') && f.path.startsWith('catalog/'),
    )) {
      const first = file.content.split('\n')[0] ?? '';
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match, file.path).not.toBeNull();
      expect(
        path.posix.normalize(path.posix.join(path.posix.dirname(file.path), match?.[1] ?? '')),
        file.path,
      ).toBe(SCHEMA_FILE);
    }
  });

  it('writes a CI job that validates pull requests with --strict', () => {
    const workflow = scaffoldFiles(schema).find((f) => f.path === '.github/workflows/catalog.yml');
    const parsed = parse(workflow?.content ?? '') as {
      on: { pull_request: unknown };
      jobs: { validate: { steps: { run?: string }[] } };
    };
    expect(parsed.on.pull_request).toBeDefined();
    expect(
      parsed.jobs.validate.steps.some((s) => s.run?.includes('validate --strict catalog/')),
    ).toBe(true);
  });

  it('explains to contributors how to add a service, validate and what reviewers check', () => {
    const readme = scaffoldFiles(schema).find((f) => f.path === 'README.md')?.content ?? '';
    for (const heading of ['## Adding a service', '## Editor support', '## What reviewers check'])
      expect(readme).toContain(heading);
    expect(readme).toContain('switchboard validate --strict catalog/');
    expect(readme).toContain('npm link');
  });

  it('refuses to overwrite existing files, names them and writes nothing', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'README.md'), 'mine\n');
    await mkdir(path.join(dir, 'catalog'));
    await writeFile(path.join(dir, 'catalog', 'teams.yaml'), 'kind: Team\n');
    const error = await initCatalog(dir, { schema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('init.exists');
    expect((error as SwitchboardError).message).toContain('README.md, catalog/teams.yaml');
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toBe('mine\n');
    await expect(readFile(path.join(dir, 'catalog', 'people.yaml'))).rejects.toThrow();
  });

  it('overwrites with force', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'README.md'), 'mine\n');
    const result = await initCatalog(dir, { schema, force: true });
    expect(result.overwritten).toEqual(['README.md']);
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toContain('# Our catalog');
  });
});
