/**
 * The JSON Schema (draft 2020-12) of one catalog document, generated from the zod schemas so it
 * can never drift from the validator. Editors with the YAML language server use it to validate and
 * complete catalog files; `switchboard schema` prints it and the API serves it.
 */
import { z } from 'zod';
import { kindsInWords } from './kinds/registry.js';
import { ENTITY_KINDS, entitySchema } from './schema/entity.schema.js';

export const CATALOG_SCHEMA_ID = 'urn:switchboard:schema:catalog-document:1';

export interface CatalogJsonSchemaOptions {
  /** The schema's `$id`, e.g. the URL it is served at. */
  id?: string;
}

type JsonObject = Record<string, unknown>;

let generated: { defs: JsonObject } | undefined;

function definitions(): JsonObject {
  if (!generated) {
    const schema = z.toJSONSchema(entitySchema, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
    }) as JsonObject;
    const defs = { ...(schema.$defs as JsonObject | undefined) };
    delete defs.Entity;
    generated = { defs };
  }
  return generated.defs;
}

/**
 * One document of any kind. Instead of a bare `oneOf`, each kind is chosen by
 * `if kind = X then X`, so an editor reports the problems of the kind written, not of every kind.
 */
export function catalogJsonSchema(options: CatalogJsonSchemaOptions = {}): object {
  return structuredClone({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: options.id ?? CATALOG_SCHEMA_ID,
    title: 'Switchboard catalog document',
    description:
      `One entity of a Switchboard catalog: a ${kindsInWords('kind')}, chosen by \`kind\`. ` +
      'A catalog is any number of .yaml/.yml files, each holding one or more documents separated by ---.',
    type: 'object',
    required: ['kind', 'id', 'name'],
    properties: {
      kind: {
        description: 'What this entity is.',
        enum: [...ENTITY_KINDS],
      },
    },
    allOf: ENTITY_KINDS.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: `#/$defs/${kind}` },
    })),
    examples: [
      {
        kind: 'Service',
        id: 'bugs',
        name: 'Python issue tracker',
        poweredBy: 'Roundup',
        urls: ['https://bugs.python.org/'],
        hostnames: ['bugs.python.org'],
        runsOn: [{ provider: 'digitalocean', as: 'vm', managedBy: 'salt' }],
        owners: ['infrastructure-staff'],
        contacts: [{ type: 'mailing-list', value: 'infrastructure-staff@python.org' }],
        reviewed: { date: '2026-10-01', by: 'ee-durbin' },
      },
    ],
    $defs: definitions(),
  });
}
