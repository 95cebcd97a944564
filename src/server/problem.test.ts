import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { inputError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { storageFailureError } from '../storage/storage-errors.js';
import { errorToProblem, listProblems } from './problem.js';

function appThrowing(error: unknown, logged: string[]): Hono {
  const app = new Hono();
  app.get('/x', () => {
    throw error;
  });
  app.onError((e, c) => errorToProblem(c, e, (line) => logged.push(line)));
  return app;
}

describe('errorToProblem', () => {
  it('tells an HTTP client what failed in storage, and only the log where', async () => {
    const logged: string[] = [];
    const error = storageFailureError(
      'disk_full',
      { dialect: 'sqlite', location: '/srv/switchboard/data/catalog.db' },
      new Error('database or disk is full'),
      'The apply',
    );
    const res = await appThrowing(error, logged).request('/x');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { code: string; detail: string };
    expect(body.code).toBe('storage.disk_full');
    expect(body.detail).toContain('no disk space');
    expect(JSON.stringify(body)).not.toContain('/srv/switchboard');
    expect(logged.join('\n')).toContain('/srv/switchboard/data/catalog.db');
  });

  it('lists at most 10 findings and counts them all', async () => {
    const findings: Finding[] = Array.from({ length: 25 }, (_, i) => ({
      severity: 'error',
      code: 'param.unknown',
      message: `problem ${i}`,
    }));
    const error = inputError(
      'request.invalid',
      listProblems(findings.map((f) => f.message)),
      findings,
    );
    const res = await appThrowing(error, []).request('/x');
    const body = (await res.json()) as { detail: string; errors: Finding[]; errorsTotal: number };
    expect(body.errors.map((f) => f.message)).toEqual(findings.slice(0, 10).map((f) => f.message));
    expect(body.errorsTotal).toBe(25);
    expect(body.detail).toBe(
      `${findings
        .slice(0, 10)
        .map((f) => f.message)
        .join('; ')}; and 15 more (25 in all)`,
    );
  });
});
