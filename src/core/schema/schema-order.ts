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

/** How to put a value in schema order, worked out once per schema (not per entity). */
type OrderPlan = ObjectPlan | ArrayPlan | undefined;

interface ObjectPlan {
  type: 'object';
  /** The schema's keys, in order, with the plan for each value. */
  fields: readonly (readonly [string, OrderPlan])[];
  /** Position of each key in `fields`. */
  rank: ReadonlyMap<string, number>;
}

interface ArrayPlan {
  type: 'array';
  element: ObjectPlan | ArrayPlan;
}

const plans = new WeakMap<z.ZodType, OrderPlan>();

function planFor(schema: z.ZodType): OrderPlan {
  if (plans.has(schema)) return plans.get(schema);
  plans.set(schema, undefined); // a schema that refers to itself is left as it is below itself
  const target = unwrap(schema);
  const def = defOf(target);
  let plan: OrderPlan;
  if (def.type === 'array' && def.element) {
    const element = planFor(def.element);
    plan = element ? { type: 'array', element } : undefined;
  } else if (def.type === 'object') {
    const shape = (target as unknown as { shape: Record<string, z.ZodType> }).shape;
    const fields = Object.entries(shape).map(([key, field]) => [key, planFor(field)] as const);
    plan = { type: 'object', fields, rank: new Map(fields.map(([key], i) => [key, i])) };
  }
  plans.set(schema, plan);
  return plan;
}

/**
 * `value` in the order `plan` gives. Parts already in order are returned as they are (not
 * copied); nothing given is changed.
 */
function reorder(value: unknown, plan: OrderPlan): unknown {
  if (plan === undefined) return value;
  if (plan.type === 'array') {
    if (!Array.isArray(value)) return value;
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const ordered = reorder(item, plan.element);
      if (ordered !== item) (out ??= value.slice())[i] = ordered;
    }
    return out ?? value;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  // Known keys (with a value) first in schema order, then any others in their own order.
  const rankOf = (key: string) =>
    source[key] === undefined ? plan.fields.length : (plan.rank.get(key) ?? plan.fields.length);
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) {
    inOrder = rankOf(keys[i - 1] as string) <= rankOf(keys[i] as string);
  }
  if (inOrder) {
    let out: Record<string, unknown> | undefined;
    for (const key of keys) {
      const field = plan.rank.get(key);
      if (field === undefined) continue;
      const member = source[key];
      const ordered = reorder(member, plan.fields[field]?.[1]);
      if (ordered !== member) (out ??= { ...source })[key] = ordered;
    }
    return out ?? value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, field] of plan.fields) {
    if (source[key] !== undefined) out[key] = reorder(source[key], field);
  }
  for (const key of keys) if (!(key in out)) out[key] = source[key];
  return out;
}

export function inSchemaOrder<E extends Entity>(entity: E): E {
  const schema = kindSchemas[entity.kind] as z.ZodType | undefined;
  return schema ? (reorder(entity, planFor(schema)) as E) : entity;
}
