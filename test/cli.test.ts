import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './support/run-cli.js';

const small = fixture('cli/small-catalog');
const changed = fixture('cli/small-catalog-changed');
const broken = fixture('cli/broken-catalog');

function sqliteUrl(): string {
  return `sqlite:${path.join(tempDir(), 'sb.db')}`;
}

describe('switchboard --help', () => {
  it('lists every command with a one-line description', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['validate', 'apply', 'export', 'schema', 'serve']) {
      expect(r.stdout).toMatch(new RegExp(`\\n\\s+${command}\\b.*\\s{2,}\\S`));
    }
  });

  it('exits 2 with a message on stderr for an unknown command or option', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const badOption = await runCli(['validate', '--bogus', small]);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("unknown option '--bogus'");
  });
});

describe('switchboard validate', () => {
  it('passes a clean catalog with exit 0', async () => {
    const r = await runCli(['validate', small, '--today', '2026-11-27']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 errors/);
  });

  it('reports every problem with file:line:column and exits 1', async () => {
    const r = await runCli(['validate', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /services\.yaml:4:1\s+tracker\s+error: .*ownres.*did you mean "owners"/,
    );
    expect(r.stderr).toMatch(/services\.yaml:6:\d+\s+tracker\s+error: .*nowhere/);
  });

  it('prints machine-readable findings with --format json', async () => {
    const r = await runCli(['validate', broken, '--format', 'json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as {
      ok: boolean;
      findings: { code: string; location?: { line: number } }[];
    };
    expect(body.ok).toBe(false);
    expect(body.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['field.unknown', 'ref.missing']),
    );
  });

  it('--strict turns warnings into errors', async () => {
    // The wiki's only owner is a team without... the tracker review is old relative to this date.
    const lenient = await runCli(['validate', small, '--today', '2028-01-01']);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/review\.stale/);
    const strict = await runCli(['validate', small, '--strict', '--today', '2028-01-01']);
    expect(strict.code).toBe(1);
  });
});

describe('switchboard apply and export', () => {
  it('plans, applies, is a no-op the second time, diffs fields, and deletes what disappeared', async () => {
    const db = sqliteUrl();
    const env = { DATABASE_URL: db, SWITCHBOARD_AUTHOR: 'tester' };
    const plan = await runCli(['apply', small, '--plan', '--source', 'test'], { env });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('6 to create, 0 to update, 0 to delete');
    expect(plan.stdout).toContain('Nothing written (--plan).');

    const first = await runCli(['apply', small, '--source', 'test'], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied: 6 created, 0 updated, 0 deleted/);

    const again = await runCli(['apply', small, '--source', 'test'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to do');

    const next = await runCli(['apply', changed, '--source', 'test', '--json'], { env });
    expect(next.code).toBe(0);
    const result = JSON.parse(next.stdout) as {
      summary: { create: number; update: number; delete: number };
      plan: {
        op: string;
        id: string;
        fields?: { field: string; before: unknown; after: unknown }[];
      }[];
    };
    expect(result.summary).toMatchObject({ create: 0, update: 1, delete: 1 });
    const update = result.plan.find((c) => c.op === 'update');
    expect(update?.id).toBe('tracker');
    expect(update?.fields).toEqual([
      { field: 'poweredBy', before: 'Roundup', after: 'Roundup 2.4' },
    ]);
    expect(result.plan.find((c) => c.op === 'delete')?.id).toBe('wiki');
  });

  it('writes nothing when the catalog has errors', async () => {
    const db = sqliteUrl();
    const env = { DATABASE_URL: db };
    await runCli(['apply', small, '--source', 'test'], { env });
    const before = await runCli(['export', '--format', 'json'], { env });
    const bad = await runCli(['apply', broken, '--source', 'test'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('nothing was written');
    const after = await runCli(['export', '--format', 'json'], { env });
    expect(after.stdout).toBe(before.stdout);
  });

  it('refuses to take over entities another source manages', async () => {
    const env = { DATABASE_URL: sqliteUrl() };
    await runCli(['apply', small, '--source', 'first'], { env });
    const second = await runCli(['apply', changed, '--source', 'second'], { env });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/managed by first/);
    expect(second.stderr).toContain('nothing was written');
  });

  it('export then apply to an empty database reproduces the catalog exactly', async () => {
    const env = { DATABASE_URL: sqliteUrl() };
    await runCli(['apply', small, '--source', 'test'], { env });
    const out = tempDir();
    const exported = await runCli(['export', '--out', out], { env });
    expect(exported.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'people.yaml',
      'providers.yaml',
      'services.yaml',
      'teams.yaml',
    ]);
    const copyEnv = { DATABASE_URL: sqliteUrl() };
    const reapplied = await runCli(['apply', out, '--source', 'copy'], { env: copyEnv });
    expect(reapplied.code).toBe(0);
    const original = await runCli(['export', '--format', 'json'], { env });
    const copy = await runCli(['export', '--format', 'json'], { env: copyEnv });
    expect(copy.stdout).toBe(original.stdout);
    expect(readFileSync(path.join(out, 'people.yaml'), 'utf8')).toContain('private: true');
  });
});

describe('switchboard schema', () => {
  it('prints a JSON Schema that names the five kinds', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as object;
    const text = JSON.stringify(schema);
    for (const kind of ['Service', 'Host', 'Provider', 'Person', 'Team'])
      expect(text).toContain(`"${kind}"`);
  });
});

describe('switchboard apply across sources', () => {
  it('lets a catalog refer to entities another source manages, and refuses a second infrastructure team', async () => {
    const env = { DATABASE_URL: sqliteUrl() };
    expect((await runCli(['apply', small, '--source', 'platform'], { env })).code).toBe(0);
    const refers = await runCli(
      ['apply', fixture('cli/refers-to-other-source'), '--source', 'apps'],
      { env },
    );
    expect(refers.stderr).toBe('');
    expect(refers.code).toBe(0);
    const alone = await runCli(['validate', fixture('cli/refers-to-other-source')]);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/owners names "infra", but no entity has that id/);
    const second = await runCli(['apply', fixture('cli/second-infra-team'), '--source', 'rogue'], {
      env,
    });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/team\.infrastructure_duplicate/);
    expect(second.stderr).toMatch(/"infra" \(the database \(managed by platform\)\) already does/);
  });

  it('refuses to apply a directory with no catalog files', async () => {
    const env = { DATABASE_URL: sqliteUrl() };
    await runCli(['apply', small, '--source', 'test'], { env });
    const empty = await runCli(['apply', tempDir(), '--source', 'test'], { env });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('catalog.empty');
    const still = await runCli(['export', '--format', 'json'], { env });
    expect(JSON.parse(still.stdout)).toHaveLength(6);
  });
});
