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
import type { DocumentFinding } from './catalog-document.js';
import { describeValue, findingsFromIssues } from './issue-findings.js';
import { suggest } from './schema-fields.js';

export interface DocumentValidation {
  findings: DocumentFinding[];
  kind?: EntityKind;
  id?: string;
  entity?: Entity;
}

const KIND_LIST = ENTITY_KINDS.join(', ');

export function validateDocument(value: unknown): DocumentValidation {
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
  if (result.success) return { findings: [], kind, id: result.data.id, entity: result.data };
  return {
    findings: findingsFromIssues(kind, schema, value, result.error.issues),
    kind,
    ...(id !== undefined ? { id } : {}),
  };
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
