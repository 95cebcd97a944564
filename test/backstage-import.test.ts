/** `importBackstage` on realistic Backstage catalogs (test/fixtures/backstage) and broken input. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { formatFinding } from '../src/core/finding.js';
import type { Entity } from '../src/core/schema/entity.schema.js';
import { importBackstage, type ImportResult } from '../src/interop/backstage/import-backstage.js';
import { parseMappingFile } from '../src/interop/backstage/import-mapping.js';
import { renderImportReport } from '../src/interop/backstage/import-report.js';

const FIXTURES = path.resolve('test/fixtures/backstage');
const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-backstage-import-'));
  temp.push(dir);
  return dir;
}

const run = (paths: string[], options = {}) =>
  importBackstage(paths, { cwd: FIXTURES, ...options });

function entity(result: ImportResult, id: string): Entity {
  const found = result.entities.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no entity ${id}`);
  return found;
}

function unmappedOf(result: ImportResult, ref: string): string[] {
  const report = result.report.entities.find((e) => e.ref === ref);
  return (report?.unmapped ?? []).map((u) => `${u.field}: ${u.reason}`);
}

describe('importing the ACME catalog through its root Location', () => {
  const acme = () => run(['acme/catalog-info.yaml']);

  it('writes files that pass Switchboard validation', async () => {
    const result = await acme();
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.report.counts).toEqual({ Team: 4, Person: 4, Service: 6, Provider: 1, Host: 1 });
    const dir = await tempDir();
    for (const file of result.files) await writeFile(path.join(dir, file.path), file.content);
    const loaded = await loadCatalog(dir);
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(loaded.entities).toHaveLength(16);
  });

  it('follows local Location targets (relative, file:, url:, globs) and reports the others', async () => {
    const { report } = await acme();
    const statuses = report.locations.map((l) => `${l.target}: ${l.status} ${l.files.length}`);
    expect(statuses).toEqual([
      './org/groups.yaml: followed 1',
      './org/users.yaml: followed 1',
      './systems.yaml: followed 1',
      './services/*/catalog-info.yaml: followed 3',
      'url:./infra/location.yaml: followed 1',
      'https://github.com/acme/legacy-catalog/blob/main/catalog-info.yaml: remote 0',
      'file:./resources.yaml: followed 1',
      './hosts/*.yaml: followed 1',
      './not-yet-written.yaml: optional-missing 0',
    ]);
    expect(report.files).toHaveLength(10);
  });

  it('reports warnings at the line and column of the field', async () => {
    const { findings } = await acme();
    expect(findings.map(formatFinding)).toEqual([
      'acme/catalog-info.yaml:15:7  location:default/acme-root  warning: remote target https://github.com/acme/legacy-catalog/blob/main/catalog-info.yaml is not fetched; import it separately [location.remote]',
      'acme/infra/resources.yaml:25:1  template:default/new-service  warning: kind Template has no Switchboard equivalent; skipped [backstage.kind_unsupported]',
      'acme/services/checkout/catalog-info.yaml:31:7  component:default/checkout-web  warning: the dependency resource:default/ghost-cache is not in the files read; the reference is left out [backstage.ref_missing]',
    ]);
  });

  it('converts names to ids deterministically and reports each conversion', async () => {
    const { report } = await acme();
    expect(report.idConversions.map((c) => `${c.ref} → ${c.id}`)).toEqual([
      'group:default/payments_team → payments-team',
      'group:default/search → search-group',
      'user:default/jane.doe → jane-doe',
      'user:default/Omar_Haddad → omar-haddad',
      'user:default/li.wei → li-wei',
      'component:payments/payments-api → payments-payments-api',
      'component:payments-platform-operations/refund-worker-for-the-payments-platform-and-its-nightly-batches → payments-platform-operations-refund-worker-for-the-payme-3632f2',
    ]);
  });

  it('maps components with owners, dependencies, systems, domains, APIs and annotations', async () => {
    const result = await acme();
    expect(entity(result, 'checkout-web')).toEqual({
      kind: 'Service',
      id: 'checkout-web',
      name: 'Checkout',
      description: 'The web front end of the checkout.',
      tags: ['web', 'typescript', 'cplusplus', 'system:checkout', 'domain:commerce'],
      links: [
        {
          url: 'https://grafana.acme.example.org/d/checkout',
          title: 'Dashboard',
          type: 'dashboard',
        },
        { url: 'https://docs.acme.example.org/checkout', title: 'Handbook', type: 'docs' },
        { url: 'https://api.acme.example.org/checkout/docs', title: 'Checkout API', type: 'api' },
        {
          url: 'https://api.acme.example.org/payments',
          title: 'payments-api',
          type: 'api-consumed',
        },
      ],
      source: 'https://github.com/acme/checkout-web',
      docs: 'https://docs.acme.example.org/checkout',
      dependsOn: ['payments-payments-api', 'orders-db', 'search'],
      owners: ['payments-team'],
    });
    expect(entity(result, 'payments-payments-api')).toMatchObject({
      status: 'deprecated',
      source: 'https://github.com/acme/payments/tree/main/',
    });
    expect(entity(result, 'search')).toMatchObject({
      owners: ['search-group'],
      docs: 'https://docs.acme.example.org/search',
      tags: ['system:search-platform'],
    });
    expect(entity(result, 'db-1')).toMatchObject({
      kind: 'Host',
      provider: 'aws',
      config: 'https://github.com/acme/infra/tree/main/hosts/db-1',
    });
    expect(entity(result, 'aws')).toMatchObject({
      kind: 'Provider',
      name: 'Amazon Web Services',
      account: { owners: ['platform'] },
    });
    expect(entity(result, 'orders-db')).toMatchObject({ kind: 'Service', dependsOn: ['db-1'] });
  });

  it('maps groups and users: members from both sides, parents as tags, e-mails as contacts', async () => {
    const result = await acme();
    expect(entity(result, 'platform')).toMatchObject({
      members: ['jane-doe', 'omar-haddad'],
      tags: ['parent:acme'],
      contacts: [{ type: 'email', value: 'platform@acme.example.org' }],
    });
    expect(entity(result, 'payments-team')).toMatchObject({
      name: 'Payments',
      members: ['ana', 'omar-haddad'],
    });
    expect(entity(result, 'search-group')).toMatchObject({
      members: ['li-wei'],
      tags: ['parent:acme'],
    });
    expect(entity(result, 'acme')).toMatchObject({
      name: 'ACME',
      tags: ['group-type:business-unit'],
    });
    expect(entity(result, 'jane-doe')).toEqual({
      kind: 'Person',
      id: 'jane-doe',
      name: 'Jane Doe',
      handles: { github: 'janedoe' },
      contacts: [{ type: 'email', value: 'jane.doe@acme.example.org' }],
    });
  });

  it('lists every field it did not carry over, per entity', async () => {
    const result = await acme();
    expect(unmappedOf(result, 'component:default/checkout-web')).toEqual([
      'metadata.labels.tier: no Switchboard equivalent',
      'metadata.annotations["backstage.io/techdocs-ref"]: TechDocs built from the repository have no URL to point to',
      'metadata.annotations["pagerduty.com/service-id"]: no Switchboard equivalent',
      'spec.dependsOn[2]: refers to resource:default/ghost-cache, which is not in the files read',
    ]);
    expect(unmappedOf(result, 'group:default/acme')).toEqual([
      'metadata.title: spec.profile.displayName is used as the name',
      'spec.profile.picture: no Switchboard equivalent',
    ]);
    expect(unmappedOf(result, 'api:default/checkout-api')).toEqual(
      ['spec.type', 'spec.lifecycle', 'spec.owner', 'spec.system', 'spec.definition'].map(
        (f) => `${f}: no Switchboard equivalent`,
      ),
    );
    const text = renderImportReport(result.report).join('\n');
    expect(text).toContain(
      'system:default/checkout  (acme/systems.yaml:12) → tag system:checkout on checkout-web, payments-payments-api, orders-db',
    );
    expect(text).toContain(
      '    - spec.subcomponentOf = "payments-api" (line 39): no Switchboard equivalent',
    );
    expect(text).toContain(
      'template:default/new-service  (acme/infra/resources.yaml:27) → skipped: kind Template has no Switchboard equivalent',
    );
  });

  it('gives the same result whatever order the paths come in', async () => {
    const a = await run(['acme/org', 'acme/services', 'acme/systems.yaml', 'acme/infra']);
    const b = await run(['acme/infra', 'acme/systems.yaml', 'acme/services', 'acme/org']);
    const byId = (r: ImportResult) => [...r.entities].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(a)).toEqual(byId(b));
    expect(a.files).toEqual(b.files);
  });
});

