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
import { available } from '../../../../test/support/requirements.js';
import type { Entity } from '../../schema/entity.schema.js';
import { CatalogIndex } from '../catalog-index.js';
import {
  generateSyntheticCatalog,
  psfLikeCatalog,
} from '../../../../test/support/test-factories.js';
import { findInvisible } from '../../visible-text.js';
import {
  activeContent,
  allowedLinkTargets,
  AWKWARD_NAMES,
  awkwardCatalog,
  hostileCatalog,
  unexpectedLinks,
} from '../../../../test/support/awkward-catalog.js';
import { escapeHtml } from './render-html.js';
import { renderOverviewRst } from './render-overview.js';

const hasSphinx = available(
  'sphinx-build',
  spawnSync('sphinx-build', ['--version'], { encoding: 'utf8' }).status === 0,
  'apt-get install python3-sphinx',
);
const hasDocutils = available(
  'rst2html (docutils)',
  spawnSync('rst2html', ['--version'], { encoding: 'utf8' }).status === 0,
  'apt-get install python3-docutils',
);

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

/** The part of a Sphinx page that the document makes (not the theme's navigation). */
function sphinxBody(html: string): string {
  const start = html.indexOf('<div class="body" role="main">');
  const end = html.indexOf('<div class="sphinxsidebar"', start);
  expect(start, 'the page body').toBeGreaterThan(0);
  return html.slice(start, end > start ? end : undefined);
}

/** What catalog text must never become in a page, besides links; invisible characters shown. */
function expectNoActiveContent(html: string): void {
  expect(activeContent(html)).toEqual([]);
  expect(findInvisible(html.replace(/[\n\t]/g, ' '))).toBeUndefined();
  expect(html).toContain('evil\\u202Egnp.exe');
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

  it('builds a hostile catalog without a warning, with no link but those of URL fields', () => {
    const entities = hostileCatalog();
    const { status, output, html } = sphinxBuild(entities);
    expect(output).toBe('');
    expect(status).toBe(0);
    const body = sphinxBody(html);
    expect(unexpectedLinks(body, allowedLinkTargets(entities))).toEqual([]);
    expect(body).toContain('href="https://docs.example.org/h3"');
    expectNoActiveContent(body);
  });

  it('builds a synthetic catalog without a warning', () => {
    const { status, output } = sphinxBuild(generateSyntheticCatalog(300, 11));
    expect(output).toBe('');
    expect(status).toBe(0);
  });
});

describe.skipIf(!hasDocutils)('the RST overview under docutils', () => {
  it('lets no catalog text become a link, a role, a directive or markup', () => {
    const entities = hostileCatalog();
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-docutils-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'index.rst'), renderOverviewRst(CatalogIndex.build(entities)));
    const run = spawnSync(
      'rst2html',
      ['--halt=warning', '--report=warning', join(dir, 'index.rst'), join(dir, 'index.html')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
    const page = readFileSync(join(dir, 'index.html'), 'utf8');
    const body = page.slice(page.indexOf('<body>'));
    expect(unexpectedLinks(body, allowedLinkTargets(entities))).toEqual([]);
    expect(body).toContain('href="https://h0.example.org/"');
    expectNoActiveContent(body);
  });
});
