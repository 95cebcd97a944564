import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SwitchboardError } from '../core/errors.js';
import { formatFinding, type Finding } from '../core/finding.js';
import { loadCatalog } from './load-catalog.js';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/catalogs');
const TODAY = new Date('2026-11-27T12:00:00Z');

/** What a user reads first: where, which entity, which code. */
function brief(f: Finding): string {
  const at = f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : '-';
  return `${at} ${f.entityId ?? '-'} ${f.code}`;
}

const cases: { fixture: string; shows: string; findings: string[] }[] = [
  {
    fixture: 'valid-minimal',
    shows: 'one entity of each kind, fully cross-referenced, is clean',
    findings: [],
  },
  {
    fixture: 'field-errors',
    shows: 'every field-level error, at the offending field',
    findings: [
      'services.yaml:2:5 Bugs_Tracker id.invalid',
      'services.yaml:4:9 Bugs_Tracker field.enum',
      'services.yaml:5:8 Bugs_Tracker url.invalid',
      'services.yaml:5:32 Bugs_Tracker field.type',
      'services.yaml:6:13 Bugs_Tracker hostname.invalid',
      'services.yaml:7:1 Bugs_Tracker field.unknown',
      'services.yaml:9:5 Bugs_Tracker placement.invalid',
      'services.yaml:11:5 Bugs_Tracker field.unknown',
      'services.yaml:13:26 Bugs_Tracker email.invalid',
      'services.yaml:14:5 Bugs_Tracker field.required',
      'services.yaml:15:18 Bugs_Tracker date.invalid',
      'services.yaml:17:7 typo-kind kind.unknown',
      'services.yaml:21:1 no-kind field.required',
      'services.yaml:24:1 tz field.required',
      'services.yaml:26:11 tz timezone.invalid',
      'services.yaml:27:11 tz field.key',
      'services.yaml:28:7 tz field.type',
      'services.yaml:30:1 - document.not_mapping',
      'services.yaml:38:5 merged field.required',
      'services.yaml:38:5 merged field.unknown',
    ],
  },
  {
    fixture: 'duplicate-ids',
    shows: 'a duplicate id reported at both places, and a second infrastructure team',
    findings: [
      'more-people.yaml:3:5 ee-durbin id.duplicate',
      'people.yaml:2:5 ee-durbin id.duplicate',
      'people.yaml:8:7 infrastructure-staff team.infrastructure_duplicate',
    ],
  },
  {
    fixture: 'bad-references',
    shows: 'references to missing entities and to entities of the wrong kind',
    findings: [
      'catalog.yaml:8:20 fastly ref.missing',
      'catalog.yaml:11:1 pypi service.no_contact',
      'catalog.yaml:15:11 pypi ref.kind',
      'catalog.yaml:16:13 pypi ref.missing',
      'catalog.yaml:17:21 pypi ref.missing',
      'catalog.yaml:18:34 pypi ref.kind',
      'catalog.yaml:23:22 infrastructure-staff ref.kind',
    ],
  },
  {
    fixture: 'warnings',
    shows:
      'every warning: YAML 1.1 booleans, cycle, single owner, stale review, no contact, no owner',
    findings: [
      'catalog.yaml:4:11 solo yaml.yaml11_boolean',
      'catalog.yaml:15:13 alpha graph.cycle',
      'catalog.yaml:16:10 alpha service.single_owner',
      'catalog.yaml:17:18 alpha review.stale',
      'catalog.yaml:20:1 beta service.no_contact',
      'catalog.yaml:24:12 beta yaml.yaml11_boolean',
      'catalog.yaml:28:1 gamma service.no_contact',
      'catalog.yaml:28:1 gamma service.no_owner',
    ],
  },
  {
    fixture: 'yaml-errors',
    shows:
      'each duplicate key, a syntax error, and no missing-reference cascade from the broken entity',
    findings: [
      'duplicate-keys.yaml:4:1 twice yaml.duplicate_key',
      'duplicate-keys.yaml:8:5 twice yaml.duplicate_key',
      'syntax.yaml:7:15 broken-person yaml.syntax',
    ],
  },
];

