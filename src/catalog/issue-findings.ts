/**
 * Turns zod issues into findings a person can act on: a stable code (our refinements carry theirs
 * in `params.code`), the field, what was expected and what was written instead.
 */
import type { z } from 'zod';
import { visibleText } from '../core/visible-text.js';
import type { DocumentFinding, FieldPath } from './catalog-document.js';
import { fieldsAt, suggest } from './schema-fields.js';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping',
  boolean: 'true or false',
  number: 'a number',
  record: 'a mapping',
};

export function formatPath(path: FieldPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** One line of at most 60 characters, invisible characters written out (`\u202E`). */
function clip(text: string): string {
  const oneLine = visibleText(text).replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** How a written value reads in a message: `the text "x"`, `a list`, `an empty value`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${clip(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

export function valueAt(value: unknown, path: FieldPath): unknown {
  let v = value;
  for (const segment of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, segment)) return undefined;
    v = (v as Record<string | number, unknown>)[segment];
  }
  return v;
}

function toPath(path: readonly PropertyKey[]): FieldPath {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

export function findingsFromIssues(
  kind: string,
  schema: z.ZodType,
  value: unknown,
  issues: readonly Issue[],
): DocumentFinding[] {
  return issues.flatMap((issue) => {
    const path = toPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => unknownField(kind, schema, path, key));
    }
    return [fieldFinding(issue, path, valueAt(value, path))];
  });
}

function unknownField(
  kind: string,
  schema: z.ZodType,
  path: FieldPath,
  key: string,
): DocumentFinding {
  const allowed = fieldsAt(schema, path);
  const where = path.length > 0 ? ` in ${formatPath(path)}` : ` for a ${kind}`;
  const hint = suggest(key, allowed);
  let message = `unknown field "${key}"${where}`;
  if (key === '<<') message += ': YAML merge keys are not supported; write the fields out';
  else if (hint !== undefined) message += `; did you mean "${hint}"?`;
  else if (allowed.length > 0 && allowed.length <= 8)
    message += ` (fields here: ${allowed.join(', ')})`;
  return { severity: 'error', code: 'field.unknown', message, path: [...path, key], atKey: true };
}

function fieldFinding(issue: Issue, path: FieldPath, value: unknown): DocumentFinding {
  const field = formatPath(path) || 'the document';
  const base = { severity: 'error' as const, path };
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const choices = issue.code === 'invalid_value' ? ` (one of ${issue.values.join(', ')})` : '';
    return {
      ...base,
      code: 'field.required',
      message: `missing required field "${field}"${choices}`,
    };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const quoteHint =
        issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
          ? ' (quote it to make it text)'
          : '';
      return {
        ...base,
        code: 'field.type',
        message: `${field} should be ${expected}, not ${describeValue(value)}${quoteHint}`,
      };
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const hint = typeof value === 'string' ? suggest(value, allowed) : undefined;
      return {
        ...base,
        code: 'field.enum',
        message: `${field} must be one of ${allowed.join(', ')}, not ${describeValue(value)}${hint !== undefined ? `; did you mean "${hint}"?` : ''}`,
      };
    }
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? { ...base, code: 'field.empty', message: `${field} must not be empty` }
        : { ...base, code: 'field.too_small', message: `${field}: ${issue.message}` };
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const reason = issue.issues[0]?.message ?? 'invalid key';
      const parent = formatPath(path.slice(0, -1));
      return {
        ...base,
        code: 'field.key',
        atKey: true,
        message: `"${key}" is not allowed as a key of ${parent}: ${reason.replace(/^Invalid string: /, '')}`,
      };
    }
    case 'custom': {
      const params = issue.params as { code?: unknown } | undefined;
      const code = typeof params?.code === 'string' ? params.code : 'field.invalid';
      const got = typeof value === 'string' ? `, not ${describeValue(value)}` : '';
      return { ...base, code, message: `${field}: ${issue.message}${got}` };
    }
    default:
      return { ...base, code: 'field.invalid', message: `${field}: ${issue.message}` };
  }
}
