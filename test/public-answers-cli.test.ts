/**
 * Private contacts and source paths in what the CLI prints: exports say when they hold private
 * contacts, the Backstage profile e-mail is the first public address, and `show --json` answers
 * alike for a person whose contacts are all private and one without any.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fixture, runCli, tempDir } from './support/run-cli.js';

const PEOPLE = `kind: Team
id: infra
name: Infrastructure team
role: infrastructure
members: [lin]
contacts:
  - {type: mailing-list, value: infra@example.org}
---
kind: Person
id: lin
name: Lin Example
contacts:
  - {type: email, value: lin-home@example.org, private: true}
  - {type: email, value: lin@example.org}
`;

describe('exports and private contacts', () => {
  let url: string;
  beforeAll(async () => {
    const dir = tempDir('sb-private-');
    writeFileSync(path.join(dir, 'people.yaml'), PEOPLE);
    url = `sqlite:${path.join(tempDir(), 'sb.db')}`;
    const applied = await runCli(['apply', dir, '--database', url]);
    expect(applied.stderr).not.toContain('error');
    expect(applied.code).toBe(0);
  });

  it('puts the first public e-mail in spec.profile.email, with or without --include-private', async () => {
    for (const extra of [[], ['--include-private']]) {
      const r = await runCli(['export', '--format', 'backstage', '--database', url, ...extra]);
      expect(r.code).toBe(0);
      const user = parseAllDocuments(r.stdout)
        .map((d) => d.toJS() as { kind: string; spec?: { profile?: { email?: string } } })
        .find((e) => e.kind === 'User');
      expect(user?.spec?.profile?.email, extra.join(' ')).toBe('lin@example.org');
    }
  });

  it.each([
    ['yaml', ['--format', 'yaml'], true],
    ['json', ['--format', 'json'], true],
    ['backstage --include-private', ['--format', 'backstage', '--include-private'], true],
    ['backstage', ['--format', 'backstage'], false],
  ])(
    'export --format %s says on stderr whether it holds private contacts',
    async (_l, args, says) => {
      const r = await runCli(['export', '--database', url, ...args]);
      expect(r.code).toBe(0);
      expect(r.stdout.includes('lin-home@example.org')).toBe(says);
      if (says) expect(r.stderr).toContain('this export contains 1 private contact (of 1 entity)');
      else expect(r.stderr).not.toContain('private');
    },
  );

  it('says so with --out too, and says nothing for a catalog without private contacts', async () => {
    const out = tempDir('sb-out-');
    const r = await runCli(['export', '--database', url, '--out', out]);
    expect(r.stderr).toContain('Wrote 2 entities');
    expect(r.stderr).toContain('private contact');
    const clean = tempDir('sb-clean-');
    writeFileSync(path.join(clean, 'people.yaml'), PEOPLE.replace(/.*private: true.*\n/, ''));
    const cleanUrl = `sqlite:${path.join(tempDir(), 'sb.db')}`;
    expect((await runCli(['apply', clean, '--database', cleanUrl])).code).toBe(0);
    const plain = await runCli(['export', '--database', cleanUrl]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('');
  });
});

describe('show --json', () => {
  it('answers alike for all-private contacts and none, and names the source without its absolute path', async () => {
    const catalog = path.join(tempDir('sb-outside-'), 'team-catalog');
    cpSync(fixture('cli/small-catalog'), catalog, { recursive: true });
    const url = `sqlite:${path.join(tempDir(), 'sb.db')}`;
    expect((await runCli(['apply', catalog, '--database', url])).code).toBe(0);
    const show = async (id: string) => {
      const r = await runCli(['show', id, '--json', '--database', url]);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as {
        entity: Record<string, unknown>;
        source: { name: string; file?: string };
      };
    };
    const [ada, grace] = [await show('ada'), await show('grace')];
    expect(ada.entity).not.toHaveProperty('contacts');
    expect(Object.keys(ada.entity)).toEqual(Object.keys(grace.entity));
    expect(ada.source).toMatchObject({ name: 'dir:team-catalog', file: 'people.yaml' });
    const text = await runCli(['show', 'tracker', '--database', url]);
    expect(text.stdout).toContain('source: dir:team-catalog (services.yaml:8)');
    expect(text.stdout).not.toContain(path.dirname(catalog));
  });
});
