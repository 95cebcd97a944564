/**
 * Switchboard → Backstage → Switchboard reproduces the catalog exactly, and the imported files
 * pass Switchboard's own validator.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../src/catalog/export-catalog.js';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import type { Entity } from '../src/core/schema/entity.schema.js';
import { exportBackstage } from '../src/interop/backstage/export-backstage.js';
import { importBackstage } from '../src/interop/backstage/import-backstage.js';
import { syntheticCatalog } from './fixtures/backstage/synthetic-catalog.js';

const temp: string[] = [];
afterAll(async () => {
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

async function writeAll(files: readonly ExportedFile[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-backstage-'));
  temp.push(dir);
  await mkdir(dir, { recursive: true });
  for (const file of files) await writeFile(path.join(dir, file.path), file.content);
  return dir;
}

const byId = (entities: readonly Entity[]) =>
  [...entities].sort((a, b) => a.id.localeCompare(b.id));

async function roundTrip(entities: Entity[], entry: 'dir' | 'location'): Promise<Entity[]> {
  const exported = await writeAll(exportBackstage(entities, { includePrivate: true }));
  const result = await importBackstage([
    entry === 'dir' ? exported : path.join(exported, 'catalog-info.yaml'),
  ]);
  expect(result.findings).toEqual([]);
  for (const report of result.report.entities) expect(report.unmapped, report.ref).toEqual([]);
  for (const conversion of result.report.idConversions) {
    expect(conversion.reasons).toEqual(['set by switchboard.dev/id']);
  }
  const imported = await writeAll(result.files);
  const loaded = await loadCatalog(imported);
  expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return loaded.entities.map((d) => d.entity);
}

describe('Backstage round trip', () => {
  it.each(['dir', 'location'] as const)(
    'reproduces the synthetic catalog (import from %s)',
    async (entry) => {
      const catalog = syntheticCatalog();
      expect(byId(await roundTrip(catalog, entry))).toEqual(byId(catalog));
    },
  );

  it('reproduces the bundled PSF catalog', async () => {
    if (!existsSync('catalog/psf')) {
      console.warn('WARNING: catalog/psf is missing; the PSF round trip is not checked');
      return;
    }
    const loaded = await loadCatalog('catalog/psf');
    const psf = loaded.entities.map((d) => d.entity);
    expect(psf.length).toBeGreaterThan(20);
    expect(byId(await roundTrip(psf, 'dir'))).toEqual(byId(psf));
  });

  it('drops private contacts when they are not exported, and nothing else', async () => {
    const exported = await writeAll(exportBackstage(syntheticCatalog()));
    const result = await importBackstage([exported]);
    expect(result.findings).toEqual([]);
    const expected = syntheticCatalog().map((e) => {
      if (!('contacts' in e) || e.contacts === undefined) return e;
      const contacts = e.contacts.filter((c) => c.private !== true);
      const { contacts: _dropped, ...rest } = e;
      return contacts.length > 0 ? { ...rest, contacts } : rest;
    });
    expect(byId(result.entities)).toEqual(byId(expected));
  });

  it('carries fields the exporter does not know in switchboard.dev/extra, never silently', async () => {
    const future = {
      kind: 'Team',
      id: 'infra',
      name: 'Infra',
      futureField: ['x'],
    } as unknown as Entity;
    const exported = await writeAll(exportBackstage([future]));
    expect(await readFile(path.join(exported, 'groups.yaml'), 'utf8')).toContain(
      `switchboard.dev/extra: '{"futureField":["x"]}'`,
    );
    const result = await importBackstage([exported], { cwd: exported });
    expect(result.findings.map((f) => `${f.code} ${f.message}`)).toEqual([
      expect.stringMatching(/^import\.output_invalid .*futureField/) as unknown,
    ]);
    expect(result.files).toEqual([]);
  });
});
