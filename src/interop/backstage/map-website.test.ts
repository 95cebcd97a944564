import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogIndex } from '../../core/answers/catalog-index.js';
import { resolve } from '../../core/answers/resolve.js';
import type { Entity, Service } from '../../core/schema/entity.schema.js';
import { exportBackstage } from './export-backstage.js';
import { importBackstage } from './import-backstage.js';

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

async function importYaml(yaml: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-website-'));
  temp.push(dir);
  const file = path.join(dir, 'catalog-info.yaml');
  await writeFile(file, yaml);
  return importBackstage([file]);
}

function component(type: string, links: string, annotations = ''): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: shop',
    ...(annotations === '' ? [] : ['  annotations:', annotations]),
    '  links:',
    links,
    'spec:',
    `  type: ${type}`,
    '  lifecycle: production',
    '',
  ].join('\n');
}

const service = (entities: readonly Entity[]): Service => {
  const s = entities.find((e) => e.id === 'shop');
  if (s?.kind !== 'Service') throw new Error('no service shop');
  return s;
};

describe('the service address from Backstage links', () => {
  it.each([
    [
      'a link of type website',
      'service',
      '    - {url: "https://shop.example.org/", title: Shop, type: website}\n    - {url: "https://grafana.example.org/d/shop", title: Dashboard, type: dashboard}',
      ['https://shop.example.org/'],
      ['https://grafana.example.org/d/shop'],
    ],
    [
      'an untyped link titled like a website',
      'service',
      '    - {url: "https://shop.example.org/", title: Public website}',
      ['https://shop.example.org/'],
      [],
    ],
    [
      'the one plain link of a website Component',
      'website',
      '    - {url: "https://shop.example.org/"}\n    - {url: "https://docs.example.org/shop", title: Handbook}\n    - {url: "https://github.com/acme/shop"}',
      ['https://shop.example.org/'],
      ['https://docs.example.org/shop', 'https://github.com/acme/shop'],
    ],
    [
      'no guess between two plain links of a website Component',
      'website',
      '    - {url: "https://a.example.org/"}\n    - {url: "https://b.example.org/"}',
      undefined,
      ['https://a.example.org/', 'https://b.example.org/'],
    ],
    [
      'no guess for a service Component with a plain link',
      'service',
      '    - {url: "https://shop.example.org/"}',
      undefined,
      ['https://shop.example.org/'],
    ],
    [
      'a typed non-site link of a website Component stays a link',
      'website',
      '    - {url: "https://grafana.example.org/d/shop", title: Shop, type: dashboard}',
      undefined,
      ['https://grafana.example.org/d/shop'],
    ],
  ])('%s', async (_case, type, links, urls, kept) => {
    const result = await importYaml(component(type, links));
    expect(result.findings).toEqual([]);
    const shop = service(result.entities);
    expect(shop.urls).toEqual(urls);
    expect((shop.links ?? []).map((l) => l.url)).toEqual(kept);
  });

  it('reports the move and makes the service resolvable by URL', async () => {
    const result = await importYaml(
      component('website', '    - {url: "https://shop.example.org/", title: Website}'),
    );
    const report = result.report.entities.find((e) => e.ref === 'component:default/shop');
    expect(report?.conversions).toContainEqual({
      field: 'metadata.links[0]',
      from: 'https://shop.example.org/',
      to: 'urls (the address of the service)',
    });
    expect(report?.unmapped).toEqual([]);
    expect(service(result.entities).links).toBeUndefined();
    const index = CatalogIndex.build(result.entities);
    expect(resolve(index, 'https://shop.example.org/cart/42')[0]?.entity.id).toBe('shop');
  });

  it('keeps switchboard.dev/urls when it is there', async () => {
    const result = await importYaml(
      component(
        'website',
        '    - {url: "https://shop.example.org/", type: website}',
        `    switchboard.dev/urls: '["https://www.shop.example.org/"]'`,
      ),
    );
    const shop = service(result.entities);
    expect(shop.urls).toEqual(['https://www.shop.example.org/']);
    expect(shop.links).toEqual([{ url: 'https://shop.example.org/', type: 'website' }]);
  });

  it("round-trips Switchboard's own export exactly, website links and all", async () => {
    const catalog: Entity[] = [
      {
        kind: 'Service',
        id: 'shop',
        name: 'Shop',
        links: [{ url: 'https://shop.example.org/', title: 'Website', type: 'website' }],
      },
      {
        kind: 'Service',
        id: 'site',
        name: 'Site',
        urls: ['https://site.example.org/'],
        links: [{ url: 'https://mirror.example.org/', title: 'Mirror site', type: 'website' }],
      },
    ];
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-website-rt-'));
    temp.push(dir);
    for (const file of exportBackstage(catalog, { includePrivate: true }))
      await writeFile(path.join(dir, file.path), file.content);
    const result = await importBackstage([dir]);
    expect(result.findings).toEqual([]);
    expect([...result.entities].sort((a, b) => a.id.localeCompare(b.id))).toEqual(catalog);
  });
});
