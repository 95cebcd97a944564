/**
 * The published JSON Schema accepts what the validator accepts: every entity of every clean
 * fixture validates against it, and unknown fields or kinds are rejected. The checker below
 * implements exactly the keywords the generated schema uses, and fails loudly on any other, so a
 * constraint can never be skipped silently.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchema } from '../core/json-schema.js';
import { loadCatalog } from './load-catalog.js';

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$defs',
  'title',
  'description',
  'examples',
  'format',
  'id',
]);

const TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  number: (v) => typeof v === 'number',
  integer: Number.isInteger,
  null: (v) => v === null,
};

function check(root: Schema, schema: Schema, value: unknown, at: string, out: string[]): void {
  for (const [keyword, arg] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword === 'then') continue;
    const sub = arg as Schema;
    switch (keyword) {
      case '$ref': {
        const name = (arg as string).replace('#/$defs/', '');
        check(root, (root.$defs as Record<string, Schema>)[name]!, value, at, out);
        break;
      }
      case 'type':
        if (!TYPES[arg as string]!(value)) out.push(`${at}: not ${String(arg)}`);
        break;
      case 'enum':
        if (!(arg as unknown[]).includes(value)) out.push(`${at}: not in enum`);
        break;
      case 'const':
        if (value !== arg) out.push(`${at}: not ${String(arg)}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value))
          out.push(`${at}: pattern`);
        break;
      case 'minLength':
        if (typeof value === 'string' && value.length < (arg as number))
          out.push(`${at}: too short`);
        break;
      case 'required':
        if (TYPES.object!(value)) {
          for (const k of arg as string[])
            if (!Object.hasOwn(value as object, k)) out.push(`${at}.${k}: required`);
        }
        break;
      case 'properties':
        if (TYPES.object!(value)) {
          for (const [k, s] of Object.entries(sub)) {
            if (Object.hasOwn(value as object, k))
              check(root, s as Schema, (value as Schema)[k], `${at}.${k}`, out);
          }
        }
        break;
      case 'additionalProperties':
        if (TYPES.object!(value)) {
          const known = Object.keys((schema.properties as Schema | undefined) ?? {});
          for (const [k, v] of Object.entries(value as Schema)) {
            if (known.includes(k)) continue;
            if (arg === false) out.push(`${at}.${k}: unknown field`);
            else check(root, sub, v, `${at}.${k}`, out);
          }
        }
        break;
      case 'propertyNames':
        if (TYPES.object!(value))
          for (const k of Object.keys(value as Schema)) check(root, sub, k, `${at}[key ${k}]`, out);
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((v, i) => check(root, sub, v, `${at}[${i}]`, out));
        break;
      case 'allOf':
        for (const s of arg as Schema[]) check(root, s, value, at, out);
        break;
      case 'oneOf':
      case 'anyOf': {
        const passing = (arg as Schema[]).filter(
          (s) => errorsOf(root, s, value).length === 0,
        ).length;
        if (passing === 0 || (keyword === 'oneOf' && passing > 1)) out.push(`${at}: ${keyword}`);
        break;
      }
      case 'if':
        if (errorsOf(root, sub, value).length === 0 && schema.then)
          check(root, schema.then as Schema, value, at, out);
        break;
      default:
        throw new Error(
          `the generated schema uses "${keyword}", which this checker does not implement`,
        );
    }
  }
}

function errorsOf(root: Schema, schema: Schema, value: unknown): string[] {
  const out: string[] = [];
  check(root, schema, value, '$', out);
  return out;
}

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/catalogs');
const BUNDLED = join(import.meta.dirname, '../../catalog/psf');
const schema = catalogJsonSchema() as Schema;
const validate = (value: unknown) => errorsOf(schema, schema, value);

describe('the published JSON Schema', () => {
  it('accepts every entity of every fixture catalog (and the bundled one) that validates clean', async () => {
    const checked: string[] = [];
    const dirs = [...(await readdir(FIXTURES)).sort().map((f) => join(FIXTURES, f)), BUNDLED];
    for (const fixture of dirs) {
      const catalog = await loadCatalog(fixture, { today: new Date('2026-11-27') });
      const clean = catalog.entities.filter(
        (e) => !catalog.findings.some((f) => f.severity === 'error' && f.entityId === e.entity.id),
      );
      for (const { entity } of clean) {
        expect(validate(entity), `${fixture}: ${entity.id}`).toEqual([]);
        checked.push(entity.kind);
      }
    }
    expect(new Set(checked)).toEqual(new Set(['Service', 'Host', 'Provider', 'Person', 'Team']));
  });

  const rejected: { name: string; value: unknown; error: string }[] = [
    {
      name: 'an unknown top-level field',
      value: { kind: 'Person', id: 'ee', name: 'Ee', ownrs: [] },
      error: '$.ownrs: unknown field',
    },
    {
      name: 'an unknown field in a contact',
      value: {
        kind: 'Person',
        id: 'ee',
        name: 'Ee',
        contacts: [{ type: 'email', value: 'a@b.org', prvate: true }],
      },
      error: '$.contacts[0].prvate: unknown field',
    },
    {
      name: 'an unknown kind',
      value: { kind: 'Servce', id: 'x', name: 'X' },
      error: '$.kind: not in enum',
    },
    {
      name: 'a bad enum value',
      value: { kind: 'Service', id: 'x', name: 'X', status: 'actve' },
      error: '$.status: not in enum',
    },
    { name: 'a bad id', value: { kind: 'Team', id: 'Bad_Id', name: 'X' }, error: '$.id: pattern' },
    { name: 'a missing name', value: { kind: 'Host', id: 'h' }, error: '$.name: required' },
  ];

  it.each(rejected)('rejects $name', ({ value, error }) => {
    expect(validate(value)).toContain(error);
  });
});
