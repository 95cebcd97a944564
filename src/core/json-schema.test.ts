import { describe, expect, it } from 'vitest';
import { CATALOG_SCHEMA_ID, catalogJsonSchema } from './json-schema.js';
import { ENTITY_KINDS } from './schema/entity.schema.js';

type Json = Record<string, unknown>;

describe('catalogJsonSchema', () => {
  const schema = catalogJsonSchema() as Json;
  const defs = schema.$defs as Record<string, Json>;

  it('is a draft 2020-12 schema with an id, a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(CATALOG_SCHEMA_ID);
    expect(schema.title).toBe('Switchboard catalog document');
    expect(typeof schema.description).toBe('string');
    expect((catalogJsonSchema({ id: 'https://example.org/s.json' }) as Json).$id).toBe(
      'https://example.org/s.json',
    );
  });

  it('chooses the kind by `kind`, one strict definition per kind', () => {
    expect((schema.properties as Json).kind).toMatchObject({ enum: [...ENTITY_KINDS] });
    expect(schema.allOf).toEqual(
      ENTITY_KINDS.map((kind) => ({
        if: { properties: { kind: { const: kind } }, required: ['kind'] },
        then: { $ref: `#/$defs/${kind}` },
      })),
    );
    for (const kind of ENTITY_KINDS) {
      expect(defs[kind]).toMatchObject({ type: 'object', additionalProperties: false });
      expect((defs[kind]?.required as string[]).sort()).toEqual(['id', 'kind', 'name']);
    }
  });

  it('carries the descriptions and examples of the zod schemas', () => {
    const service = defs.Service?.properties as Record<string, Json>;
    expect(service.id).toMatchObject({
      pattern: '^[a-z][a-z0-9-]{0,62}$',
      description: 'Unique id across the whole catalog (kebab-case).',
      examples: ['bugs'],
    });
    expect(service.status).toMatchObject({ enum: ['active', 'deprecated', 'retired'] });
    expect(defs.Contact?.examples).toBeDefined();
    expect(defs.Review).toMatchObject({ additionalProperties: false });
  });

  it('returns a fresh copy each time', () => {
    const first = catalogJsonSchema() as Json;
    first.title = 'changed';
    expect((catalogJsonSchema() as Json).title).toBe('Switchboard catalog document');
  });
});
