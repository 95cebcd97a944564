/**
 * Bookkeeping that makes sure nothing is dropped silently: every field of a Backstage entity is
 * either used by the mapping, or listed in the report with the reason it was not carried over.
 */
import { isObject } from './json-access.js';
import { type EnvelopeEntity } from './read-envelope.js';
import type { FieldPath } from './source-document.js';

export interface UnmappedField {
  field: string;
  value: string;
  reason: string;
  line: number;
  column: number;
}

export interface Conversion {
  field: string;
  from: string;
  to: string;
}

export const NO_EQUIVALENT = 'no Switchboard equivalent';

/** `metadata.annotations["backstage.io/techdocs-ref"]`, `spec.dependsOn[2]`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function preview(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isObject(node) && typeof segment === 'string')
      node = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    else return undefined;
  }
  return node;
}

const EXPANDED_MAPS = new Set(['annotations', 'labels']);

export class FieldLedger {
  private readonly used = new Set<string>();
  private readonly dropped: UnmappedField[] = [];
  readonly conversions: Conversion[] = [];
  /** Where each Switchboard field came from, to locate output problems. */
  readonly origins = new Map<string, FieldPath>();

  constructor(readonly entity: EnvelopeEntity) {
    this.use(['apiVersion'], ['kind'], ['metadata', 'name'], ['metadata', 'namespace']);
  }

  use(...paths: FieldPath[]): void {
    for (const p of paths) this.used.add(JSON.stringify(p));
  }

  /** Record that `field` of the Switchboard entity comes from `path`, and mark it used. */
  origin(field: string, path: FieldPath): void {
    this.use(path);
    if (!this.origins.has(field)) this.origins.set(field, path);
  }

  /** A field (or one element of it) that is not carried over, and why. */
  drop(path: FieldPath, reason: string): void {
    this.use(path);
    const pos = this.entity.doc.locate(path);
    const raw: unknown = valueAt(this.entity.doc.value, path);
    this.dropped.push({
      field: formatPath(path),
      value: preview(raw),
      reason,
      line: pos.line,
      column: pos.column,
    });
  }

  convert(path: FieldPath, from: unknown, to: string): void {
    this.conversions.push({
      field: formatPath(path),
      from: typeof from === 'string' ? from : preview(from),
      to,
    });
  }

  private covered(path: FieldPath): boolean {
    for (let n = path.length; n > 0; n--)
      if (this.used.has(JSON.stringify(path.slice(0, n)))) return true;
    return false;
  }

  private leaves(): FieldPath[] {
    const root = this.entity.doc.value;
    const out: FieldPath[] = [];
    if (!isObject(root)) return out;
    for (const key of Object.keys(root)) {
      const value = root[key];
      if (key === 'metadata' || key === 'spec') {
        if (!isObject(value)) continue;
        for (const field of Object.keys(value)) {
          const inner = value[field];
          const expand =
            (key === 'metadata' && EXPANDED_MAPS.has(field)) ||
            (key === 'spec' && field === 'profile');
          if (expand && isObject(inner))
            for (const k of Object.keys(inner)) out.push([key, field, k]);
          else if (key === 'metadata' && field === 'links' && Array.isArray(inner))
            inner.forEach((_l, i) => out.push([key, field, i]));
          else out.push([key, field]);
        }
      } else out.push([key]);
    }
    return out;
  }

  /** Everything not carried over: explicit drops, then every field nothing used, in file order. */
  unmapped(defaultReason = NO_EQUIVALENT): UnmappedField[] {
    const rest = this.leaves()
      .filter((p) => !this.covered(p))
      .map((p) => {
        const pos = this.entity.doc.locate(p);
        return {
          field: formatPath(p),
          value: preview(valueAt(this.entity.doc.value, p)),
          reason: defaultReason,
          line: pos.line,
          column: pos.column,
        };
      });
    return [...this.dropped, ...rest].sort((a, b) => a.line - b.line || a.column - b.column);
  }
}
