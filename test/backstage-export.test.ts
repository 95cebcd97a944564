/**
 * Every entity `exportBackstage` writes must pass Backstage's own validation, as the catalog
 * backend applies it: the entity policies (namespace, root fields, field formats, envelope schema)
 * and the validator of its kind, all from @backstage/catalog-model.
 */
import { existsSync } from 'node:fs';
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  userEntityV1alpha1Validator,
  type Entity as BackstageEntity,
} from '@backstage/catalog-model';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import type { Entity } from '../src/core/schema/entity.schema.js';
import { exportBackstage } from '../src/interop/backstage/export-backstage.js';
import { syntheticCatalog } from './fixtures/backstage/synthetic-catalog.js';

const KIND_VALIDATORS = {
  Component: componentEntityV1alpha1Validator,
  Resource: resourceEntityV1alpha1Validator,
  Group: groupEntityV1alpha1Validator,
  User: userEntityV1alpha1Validator,
  Location: locationEntityV1alpha1Validator,
} as const;

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

function exportedEntities(entities: Entity[], includePrivate = true): BackstageEntity[] {
  return exportBackstage(entities, { includePrivate }).flatMap((file) =>
    parseAllDocuments(file.content).map((doc) => doc.toJS() as BackstageEntity),
  );
}

async function expectBackstageAccepts(exported: BackstageEntity[]): Promise<void> {
  const known = new Set(exported.map((e) => stringifyEntityRef(e)));
  for (const entity of exported) {
    const label = `${entity.kind} ${entity.metadata.name}`;
    await expect(policy.enforce(entity), label).resolves.toBeDefined();
    const validator = KIND_VALIDATORS[entity.kind as keyof typeof KIND_VALIDATORS];
    expect(validator, label).toBeDefined();
    await expect(validator.check(entity), label).resolves.toBe(true);
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const refs = [
      spec.owner,
      ...((spec.dependsOn as string[]) ?? []),
      ...((spec.members as string[]) ?? []),
      ...((spec.memberOf as string[]) ?? []),
    ];
    for (const ref of refs.filter((r): r is string => typeof r === 'string')) {
      expect(known.has(stringifyEntityRef(parseEntityRef(ref))), `${label} refers to ${ref}`).toBe(
        true,
      );
    }
  }
}

async function psfCatalog(): Promise<Entity[] | undefined> {
  if (!existsSync('catalog/psf')) {
    console.warn('WARNING: catalog/psf is missing; the PSF Backstage export is not checked');
    return undefined;
  }
  const loaded = await loadCatalog('catalog/psf');
  expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return loaded.entities.map((d) => d.entity);
}

describe('exportBackstage', () => {
  it('writes entities Backstage accepts (synthetic catalog with every field)', async () => {
    const exported = exportedEntities(syntheticCatalog());
    expect(exported.map((e) => e.kind).sort()).toEqual(
      [
        'Component',
        'Component',
        'Component',
        'Group',
        'Group',
        'Location',
        'Resource',
        'Resource',
        'Resource',
        'Resource',
        'Resource',
        'User',
        'User',
        'User',
      ].sort(),
    );
    await expectBackstageAccepts(exported);
  });

  it('writes entities Backstage accepts (the bundled PSF catalog)', async () => {
    const psf = await psfCatalog();
    if (psf === undefined) return;
    expect(psf.length).toBeGreaterThan(20);
    await expectBackstageAccepts(exportedEntities(psf));
  });

  it('is checked by a harness that rejects what Backstage rejects', async () => {
    const [group] = exportedEntities([{ kind: 'Team', id: 'infra', name: 'Infra' }]).filter(
      (e) => e.kind === 'Group',
    );
    if (group === undefined) throw new Error('no group exported');
    await expectBackstageAccepts([group]);
    await expect(
      expectBackstageAccepts([{ ...group, metadata: { ...group.metadata, tags: ['python.org'] } }]),
    ).rejects.toThrow();
    await expect(
      expectBackstageAccepts([{ ...group, metadata: { ...group.metadata, name: 'edge-' } }]),
    ).rejects.toThrow();
    await expect(expectBackstageAccepts([{ ...group, spec: { type: 'team' } }])).rejects.toThrow();
  });

  it('maps kinds, owners, dependencies and members as documented', () => {
    const byName = new Map(
      exportedEntities(syntheticCatalog()).map((e) => [`${e.kind}:${e.metadata.name}`, e]),
    );
    const www = byName.get('Component:www');
    expect(www?.spec).toMatchObject({
      type: 'website',
      lifecycle: 'production',
      owner: 'group:web-team',
      dependsOn: ['component:api', 'resource:web-1'],
    });
    expect(www?.metadata.annotations?.['switchboard.dev/owners']).toBe('web-team,ada');
    expect(www?.metadata.annotations?.['backstage.io/source-location']).toBe(
      'url:https://github.com/example/www',
    );
    expect(www?.metadata.tags).toEqual(['web']);
    expect(byName.get('Resource:files')?.spec).toMatchObject({
      type: 'object-storage',
      owner: 'group:infra',
    });
    expect(byName.get('Resource:fastly')?.spec).toEqual({ type: 'provider', owner: 'group:infra' });
    expect(byName.get('Resource:web-1')?.spec).toMatchObject({
      type: 'host',
      dependsOn: ['resource:fastly'],
    });
    expect(byName.get('Resource:bare')?.spec).toMatchObject({ owner: 'group:infra' });
    expect(byName.get('Resource:bare')?.metadata.annotations?.['switchboard.dev/owners']).toBe('');
    expect(byName.get('Group:infra')?.spec).toMatchObject({
      type: 'team',
      children: [],
      members: ['user:ada', 'user:grace', 'user:edge'],
      profile: { displayName: 'Infrastructure', email: 'infra@example.org' },
    });
    expect(byName.get('User:grace')?.spec).toMatchObject({
      memberOf: ['group:infra', 'group:web-team'],
    });
    expect(byName.get('User:edge')?.metadata.annotations?.['switchboard.dev/id']).toBe('edge-');
    expect(byName.get('Component:legacy')?.spec).toMatchObject({
      lifecycle: 'retired',
      owner: 'user:edge',
    });
  });

  it('leaves private contacts out unless asked', () => {
    const text = exportBackstage(syntheticCatalog())
      .map((f) => f.content)
      .join('\n');
    expect(text).not.toContain('grace@example.org');
    expect(text).not.toContain('+44 20');
    expect(text).toContain('ada@example.org');
    const all = exportBackstage(syntheticCatalog(), { includePrivate: true })
      .map((f) => f.content)
      .join('\n');
    expect(all).toContain('grace@example.org');
  });

  it('lists every file in a Location, catalog-info.yaml', () => {
    const files = exportBackstage(syntheticCatalog());
    expect(files.map((f) => f.path)).toEqual([
      'catalog-info.yaml',
      'groups.yaml',
      'users.yaml',
      'components.yaml',
      'resources.yaml',
    ]);
    expect(files[0]?.content).toContain('- ./components.yaml');
  });
});
