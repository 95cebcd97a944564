/**
 * Validates one document against the schema of its kind. Returns the entity when it is valid, and
 * the kind and id it declares whenever it names them, so that a broken entity still counts as
 * declared (references to it are not reported missing on top of its own problems).
 */
import {
  ENTITY_KINDS,
  isEntityKind,
  kindSchemas,
  type Entity,
  type EntityKind,
} from '../core/schema/entity.schema.js';
import type { DocumentFinding, FieldPath } from './catalog-document.js';
import { describeValue, findingsFromIssues, formatPath } from './issue-findings.js';
import { MAX_DEPTH } from './parse-limits.js';
import { suggest } from './schema-fields.js';

export interface DocumentValidation {
  findings: DocumentFinding[];
  kind?: EntityKind;
  id?: string;
  entity?: Entity;
  /** For an invalid document: the entity without its broken top-level fields, if that is valid. */
  salvaged?: Entity;
}

const KIND_LIST = ENTITY_KINDS.join(', ');

export interface ValidateDocumentOptions {
  /**
   * False when the document's source text cannot hold a `__proto__` key: the walk that looks for
   * one is skipped (it costs more than the schema check of a clean document). Default true.
   */
  mayHoldProtoKey?: boolean;
}

/** Whether YAML source text may hold a `__proto__` key: written as is, or through an escape. */
export function sourceMayHoldProtoKey(text: string): boolean {
  return text.includes('__proto__') || text.includes('\\');
}

export function validateDocument(
  value: unknown,
  options: ValidateDocumentOptions = {},
): DocumentValidation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      findings: [
        {
          severity: 'error',
          code: 'document.not_mapping',
          message: `a catalog document is a mapping (kind: ..., id: ..., name: ...), not ${describeValue(value)}`,
          path: [],
        },
      ],
    };
  }
  const record = value as Record<string, unknown>;
  const kind = Object.hasOwn(record, 'kind') ? record.kind : undefined;
  const rawId = Object.hasOwn(record, 'id') ? record.id : undefined;
  const id = typeof rawId === 'string' ? rawId : undefined;
  if (!isEntityKind(kind))
    return { findings: [kindFinding(kind)], ...(id !== undefined ? { id } : {}) };
  const schema = kindSchemas[kind];
  const result = schema.safeParse(value);
  const findings = result.success
    ? []
    : findingsFromIssues(kind, schema, value, result.error.issues);
  if (options.mayHoldProtoKey !== false) findings.push(...protoKeyFindings(value, findings));
  if (findings.length === 0 && result.success) {
    return { findings, kind, id: result.data.id, entity: result.data };
  }
  const salvaged = result.success ? undefined : salvage(schema, record, result.error.issues);
  return { findings, kind, ...(id !== undefined ? { id } : {}), ...(salvaged ? { salvaged } : {}) };
}

/** Set aside every top-level field an issue points into (and unknown ones), then try again. */
function salvage(
  schema: (typeof kindSchemas)[EntityKind],
  record: Record<string, unknown>,
  issues: readonly { path: readonly PropertyKey[]; code: string }[],
): Entity | undefined {
  const broken = new Set<PropertyKey>();
  for (const issue of issues) {
    const [top] = issue.path;
    if (top === undefined) continue;
    if (top === 'kind' || top === 'id' || top === 'name') return undefined;
    broken.add(top);
  }
  const known = new Set(Object.keys(schema.shape));
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (known.has(key) && !broken.has(key)) kept[key] = record[key];
  }
  const again = schema.safeParse(kept);
  return again.success ? again.data : undefined;
}

/**
 * `__proto__` keys zod passes over in silence (inside maps such as `handles`): reported as unknown
 * fields, like those zod itself reports in objects.
 */
function protoKeyFindings(value: unknown, reported: readonly DocumentFinding[]): DocumentFinding[] {
  const known = new Set(
    reported.filter((f) => f.code === 'field.unknown').map((f) => f.path.join('\0')),
  );
  const out: DocumentFinding[] = [];
  if (!hasProtoKey(value)) return out;
  const stack: { v: unknown; path: FieldPath }[] = [{ v: value, path: [] }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v) || path.length > MAX_DEPTH) continue;
    seen.add(v);
    for (const key of Object.keys(v)) {
      const childPath = [...path, Array.isArray(v) ? Number(key) : key];
      if (key === '__proto__' && !known.has(childPath.join('\0'))) {
        out.push({
          severity: 'error',
          code: 'field.unknown',
          message: `unknown field "__proto__" in ${formatPath(path)}`,
          path: childPath,
          atKey: true,
        });
      }
      stack.push({ v: (v as Record<string, unknown>)[key], path: childPath });
    }
  }
  return out;
}

function kindFinding(kind: unknown): DocumentFinding {
  if (kind === undefined) {
    return {
      severity: 'error',
      code: 'field.required',
      message: `missing required field "kind" (one of ${KIND_LIST})`,
      path: ['kind'],
    };
  }
  const hint = typeof kind === 'string' ? suggest(kind, ENTITY_KINDS) : undefined;
  return {
    severity: 'error',
    code: 'kind.unknown',
    message: `unknown kind ${describeValue(kind)}${hint !== undefined ? `; did you mean "${hint}"?` : ''} (kinds: ${KIND_LIST})`,
    path: ['kind'],
  };
}

/** A cheap first look, without building paths: is there an own `__proto__` key anywhere? Aliases
 * can make a value share parts or even contain itself, so each object is looked at once. */
function hasProtoKey(value: unknown): boolean {
  const stack = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Object.hasOwn(v, '__proto__')) return true;
    for (const key in v) stack.push((v as Record<string, unknown>)[key]);
  }
  return false;
}
