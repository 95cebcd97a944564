/**
 * Reads the zod schemas to answer "which fields may be written here?", so that an unknown field
 * gets a "did you mean" from the fields that schema really allows at that path.
 */
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import type { FieldPath } from './catalog-document.js';

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      s = s.in as z.ZodType;
    } else {
      break;
    }
  }
  return s;
}

/** The field names the object schema at `path` allows, or [] when there is no object there. */
export function fieldsAt(schema: z.ZodType, path: FieldPath): string[] {
  let s: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (s instanceof z.ZodObject) {
      const shape = s.shape as Record<string, z.ZodType>;
      s = Object.hasOwn(shape, segment) ? shape[segment] : undefined;
    } else if (s instanceof z.ZodArray) {
      s = s.element as z.ZodType;
    } else if (s instanceof z.ZodRecord) {
      s = s.valueType as z.ZodType;
    } else {
      return [];
    }
    if (s === undefined) return [];
    s = unwrap(s);
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** The closest candidate to `word`, when it is close enough to be a likely typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word.length === 0) return undefined;
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const best = closest(
    lower,
    candidates.map((c) => c.toLowerCase()),
  );
  const index = candidates.findIndex((c) => c.toLowerCase() === best);
  const limit = Math.max(2, Math.floor(word.length / 3));
  return distance(lower, best) <= limit ? candidates[index] : undefined;
}
