/**
 * What `switchboard import backstage` prints, and where: findings always on stderr (errors first);
 * when nothing is written that is said first and last, and the report says what would have been
 * made; otherwise the report goes to stdout with --out and to stderr without.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/cli-io.js';
import { importCommand } from '../src/cli/commands/import.command.js';
import { importBackstage } from '../src/interop/backstage/import-backstage.js';
import { renderImportReport } from '../src/interop/backstage/import-report.js';

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-import-out-'));
  temp.push(dir);
  return dir;
}

const SHOP = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: shop
spec:
  type: service
  lifecycle: production
  dependsOn: [resource:ghost]
`;
const BROKEN = `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  title: No name
spec:
  type: service
`;

async function catalogFile(text: string): Promise<string> {
  const file = path.join(await tempDir(), 'catalog-info.yaml');
  await writeFile(file, text);
  return file;
}

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    data: (t) => out.push(t),
  };
  const program = new Command('switchboard').exitOverride();
  program.addCommand(importCommand(io, (c) => (code = c)).exitOverride());
  await program.parseAsync(['node', 'switchboard', 'import', 'backstage', ...args]);
  return { code, out, err };
}

describe('the import report when nothing is written', () => {
  it('says so first, lists errors before warnings and the report, and says what would have been made', async () => {
    const file = await catalogFile(SHOP + BROKEN);
    const outDir = await tempDir();
    const r = await run([file, '--out', outDir]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(await readdir(outDir)).toEqual([]);
    expect(r.err[0]).toBe(
      'Nothing was written: the input has 1 error(s), 1 warning(s); the errors are listed first.',
    );
    const errorAt = r.err.findIndex((l) => l.includes(' error: '));
    const warningAt = r.err.findIndex((l) => l.includes(' warning: '));
    const reportAt = r.err.findIndex((l) => l.startsWith('Read 1 file, '));
    expect(errorAt).toBe(1);
    expect(warningAt).toBeGreaterThan(errorAt);
    expect(reportAt).toBeGreaterThan(warningAt);
    expect(r.err[reportAt]).toBe(
      'Read 1 file, 1 Backstage entity; nothing was written (it would have made 1 Service).',
    );
    const text = r.err.join('\n');
    expect(text).not.toMatch(/; made |Every field was carried over/);
    expect(text).toContain('1 field(s) would be left out (listed above).');
    expect(r.err.at(-1)).toBe(
      '1 error(s), 1 warning(s): nothing was written (the errors are listed above the report).',
    );
  });

  it('says what would have been made when the files are in the way', async () => {
    const file = await catalogFile(SHOP);
    const outDir = await tempDir();
    expect((await run([file, '--out', outDir])).code).toBe(0);
    const again = await run([file, '--out', outDir]);
    expect(again.code).toBe(1);
    expect(again.out).toEqual([]);
    expect(again.err[0]).toBe(
      `switchboard: refusing to overwrite services.yaml in ${outDir} (use --force); nothing was written.`,
    );
    expect(again.err).toContain(
      'Read 1 file, 1 Backstage entity; nothing was written (it would have made 1 Service).',
    );
    expect(again.err.at(-1)).toBe('Nothing was written.');
  });
});

describe('the import report when files are written', () => {
  it('puts warnings on stderr and the report on stdout with --out', async () => {
    const file = await catalogFile(SHOP);
    const r = await run([file, '--out', await tempDir()]);
    expect(r.code).toBe(0);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('warning: the dependency resource:default/ghost');
    expect(r.out[0]).toBe('Read 1 file, 1 Backstage entity; made 1 Service.');
    expect(r.out.at(-1)).toMatch(/^Wrote 1 entities to 1 file\(s\) in /);
  });

  it('puts the report on stderr and only the catalog on stdout without --out', async () => {
    const r = await run([await catalogFile(SHOP)]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^---\nkind: Service\nid: shop\n/);
    expect(r.err).toContain('Read 1 file, 1 Backstage entity; made 1 Service.');
  });

  it.each([
    [{ Person: 2, Service: 1 }, false, 'made 2 People, 1 Service.'],
    [{ Team: 1 }, true, 'nothing was written (it would have made 1 Team).'],
    [{}, false, 'made no entities.'],
  ] as const)('counts %j (blocked: %s) as "%s"', async (counts, blocked, tail) => {
    const result = await importBackstage([await catalogFile(SHOP)]);
    const first = renderImportReport({ ...result.report, counts }, { blocked })[0];
    expect(first).toBe(`Read 1 file, 1 Backstage entity; ${tail}`);
  });
});