describe('loadCatalog on fixture catalogs', () => {
  it.each(cases)('$fixture: $shows', async ({ fixture, findings }) => {
    const catalog = await loadCatalog(join(FIXTURES, fixture), { today: TODAY });
    expect(catalog.findings.map(brief)).toEqual(findings);
  });

  it('returns the schema-valid entities with the file and line of their id', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'valid-minimal'), { today: TODAY });
    expect(catalog.files).toEqual(['catalog.yaml']);
    expect(
      catalog.entities.map(
        (e) => `${e.entity.kind} ${e.entity.id} ${e.origin?.file}:${e.origin?.line}`,
      ),
    ).toEqual([
      'Team infrastructure-staff catalog.yaml:3',
      'Person ee-durbin catalog.yaml:13',
      'Provider digitalocean catalog.yaml:22',
      'Host bugs-vm catalog.yaml:33',
      'Service bugs catalog.yaml:43',
    ]);
  });

  it('leaves invalid entities out of entities', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'yaml-errors'), { today: TODAY });
    expect(catalog.entities.map((e) => e.entity.id)).toEqual([
      'twice',
      'team-of-broken',
      'fine-person',
    ]);
  });

  it('says what was expected and suggests the likely intended name', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'field-errors'), { today: TODAY });
    const messages = catalog.findings.map((f) => f.message);
    expect(messages).toContain('unknown field "ownrs" for a Service; did you mean "owners"?');
    expect(messages).toContain('unknown field "managedby" in runsOn[1]; did you mean "managedBy"?');
    expect(messages).toContain(
      'status must be one of active, deprecated, retired, not "actve"; did you mean "active"?',
    );
    expect(messages).toContain(
      'urls[1] should be text, not the number 42 (quote it to make it text)',
    );
    expect(messages).toContain('tags should be a list, not "web"');
    expect(messages).toContain('missing required field "name"');
    expect(messages).toContain(
      'unknown field "<<" in contacts[1]: YAML merge keys are not supported; write the fields out',
    );
    expect(
      messages.some((m) => m.startsWith('unknown kind "Servce"; did you mean "Service"?')),
    ).toBe(true);
  });

  it('names the other place of a duplicate id, and suggests close ids for missing references', async () => {
    const dup = await loadCatalog(join(FIXTURES, 'duplicate-ids'), { today: TODAY });
    expect(dup.findings[0]?.message).toBe(
      'id "ee-durbin" is declared more than once: also declared at people.yaml:2',
    );
    const refs = await loadCatalog(join(FIXTURES, 'bad-references'), { today: TODAY });
    expect(refs.findings.map((f) => f.message)).toContain(
      'frontedBy names "fastyl", but no entity has that id; did you mean "fastly"?',
    );
  });

  it('lists the cycle and says how old a stale review is', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'warnings'), { today: TODAY });
    const messages = catalog.findings.map((f) => f.message);
    expect(messages).toContain('dependency cycle: alpha → beta → gamma → alpha');
    expect(messages).toContain(
      'last reviewed 330 days ago (2026-01-01); reviews older than 180 days are stale',
    );
    expect(catalog.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('honours reviewMaxAgeDays', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'warnings'), {
      today: TODAY,
      reviewMaxAgeDays: 400,
    });
    expect(catalog.findings.map((f) => f.code)).not.toContain('review.stale');
  });

  it('prints findings as file:line:column  entity  message', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'duplicate-ids'), { today: TODAY });
    expect(formatFinding(catalog.findings[2]!)).toBe(
      'people.yaml:8:7  infrastructure-staff  error: only one team may have role: infrastructure, and "pypi-admins" (more-people.yaml:7) already does [team.infrastructure_duplicate]',
    );
  });
});

describe('loadCatalog walking a directory', () => {
  const temp: string[] = [];
  afterAll(async () => {
    await Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('reads .yaml and .yml in nested folders, skipping dot-folders, node_modules and other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-layout-'));
    temp.push(dir);
    await cp(join(FIXTURES, 'layout'), dir, { recursive: true });
    await mkdir(join(dir, 'node_modules/pkg'), { recursive: true });
    await writeFile(join(dir, 'node_modules/pkg/skipped.yaml'), 'kind: Nope\n');
    await symlink(dir, join(dir, 'services/loop'));
    const catalog = await loadCatalog(dir, { today: TODAY });
    expect(catalog.files).toEqual(['services/nested/web.yaml', 'teams.yml']);
    expect(catalog.entities.map((e) => e.entity.id)).toEqual(['web', 'api', 'infra']);
    expect(catalog.findings).toEqual([]);
  });

  it('loads a single file, named relative to its folder', async () => {
    const catalog = await loadCatalog(join(FIXTURES, 'layout/teams.yml'), { today: TODAY });
    expect(catalog.files).toEqual(['teams.yml']);
    expect(catalog.entities.map((e) => e.origin)).toEqual([{ file: 'teams.yml', line: 7 }]);
  });

  it('throws catalog.not_found for a missing directory', async () => {
    const error = await loadCatalog(join(FIXTURES, 'no-such-dir')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('catalog.not_found');
  });

  it('reports every document of a file with many, at the right lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-many-'));
    temp.push(dir);
    const docs = Array.from(
      { length: 50 },
      (_, i) => `kind: Person\nid: p${i}\nname: P\nbogus: ${i}\n`,
    );
    await writeFile(join(dir, 'people.yaml'), docs.join('---\n'));
    const catalog = await loadCatalog(dir, { today: TODAY });
    expect(catalog.findings).toHaveLength(50);
    expect(catalog.findings.map((f) => f.location?.line)).toEqual(docs.map((_, i) => i * 5 + 4));
  });

  it('shows at most 100 findings of one document, then says how many more there are', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-noisy-'));
    temp.push(dir);
    const urls = Array.from({ length: 150 }, (_, i) => `  - ftp://x${i}.org/`).join('\n');
    await writeFile(
      join(dir, 'noisy.yaml'),
      `kind: Service\nid: noisy\nname: Noisy\nurls:\n${urls}\n`,
    );
    const { findings } = await loadCatalog(dir, { today: TODAY });
    expect(findings).toHaveLength(101);
    expect(findings.filter((f) => f.code === 'url.invalid')).toHaveLength(100);
    expect(findings.find((f) => f.code === 'document.too_many_findings')?.message).toBe(
      '50 more problems in this document are not shown; fix the ones above first',
    );
  });
});
