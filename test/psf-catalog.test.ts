/**
 * The bundled PSF catalog (catalog/psf): every document is a valid entity, ids are unique, every
 * reference resolves to an entity of an allowed kind, and the facts users ask about are there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAll } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { formatFinding } from '../src/core/finding.js';
import { relationsOf } from '../src/core/relations.js';
import {
  entitySchema,
  type Entity,
  type EntityOfKind,
  type EntityKind,
} from '../src/core/schema/entity.schema.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CATALOG_DIR = path.join(ROOT, 'catalog', 'psf');
const SCHEMA_FILE = path.join(ROOT, 'schema', 'catalog.schema.json');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
    )
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

/** Parses every document of a file; a syntax error becomes a value so that one test reports it. */
function parseFile(text: string): { docs: unknown[]; error?: string } {
  try {
    return { docs: loadAll(text) };
  } catch (error) {
    return { docs: [], error: error instanceof Error ? error.message : String(error) };
  }
}

const files = yamlFiles(CATALOG_DIR);
const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
const parsedFiles = new Map(files.map((f) => [f, parseFile(texts.get(f) ?? '')]));
const raw = files.flatMap((file) =>
  (parsedFiles.get(file)?.docs ?? []).map((doc, index) => ({ file, index, doc })),
);
const entities: Entity[] = raw.flatMap(({ doc }) => {
  const parsed = entitySchema.safeParse(doc);
  return parsed.success ? [parsed.data] : [];
});
const byId = new Map(entities.map((e) => [e.id, e]));

function get<K extends EntityKind>(kind: K, id: string): EntityOfKind<K> {
  const entity = byId.get(id);
  if (entity?.kind !== kind) throw new Error(`no ${kind} with id ${id}`);
  return entity as EntityOfKind<K>;
}

function ofKind<K extends EntityKind>(kind: K): EntityOfKind<K>[] {
  return entities.filter((e): e is EntityOfKind<K> => e.kind === kind);
}

function serviceWithHostname(hostname: string): EntityOfKind<'Service'> {
  const found = ofKind('Service').filter((s) => s.hostnames?.includes(hostname));
  expect(
    found.map((s) => s.id),
    `services claiming ${hostname}`,
  ).toHaveLength(1);
  return found[0] as EntityOfKind<'Service'>;
}

/** The providers a service runs on, directly or through its hosts. */
function providersOf(service: EntityOfKind<'Service'>): string[] {
  return (service.runsOn ?? []).flatMap((p) =>
    p.provider !== undefined ? [p.provider] : [get('Host', p.host ?? '').provider ?? '?'],
  );
}

