/**
 * `switchboard validate` prints errors on stderr and warnings on stdout, grouping consecutive lines
 * of one stream into one write: a reader of both streams at once (`2>&1`, as a CI log) must still
 * see every finding, in file and line order.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './support/run-cli.js';

const service = (id: string, extra: string) =>
  `kind: Service\nid: ${id}\nname: ${id}\nowners: [infra]\n${extra}\n`;

describe('validate output, both streams read together', () => {
  it('keeps file and line order when warnings and errors alternate', () => {
    const dir = tempDir();
    const docs = [
      'kind: Team\nid: infra\nname: Infra\nrole: infrastructure\ncontacts: [{type: email, value: infra@example.org}]\n',
      'kind: Person\nid: ada\nname: Ada\n',
      service('one', 'reviewed: {date: 2020-01-01, by: ada}'),
      service('two', 'runsOn: [{provider: nowhere, as: vm, managedBy: manual}]'),
      service('three', 'reviewed: {date: 2020-02-01, by: ada}'),
      service('four', 'runsOn: [{provider: nowhere-else, as: vm, managedBy: manual}]'),
    ];
    writeFileSync(path.join(dir, 'catalog.yaml'), docs.join('---\n'));
    // One pipe for both streams, as a terminal or CI log receives them.
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" validate "${dir}" 2>&1`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    const findings = lines.filter((l) => /^catalog\.yaml:\d+:\d+ /.test(l));
    expect(findings.map((l) => l.split(/\s+/)[1])).toEqual(['one', 'two', 'three', 'four']);
    expect(findings.map((l) => (l.includes(' error: ') ? 'error' : 'warning'))).toEqual([
      'warning',
      'error',
      'warning',
      'error',
    ]);
    const linesOf = findings.map((l) => Number(l.split(':')[1]));
    expect([...linesOf].sort((a, b) => a - b)).toEqual(linesOf);
    expect(lines.at(-1)).toMatch(/: 2 errors, 2 warnings$/);
  });

  it('puts errors on stderr and warnings on stdout, each in file and line order across files', async () => {
    const dir = tempDir();
    const team =
      'kind: Team\nid: infra\nname: Infra\nrole: infrastructure\ncontacts: [{type: email, value: infra@example.org}]\n---\nkind: Person\nid: ada\nname: Ada\n';
    const stale = (id: string) => service(id, 'reviewed: {date: 2020-01-01, by: ada}');
    const broken = (id: string) =>
      service(id, 'runsOn: [{provider: nowhere, as: vm, managedBy: manual}]');
    writeFileSync(path.join(dir, 'a.yaml'), [team, broken('a1'), stale('a2')].join('---\n'));
    writeFileSync(path.join(dir, 'b.yaml'), [stale('b1'), broken('b2'), stale('b3')].join('---\n'));
    const r = await runCli(['validate', dir, '--today', '2026-12-01']);
    expect(r.code).toBe(1);
    const idsOf = (text: string) =>
      text
        .split('\n')
        .filter((l) => /^[ab]\.yaml:\d+:\d+ /.test(l))
        .map((l) => `${l.split(':')[0]} ${l.split(/\s+/)[1]}`);
    expect(idsOf(r.stderr)).toEqual(['a.yaml a1', 'b.yaml b2']);
    expect(r.stderr).not.toContain(' warning: ');
    expect(idsOf(r.stdout)).toEqual(['a.yaml a2', 'b.yaml b1', 'b.yaml b3']);
    expect(r.stdout).not.toContain(' error: ');
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/: 2 errors, 3 warnings$/);
  });

  it('says in its help where errors and warnings go', async () => {
    const r = await runCli(['validate', '--help']);
    expect(r.stdout).toMatch(/errors on stderr, warnings on stdout, in file and line order/);
  });
});
