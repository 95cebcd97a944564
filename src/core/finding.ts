/**
 * A finding is one problem the validator found: a value, never an exception. Every finding has a
 * stable `code` (documented in docs/error-codes.md) and, where there is one, the location of the
 * offending field.
 */
export type Severity = 'error' | 'warning';

export interface SourceLocation {
  /** Path as the user gave it, relative to the catalog directory where possible. */
  file: string;
  /** 1-based line and column of the offending field (not of the document). */
  line: number;
  column: number;
}

export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  location?: SourceLocation;
  entityId?: string;
  /** Field path inside the entity, e.g. ['runsOn', 0, 'provider']. */
  path?: (string | number)[];
}

export function formatFinding(f: Finding): string {
  const where = f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : '-';
  const level = f.severity === 'warning' ? 'warning' : 'error';
  return `${where}  ${f.entityId ?? '-'}  ${level}: ${f.message} [${f.code}]`;
}

/**
 * The order findings are reported in: by file, line and column, then errors before warnings, then
 * by code (findings without a location come first).
 */
export function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location?.file ?? '';
  const fb = b.location?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

export function countBySeverity(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
} {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
