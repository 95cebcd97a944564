/**
 * Entities with their fields in the order their schema declares, at every depth. Validation
 * already produces this order; databases that reorder JSON keys (PostgreSQL jsonb) get it back
 * here, so exports and API answers read the same whatever the storage.
 */
import type { z } from 'zod';
import { kindSchemas, type Entity } from './entity.schema.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 8; i++) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) {
      current = def.innerType;
    } else break;
  }
  return current;
}

function reorder(value: unknown, schema: z.ZodType): unknown {
  const target = unwrap(schema);
  const def = defOf(target);
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    return value.map((item) => reorder(item, element));
  }
  if (def.type === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const shape = (target as unknown as { shape: Record<string, z.ZodType> }).shape;
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      if (source[key] !== undefined) out[key] = reorder(source[key], field);
    }
    for (const key of Object.keys(source)) if (!(key in out)) out[key] = source[key];
    return out;
  }
  return value;
}

export function inSchemaOrder<E extends Entity>(entity: E): E {
  const schema = kindSchemas[entity.kind] as z.ZodType | undefined;
  return schema ? (reorder(entity, schema) as E) : entity;
}
