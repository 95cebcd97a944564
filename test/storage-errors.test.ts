/**
 * Storage failures as a user meets them, with the real CLI: a database on a full disk (a small
 * tmpfs, mounted for the test) and a database file that cannot be written (`chattr +i`, which
 * binds root too; `chmod 0444` for other users). Both need things a plain user or a container
 * may not have; a test that cannot set its scene up is skipped with a warning, never passed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statfsSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './support/run-cli.js';
import { available } from './support/requirements.js';

const small = fixture('cli/small-catalog');
const isRoot = process.getuid?.() === 0;

/** A catalog of `count` services with long descriptions: enough to need real space. */
function bigCatalog(count: number): string {
  const dir = tempDir('sb-big-');
  const docs = [
    'kind: Team\nid: infra\nname: Infrastructure team\nrole: infrastructure\n',
    ...Array.from(
      { length: count },
      (_, i) =>
        `kind: Service\nid: svc-${i}\nname: Service ${i}\nowners: [infra]\ndescription: "${'x'.repeat(500)}"\n`,
    ),
  ];
  writeFileSync(path.join(dir, 'catalog.yaml'), docs.join('---\n'));
  return dir;
}

function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) tryRun('umount', ['-l', dir]);
});

/** A fresh tmpfs of `size`, or undefined where mounting is not allowed. */
function smallDisk(size: string): string | undefined {
  if (!isRoot) return undefined;
  const dir = tempDir('sb-disk-');
  if (!tryRun('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])) return undefined;
  mounts.push(dir);
  return dir;
}

describe('a full disk during apply', () => {
  it('says storage.disk_full with the path and what to do, exits 3 and keeps the catalog', async (ctx) => {
    const disk = smallDisk('8m');
    if (!available('a small tmpfs to fill', disk !== undefined, 'run the tests as root')) {
      ctx.skip();
    }
    if (disk === undefined) return;
    const db = path.join(disk, 'sb.db');
    const url = `sqlite:${db}`;
    const first = await runCli(['apply', small, '--database', url, '--source', 'main']);
    expect(first.code).toBe(0);
    const before = await runCli(['export', '--database', url]);
    expect(before.code).toBe(0);

    // Leave ~300 KB: enough to open the database, too little for the big apply.
    const free = statfsSync(disk);
    writeFileSync(
      path.join(disk, 'filler'),
      Buffer.alloc(Number(free.bavail) * Number(free.bsize) - 300 * 1024),
    );
    const big = bigCatalog(2000);
    const full = await runCli(['apply', big, '--database', url, '--source', 'main']);
    expect(full.code).toBe(3);
    expect(full.stderr).toContain('[storage.disk_full]');
    expect(full.stderr).toContain(db);
    expect(full.stderr).toMatch(/disk that holds .* is full/);
    expect(full.stderr).toContain('free space');
    expect(full.stderr).not.toContain('cannot rollback');

    rmSync(path.join(disk, 'filler'));
    const after = await runCli(['export', '--database', url]);
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    // With space again, the same apply goes through.
    const retry = await runCli(['apply', big, '--database', url, '--source', 'main']);
    expect(retry.stderr).not.toContain('storage.');
    expect(retry.code).toBe(0);
  }, 120_000);
});

describe('a database that cannot be written', () => {
  it('says storage.read_only with the path and what to do, exits 3 and keeps the catalog', async (ctx) => {
    const dir = tempDir('sb-ro-');
    mkdirSync(dir, { recursive: true });
    const db = path.join(dir, 'sb.db');
    const url = `sqlite:${db}`;
    const first = await runCli(['apply', small, '--database', url, '--source', 'main']);
    expect(first.code).toBe(0);
    const before = await runCli(['export', '--database', url]);

    let undo: () => void;
    if (isRoot) {
      if (
        !available(
          'chattr +i on the test folder',
          tryRun('chattr', ['+i', db]),
          'a file system with immutable files (ext4, tmpfs)',
        )
      ) {
        ctx.skip();
        return;
      }
      undo = () => tryRun('chattr', ['-i', db]);
    } else {
      chmodSync(db, 0o444);
      undo = () => chmodSync(db, 0o644);
    }
    try {
      const changed = await runCli([
        'apply',
        fixture('cli/small-catalog-changed'),
        '--database',
        url,
        '--source',
        'main',
      ]);
      expect(changed.code).toBe(3);
      expect(changed.stderr).toContain('[storage.read_only]');
      expect(changed.stderr).toContain(db);
      expect(changed.stderr).toContain('cannot be written');
      expect(changed.stderr).toContain('writable');
      // Reading still works, and shows the catalog as it was.
      const after = await runCli(['export', '--database', url]);
      expect(after.code).toBe(0);
      expect(after.stdout).toBe(before.stdout);
    } finally {
      undo();
    }
  }, 60_000);
});
