import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchema } from '../src/core/json-schema.js';
import { REPO_ROOT } from './support/run-cli.js';

describe('generated files are current', () => {
  it('schema/catalog.schema.json matches `switchboard schema` (run `npm run schema` to refresh)', () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'schema/catalog.schema.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
  });
});