describe('invalid Backstage input', () => {
  it('reports every problem at file:line:column and writes nothing', async () => {
    const result = await run(['invalid']);
    expect(result.files).toEqual([]);
    expect(result.findings.map(formatFinding)).toEqual([
      'invalid/bad-refs.yaml:16:3  component:default/billing  error: the owner "component:billing" must be a Group or User, not a Component [backstage.ref_kind]',
      'invalid/bad-refs.yaml:18:7  component:default/billing  error: "component:" is not an entity reference of the form [kind:][namespace/]name [backstage.ref_invalid]',
      'invalid/bad-refs.yaml:19:7  component:default/billing  warning: the dependency resource:default/ghost is not in the files read; the reference is left out [backstage.ref_missing]',
      'invalid/bad-refs.yaml:21:7  component:default/billing  error: the dependency must be an entity reference string [backstage.field_type]',
      'invalid/bad-refs.yaml:29:5  user:default/sam  warning: spec.profile.email "not-an-email" is not an e-mail address; left out [backstage.value_dropped]',
      'invalid/bad-refs.yaml:30:14  user:default/sam  warning: the group group:default/ghosts is not in the files read; the reference is left out [backstage.ref_missing]',
      'invalid/bad-refs.yaml:35:3  component:default/Billing  error: component:default/Billing is also declared at invalid/bad-refs.yaml:12 [backstage.duplicate_entity]',
      'invalid/bad-refs.yaml:46:5  component:default/odd-annotations  error: switchboard.dev/kind on a Component must be one of Service, Host, Provider [backstage.annotation_invalid]',
      'invalid/bad-refs.yaml:58:5  component:default/bad-json  error: switchboard.dev/runs-on must hold JSON (Switchboard writes it that way) [backstage.annotation_invalid]',
      'invalid/bad-yaml.yaml:6:1  -  error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] [yaml.syntax]',
      'invalid/duplicate-key.yaml:5:3  -  error: the same key appears twice in one mapping [yaml.duplicate_key]',
      'invalid/envelope.yaml:1:1  no-api-version  error: apiVersion is missing (e.g. "apiVersion: backstage.io/v1alpha1") [backstage.field_required]',
      'invalid/envelope.yaml:9:1  no-kind  error: kind is missing (Component, Resource, System, Domain, API, Group, User or Location) [backstage.field_required]',
      'invalid/envelope.yaml:16:1  -  error: metadata.name is missing [backstage.field_required]',
      'invalid/envelope.yaml:26:3  bad name!  error: metadata.name "bad name!" is not a valid Backstage name ([A-Za-z0-9] runs separated by "-", "_" or ".", at most 63 characters) [backstage.name_invalid]',
      'invalid/envelope.yaml:36:1  resource:default/no-type  error: a Resource needs spec.type (e.g. service, website, database) [backstage.field_required]',
      'invalid/envelope.yaml:39:1  component:default/no-spec  error: a Component needs a spec mapping [backstage.field_required]',
      'invalid/required-location.yaml:8:7  location:default/needs-files  error: target ./does-not-exist.yaml does not exist (invalid/does-not-exist.yaml) [location.target_missing]',
    ]);
  });

  it('refuses hostile files with a finding instead of crashing', async () => {
    const dir = await tempDir();
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    await writeFile(
      path.join(dir, 'bomb.yaml'),
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: bomb}\nspec:\n  ${bomb.split('\n').join('\n  ')}\n`,
    );
    await writeFile(path.join(dir, 'binary.yaml'), Buffer.from([0x61, 0x00, 0x62]));
    await writeFile(path.join(dir, 'latin1.yaml'), Buffer.from([0x6b, 0x3a, 0x20, 0xe9]));
    await writeFile(
      path.join(dir, 'proto.yaml'),
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: proto\n  __proto__: {polluted: true}\nspec: {type: team, children: []}\n',
    );
    const result = await importBackstage([dir], { cwd: dir });
    expect(result.findings.map((f) => `${f.location?.file} ${f.code}`)).toEqual([
      'binary.yaml file.binary',
      'bomb.yaml yaml.alias_limit',
      'latin1.yaml file.encoding',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(unmappedOf(result, 'group:default/proto')).toEqual([
      'metadata.__proto__: no Switchboard equivalent',
    ]);
  });

  it('fails on a missing PATH', async () => {
    const result = await run(['no-such-dir']);
    expect(result.findings.map(formatFinding)).toEqual([
      '-  -  error: no-such-dir: no such file or directory [file.not_found]',
    ]);
  });
});

describe('walking a repository', () => {
  it('skips YAML that is not a Backstage entity, and hidden folders', async () => {
    const result = await run(['mixed-repo']);
    expect(result.report.files).toEqual([
      'mixed-repo/catalog-info.yaml',
      'mixed-repo/k8s/deployment.yaml',
      'mixed-repo/mkdocs.yml',
    ]);
    expect(result.report.skipped.map((s) => `${s.file}: ${s.reason}`)).toEqual([
      'mixed-repo/k8s/deployment.yaml: apiVersion apps/v1 is not a Backstage entity',
      'mixed-repo/mkdocs.yml: no apiVersion: not a Backstage entity',
    ]);
    expect(result.entities.map((e) => e.id)).toEqual(['widget']);
    expect(result.findings.map((f) => f.code)).toEqual(['backstage.ref_missing']);
  });
});

describe('the --mapping file', () => {
  it('overrides the default kind mapping type by type', async () => {
    const parsed = parseMappingFile(await readFile(path.join(FIXTURES, 'mapping.yaml'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const result = await run(['acme/catalog-info.yaml'], { mapping: parsed.mapping });
    expect(result.entities.some((e) => e.id === 'ui-kit')).toBe(false);
    expect(
      result.report.entities.find((e) => e.ref === 'component:default/ui-kit')?.result,
    ).toEqual({ kind: 'skipped', reason: 'spec.type "library" is mapped to skip' });
    expect(entity(result, 'orders-db').kind).toBe('Service');
    expect(entity(result, 'aws').kind).toBe('Provider');
    expect(entity(result, 'ana')).toMatchObject({
      contacts: [{ type: 'email', value: 'ana@acme.example.org', private: true }],
    });
  });

  it('explains what is wrong with a bad mapping file', async () => {
    const parsed = parseMappingFile(
      await readFile(path.join(FIXTURES, 'bad-mapping.yaml'), 'utf8'),
    );
    expect(parsed).toMatchObject({
      ok: false,
      message: expect.stringContaining('component.types.library') as unknown,
    });
    expect(parseMappingFile('component: [')).toMatchObject({
      ok: false,
      message: expect.stringContaining('invalid YAML') as unknown,
    });
  });
});
