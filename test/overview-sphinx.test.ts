import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { available } from './support/requirements.js';
import { REPO_ROOT, runCli, tempDir } from './support/run-cli.js';

const hasSphinx = available(
  'sphinx-build',
  spawnSync('sphinx-build', ['--version'], { encoding: 'utf8' }).status === 0,
  'apt-get install python3-sphinx',
);

describe.skipIf(!hasSphinx)('the bundled catalog’s overview', () => {
  it('`switchboard overview --format rst` builds under sphinx-build -W with every link intact', async () => {
    const dir = tempDir('switchboard-psf-sphinx-');
    const rst = path.join(dir, 'index.rst');
    const r = await runCli([
      'overview',
      '--format',
      'rst',
      '--out',
      rst,
      '--catalog',
      path.join(REPO_ROOT, 'catalog/psf'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    writeFileSync(
      path.join(dir, 'conf.py'),
      'project = "PSF Infrastructure"\nroot_doc = "index"\n',
    );
    const build = spawnSync(
      'sphinx-build',
      ['-W', '--keep-going', '-E', '-q', '-b', 'html', dir, path.join(dir, '_build')],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(`${build.stdout}${build.stderr}`).toBe('');
    expect(build.status).toBe(0);
    const html = readFileSync(path.join(dir, '_build', 'index.html'), 'utf8');
    // Sphinx obfuscates the @ and dots of mailto links as character references.
    expect(html).toMatch(
      /href="mailto:infrastructure-staff(@|&#37;&#52;&#48;)python(\.|&#46;)org"/,
    );
    expect(html).toContain('href="https://pypi.org/"');
  });
});
