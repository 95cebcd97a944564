/**
 * Builds the generated reStructuredText with the real Sphinx, warnings as errors (`-W`), as the
 * PSF's docs are built. Skipped, loudly, where sphinx-build is not installed.
 */
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line no-restricted-imports -- the test (not the core) writes a Sphinx project to a temp dir
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../schema/entity.schema.js';
import { CatalogIndex } from '../catalog-index.js';
import { generateSyntheticCatalog, psfLikeCatalog } from '../test-factories.js';
import { AWKWARD_NAMES, awkwardCatalog } from './awkward-catalog.js';
import { escapeHtml } from './render-html.js';
import { renderOverviewRst } from './render-overview.js';

const hasSphinx = spawnSync('sphinx-build', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSphinx) {
  console.warn(
    'SKIPPED: sphinx-build is not installed (apt-get install python3-sphinx); the RST overview is not checked under Sphinx -W',
  );
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function sphinxBuild(entities: Entity[]): { status: number | null; output: string; html: string } {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-sphinx-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'conf.py'), 'project = "Overview"\nroot_doc = master_doc = "index"\n');
  writeFileSync(
    join(dir, 'index.rst'),
    renderOverviewRst(CatalogIndex.build(entities), { organization: 'The PSF' }),
  );
  const run = spawnSync(
    'sphinx-build',
    ['-W', '--keep-going', '-E', '-q', '-b', 'html', dir, join(dir, '_build')],
    {
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  let html = '';
  try {
    html = readFileSync(join(dir, '_build', 'index.html'), 'utf8');
  } catch {
    html = '';
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}`, html };
}

describe.skipIf(!hasSphinx)('the RST overview under sphinx-build -W', () => {
  it('builds the PSF-like catalog without a warning', () => {
    const { status, output, html } = sphinxBuild(psfLikeCatalog());
    expect(output).toBe('');
    expect(status).toBe(0);
    expect(html).toContain('href="https://docs.python.org/"');
    expect(html).toContain('href="mailto:infrastructure-staff');
    expect(html).toContain('href="ircs://irc.libera.chat/python-infra"');
  });

  it('builds a catalog of awkward names without a warning, showing each name as written', () => {
    const { status, output, html } = sphinxBuild(awkwardCatalog());
    expect(output).toBe('');
    expect(status).toBe(0);
    const shown = AWKWARD_NAMES.filter((n) => !n.includes('http') && !n.includes('.. '));
    for (const name of shown) expect(html, name).toContain(escapeHtml(name));
    expect(html).toContain('href="https://s0.example.org/path_with_underscore%5F"');
    expect(html).toContain('href="https://github.com/example/repo_(x)"');
    expect(html).not.toContain('<script>alert');
  });

  it('builds a synthetic catalog without a warning', () => {
    const { status, output } = sphinxBuild(generateSyntheticCatalog(300, 11));
    expect(output).toBe('');
    expect(status).toBe(0);
  });
});
