/** The API's list parameters, made from the list filter table (core/kinds/list-filters.ts). */
import { z } from 'zod';
import { ENTITY_KINDS } from '../kinds/entity-kinds.js';
import {
  LIST_FILTER_NAMES,
  LIST_FILTERS,
  type ListFilterDefinition,
  type ListFilterName,
} from '../kinds/list-filters.js';

type Optional<T extends z.ZodType> = z.ZodOptional<T>;

export type ListFilterShape = { kind: Optional<z.ZodEnum<{ [K in (typeof ENTITY_KINDS)[number]]: K }>> } & {
  [K in Exclude<ListFilterName, 'kind'>]: Optional<z.ZodString>;
};

function described<T extends z.ZodType>(schema: T, definition: ListFilterDefinition): T {
  return definition.description === undefined
    ? schema
    : schema.meta({ description: definition.description });
}

function textParam(definition: ListFilterDefinition): Optional<z.ZodString> {
  const text = definition.maxLength === undefined ? z.string() : z.string().max(definition.maxLength);
  return described(text.optional(), definition);
}

/** One optional query parameter per list filter, in the table's order. */
export function listFilterParams(): ListFilterShape {
  const shape: Record<string, z.ZodType> = {};
  for (const name of LIST_FILTER_NAMES) {
    const definition: ListFilterDefinition = LIST_FILTERS[name];
    shape[name] =
      name === 'kind'
        ? described(z.enum(ENTITY_KINDS).optional(), definition)
        : textParam(definition);
  }
  return shape as ListFilterShape;
}
