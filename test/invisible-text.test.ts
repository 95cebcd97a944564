/**
 * Text with a right-to-left override and terminal escape sequences (a valid catalog, with
 * warnings): the CLI shows it escaped and sends no escape sequence to the terminal, its JSON and
 * the API keep the stored string, and the overview shows it escaped.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/start-server.js';
import { findInvisible } from '../src/core/visible-text.js';
import { fixture, runCli, tempDir } from './support/run-cli.js';
import { checkedFetch, getJson, startTestServer } from './support/test-server.js';

const CATALOG = fixture('catalogs/invisible');
const DESCRIPTION = 'Download evil\u202Egnp.exe now.\u001B[2J\u001B[31m The screen is red.\u009B0m';

/** No raw invisible or control character but the line breaks and tabs of the layout. */
function expectInert(output: string): void {
  expect(findInvisible(output, { keepLineBreaks: true }), output).toBeUndefined();
}

describe('invisible and control characters in catalog text', () => {
  let server: RunningServer;
  const db = `sqlite:${path.join(tempDir(), 'invisible.db')}`;
  beforeAll(async () => {
    const applied = await runCli(['apply', CATALOG, '--source', 'test:invisible'], {
      env: { DATABASE_URL: db },
    });
    expect(applied.code, applied.stderr).toBe(0);
    server = await startTestServer({ databaseUrl: db });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('validate warns at file:line, naming the character and showing it escaped', async () => {
    const r = await runCli(['validate', CATALOG]);
    expect(r.code).toBe(0);
    expectInert(r.stdout);
    expect(r.stdout).toContain(
      'catalog.yaml:14:14  spoofed  warning: description holds U+202E RIGHT-TO-LEFT OVERRIDE',
    );
    expect(r.stdout).toContain('catalog.yaml:18:12  spoofed  warning: links[0].title holds U+2066');
    expect(r.stdout).toContain('[text.invisible]');
  });

  it('show prints the text escaped, with no escape sequence for the terminal', async () => {
    for (const flags of [
      ['--catalog', CATALOG],
      ['--database', db],
      ['--server', server.url],
    ]) {
      const r = await runCli(['show', 'spoofed', ...flags]);
      expect(r.code, r.stderr).toBe(0);
      expectInert(r.stdout);
      expect(r.stdout).toContain('evil\\u202Egnp.exe');
      expect(r.stdout).toContain('\\u009B0m');
      expect(r.stdout).toContain('Runbook \\u2066hidden\\u2069 \\u200Bpart');
    }
  });

  it('show --json keeps the stored string, written with JSON escapes', async () => {
    const r = await runCli(['show', 'spoofed', '--json', '--catalog', CATALOG]);
    expect(r.code, r.stderr).toBe(0);
    expectInert(r.stdout);
    expect(r.stdout).toContain('evil\\u202Egnp.exe');
    const parsed = JSON.parse(r.stdout) as { entity: { description: string } };
    expect(parsed.entity.description).toBe(DESCRIPTION);
  });

  it('the API answers the stored string', async () => {
    const res = await getJson<{ entity: { description: string } }>(
      server,
      '/api/v1/entities/spoofed',
    );
    expect(res.status).toBe(200);
    expect(res.body.entity.description).toBe(DESCRIPTION);
  });

  it('the overview shows it escaped in every format', async () => {
    for (const format of ['md', 'rst', 'html']) {
      const res = await checkedFetch(server, `/api/v1/overview?format=${format}`);
      const text = await res.text();
      expect(res.status).toBe(200);
      expectInert(text);
      expect(text).toMatch(/evil\\+u202Egnp/);
    }
  });
});
