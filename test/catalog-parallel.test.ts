/**
 * A large catalog is parsed on two threads (src/catalog/parse-files-parallel.ts). The helper
 * thread runs compiled code, so this test loads catalogs through dist/ (`npm run build` first),
 * told to use two threads so that small fixtures take that path too.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { loadCatalog as LoadCatalog } from '../src/catalog/load-catalog.js';
import { fixture, REPO_ROOT } from './support/run-cli.js';

const { loadCatalog } = (await import(
  pathToFileURL(path.join(REPO_ROOT, 'dist/catalog/load-catalog.js')).href
)) as { loadCatalog: typeof LoadCatalog };

const today = new Date(Date.UTC(2026, 11, 1));
const catalogs = readdirSync(fixture('catalogs'));

describe('loading a catalog on two threads', () => {
  it.each(catalogs)(
    'finds the same entities and findings, at the same places: %s',
    async (name) => {
      const dir = fixture('catalogs', name);
      const one = await loadCatalog(dir, { today, parallel: 'never' });
      const two = await loadCatalog(dir, { today, parallel: 'always' });
      expect(two.findings).toEqual(one.findings);
      expect(two.entities).toEqual(one.entities);
      expect(two.files).toEqual(one.files);
    },
  );

  it('has fixtures with findings in several files, so the helper thread gets some of them', async () => {
    const loaded = await loadCatalog(fixture('catalogs', 'hostile'), { parallel: 'always' });
    expect(loaded.files.length).toBeGreaterThan(1);
    expect(new Set(loaded.findings.map((f) => f.location?.file)).size).toBeGreaterThan(1);
  });
});