describe('catalog/psf files', () => {
  it('has files in the documented layout', () => {
    const names = files.map((f) => path.relative(CATALOG_DIR, f).split(path.sep).join('/'));
    expect(names).toEqual(
      expect.arrayContaining(['teams.yaml', 'people.yaml', 'providers.yaml', 'hosts.yaml']),
    );
    expect(names.filter((n) => n.startsWith('services/')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))('%s parses as YAML', (_, file) => {
    expect(parsedFiles.get(file)?.error).toBeUndefined();
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))(
    '%s starts with the schema modeline',
    (_, file) => {
      const expected = path.relative(path.dirname(file), SCHEMA_FILE).split(path.sep).join('/');
      const firstLine = (texts.get(file) ?? '').split('\n')[0];
      expect(firstLine).toBe(`# yaml-language-server: $schema=${expected}`);
    },
  );

  it.each(files.map((f) => [path.relative(ROOT, f), f]))(
    '%s reads the same under YAML 1.1 (PyYAML) and 1.2',
    (_, file) => {
      const text = texts.get(file) ?? '';
      const asYaml11 = parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJS() as unknown);
      expect(asYaml11).toEqual(parsedFiles.get(file)?.docs);
    },
  );
});

describe('catalog/psf entities', () => {
  it.each(raw.map((r) => [`${path.relative(CATALOG_DIR, r.file)}#${r.index}`, r.doc]))(
    '%s is a valid entity',
    (_, doc) => {
      const parsed = entitySchema.safeParse(doc);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    },
  );

  it('has unique ids', () => {
    const ids = entities.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('resolves every reference to an entity of an allowed kind', () => {
    const broken = entities.flatMap(relationsOf).flatMap((r) => {
      const target = byId.get(r.target);
      if (target && r.allowed.includes(target.kind)) return [];
      return [`${r.source} ${r.path.join('.')} -> ${r.target} (${target?.kind ?? 'missing'})`];
    });
    expect(broken).toEqual([]);
  });

  it('records no review, since the sources state none', () => {
    expect(entities.filter((e) => e.reviewed !== undefined).map((e) => e.id)).toEqual([]);
  });

  it('has exactly one infrastructure team', () => {
    expect(
      ofKind('Team')
        .filter((t) => t.role === 'infrastructure')
        .map((t) => t.id),
    ).toEqual(['psf-infrastructure']);
  });
});

const ON_PAGE = [
  'buildbot',
  'bugs-python-org',
  'docs-python-org',
  'hg-python-org',
  'mail-python-org',
  'planet-python',
  'pythontest-net',
  'speed-python-org',
  'wiki-python-org',
  'www-jython-org',
  'www-python-org',
  'python-downloads',
  'legacy-python-org',
  'pycon',
  'pypi',
  'pypy-org',
];

describe('facts from the overview page and psf-facts', () => {
  it('tags every service the page does not name, and only those', () => {
    const tagged = ofKind('Service').filter((s) => s.tags?.includes('not-on-overview-page'));
    const untagged = ofKind('Service').filter((s) => !s.tags?.includes('not-on-overview-page'));
    expect(untagged.map((s) => s.id).sort()).toEqual([...ON_PAGE].sort());
    expect(tagged.map((s) => s.id)).toEqual(
      expect.arrayContaining(['psf-load-balancers', 'consul', 'salt-master']),
    );
  });

  it('resolves bugs.python.org to a service on DigitalOcean', () => {
    const bugs = serviceWithHostname('bugs.python.org');
    expect(bugs.id).toBe('bugs-python-org');
    expect(bugs.poweredBy).toBe('Roundup');
    expect(providersOf(bugs)).toEqual(['digitalocean']);
  });

  it('has PyPI fronted by Fastly, on AWS, owned by its three maintainers', () => {
    const pypi = get('Service', 'pypi');
    expect(pypi.frontedBy).toEqual(['fastly']);
    expect(providersOf(pypi)).toContain('aws');
    expect([...(pypi.owners ?? [])].sort()).toEqual([
      'donald-stufft',
      'dustin-ingram',
      'ee-durbin',
    ]);
    expect(pypi.contacts).toContainEqual(expect.objectContaining({ value: 'admin@pypi.org' }));
  });

  it('gives the infrastructure team its list, IRC channel on Libera and issue tracker', () => {
    const team = get('Team', 'psf-infrastructure');
    expect(team.contacts).toContainEqual(
      expect.objectContaining({ type: 'irc', value: '#python-infra', network: 'libera' }),
    );
    expect(team.contacts).toContainEqual(
      expect.objectContaining({ type: 'mailing-list', value: 'infrastructure-staff@python.org' }),
    );
    expect(team.contacts).toContainEqual(
      expect.objectContaining({
        type: 'issues',
        value: 'https://github.com/python/psf-infra-meta/issues',
      }),
    );
    expect(team.members).toEqual(
      expect.arrayContaining([
        'alex-gaynor',
        'benjamin-peterson',
        'benjamin-w-smith',
        'donald-stufft',
        'ee-durbin',
        'noah-kantrowitz',
      ]),
    );
  });

  it.each([
    ['buildbot', ['antoine-pitrou', 'zach-ware'], 'python-dev@python.org'],
    ['docs-python-org', ['julien-palard'], undefined],
    ['speed-python-org', ['zach-ware'], 'speed@python.org'],
    ['www-jython-org', ['psf-infrastructure'], undefined],
    ['mail-python-org', [], 'postmaster@python.org'],
    ['planet-python', [], 'planet@python.org'],
    ['pythontest-net', [], 'python-dev@python.org'],
    ['pycon', [], 'pycon-site@python.org'],
    ['pypy-org', [], 'pypy-dev@python.org'],
  ] as const)('%s is owned by %j with contact %s', (id, owners, contact) => {
    const service = get('Service', id);
    expect(service.owners ?? []).toEqual(owners);
    if (contact !== undefined) expect(service.contacts?.map((c) => c.value)).toContain(contact);
  });

  it('serves hg, svn and legacy from hg.nyc1.psf.io', () => {
    const onHg = ofKind('Service').filter((s) => s.runsOn?.some((p) => p.host === 'hg-nyc1'));
    expect(onHg.map((s) => s.id).sort()).toEqual([
      'hg-python-org',
      'legacy-python-org',
      'svn-python-org',
    ]);
    expect(get('Host', 'hg-nyc1').hostnames).toEqual(['hg.nyc1.psf.io']);
  });

  it('runs speed.python.org benchmarks on the Chef-managed OSUOSL hardware', () => {
    const box = get('Host', 'speed-python-osuosl');
    expect(box).toMatchObject({ provider: 'osuosl', as: 'hardware', managedBy: 'chef' });
    expect(providersOf(get('Service', 'speed-python-org')).sort()).toEqual([
      'digitalocean',
      'osuosl',
    ]);
  });

  it('records the current state where the config repositories disagree with the page', () => {
    const www = get('Service', 'www-python-org');
    expect(providersOf(www)).not.toContain('heroku');
    expect(www.frontedBy).toEqual(['fastly']);
    expect(www.notes).toMatch(/Heroku/);
    expect(get('Service', 'pypy-org').status).toBe('retired');
    expect(get('Service', 'wiki-python-org').notes).toMatch(/static archive/);
    expect(get('Service', 'hg-python-org').description).toMatch(/[Rr]ead-only archive/);
  });

  it('makes every service behind the PSF load balancers depend on them', () => {
    for (const id of [
      'bugs-python-org',
      'buildbot',
      'docs-python-org',
      'python-downloads',
      'wiki-python-org',
      'planet-python',
      'console-python-org',
    ]) {
      expect(get('Service', id).dependsOn, id).toContain('psf-load-balancers');
    }
  });
});

describe('the real validator', () => {
  it('finds no errors in catalog/psf with loadCatalog', async () => {
    const { findings } = await loadCatalog(CATALOG_DIR);
    expect(findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([]);
  });
});
