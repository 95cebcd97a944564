/** Reading untrusted parsed YAML safely, and locating findings in it. */
import type { Finding } from '../../core/finding.js';
import type { FieldPath, SourceDocument } from './source-document.js';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function own(object: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** A finding at the position of `path` in `doc`. */
export function finding(
  doc: SourceDocument,
  path: FieldPath,
  severity: 'error' | 'warning',
  code: string,
  message: string,
  entityId?: string,
): Finding {
  const pos = doc.locate(path);
  return {
    severity,
    code,
    message,
    location: { file: doc.file, line: pos.line, column: pos.column },
    ...(entityId === undefined ? {} : { entityId }),
    path: [...path],
  };
}
