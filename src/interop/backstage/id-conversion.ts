/**
 * Backstage names → Switchboard ids, deterministically. Rules (docs/backstage.md):
 * lowercase; "_" and "." become "-"; any other character outside [a-z0-9-] becomes "-"; a
 * namespace other than "default" is prefixed ("ops" + "billing" → "ops-billing"); a name that does
 * not start with a letter gets the Backstage kind as prefix ("3scale" → "component-3scale"); over
 * 63 characters is cut to 56 and ends in "-" and 6 hex digits of a SHA-256 of the full reference.
 * When two entities would get the same id, the first in a stable order keeps it and the others
 * get "-<kind>" (then "-<kind>-2", ...) appended. Every change is reported with its reasons.
 */
import { createHash } from 'node:crypto';
import { ID_PATTERN } from '../../core/schema/primitives.schema.js';
import { BACKSTAGE_KINDS, DEFAULT_NAMESPACE, type BackstageKind } from './backstage-model.js';

export const MAX_ID_LENGTH = 63;

export interface IdRequest {
  /** The entity's index key (see refKey). */
  key: string;
  kind: BackstageKind;
  namespace: string;
  name: string;
  /** An id the entity asks for (switchboard.dev/id or a Switchboard export's name): kept verbatim. */
  preferred?: string;
}

export interface IdAssignment {
  key: string;
  id: string;
  /** Why the id differs from the Backstage name; empty when it does not. */
  reasons: string[];
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 6);
}

/** Cut `value` to `max` characters, ending in "-" and a hash of `seed` when it was too long. */
export function fitLength(value: string, seed: string, max = MAX_ID_LENGTH): string {
  if (value.length <= max) return value;
  const kept = value.slice(0, max - 7).replace(/-+$/, '');
  return `${kept}-${shortHash(seed)}`;
}

function slug(text: string, reasons: string[]): string {
  let out = text;
  if (out !== out.toLowerCase()) {
    out = out.toLowerCase();
    reasons.push('lowercased');
  }
  if (/[_.]/.test(out)) {
    out = out.replace(/[_.]/g, '-');
    reasons.push('"_" and "." replaced by "-"');
  }
  if (/[^a-z0-9-]/.test(out)) {
    out = out.replace(/[^a-z0-9-]/g, '-');
    reasons.push('other characters replaced by "-"');
  }
  return out;
}

/** The id an entity gets before clashes are resolved, with the reasons it differs from the name. */
export function baseId(request: IdRequest): { id: string; reasons: string[] } {
  if (request.preferred !== undefined) return { id: request.preferred, reasons: [] };
  const reasons: string[] = [];
  let id = slug(request.name, reasons);
  if (request.namespace !== DEFAULT_NAMESPACE) {
    id = `${slug(request.namespace, [])}-${id}`;
    reasons.push(`namespace "${request.namespace}" prefixed`);
  }
  if (!/^[a-z]/.test(id)) {
    id = `${request.kind.toLowerCase()}-${id}`;
    reasons.push(`prefixed with "${request.kind.toLowerCase()}-" (ids start with a letter)`);
  }
  const fitted = fitLength(id, request.key);
  if (fitted !== id) reasons.push(`cut to ${MAX_ID_LENGTH} characters with a hash suffix`);
  return { id: fitted, reasons };
}

function order(a: IdRequest, b: IdRequest): number {
  const pa = a.preferred === undefined ? 1 : 0;
  const pb = b.preferred === undefined ? 1 : 0;
  if (pa !== pb) return pa - pb;
  const ka = BACKSTAGE_KINDS.indexOf(a.kind);
  const kb = BACKSTAGE_KINDS.indexOf(b.kind);
  if (ka !== kb) return ka - kb;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Give every entity a unique, valid id. The result does not depend on the order of `requests`:
 * preferred ids win, then Backstage kinds in BACKSTAGE_KINDS order, then keys alphabetically.
 */
export function assignIds(requests: readonly IdRequest[]): Map<string, IdAssignment> {
  const sorted = [...requests].sort(order);
  const bases = new Map(sorted.map((r) => [r.key, baseId(r)]));
  const wanted = new Set([...bases.values()].map((b) => b.id));
  const taken = new Map<string, string>();
  const out = new Map<string, IdAssignment>();
  const deferred: IdRequest[] = [];
  for (const request of sorted) {
    const base = bases.get(request.key);
    if (base === undefined) continue;
    if (taken.has(base.id) || !ID_PATTERN.test(base.id)) {
      deferred.push(request);
      continue;
    }
    taken.set(base.id, request.key);
    out.set(request.key, { key: request.key, id: base.id, reasons: base.reasons });
  }
  for (const request of deferred) {
    const base = bases.get(request.key) ?? { id: request.kind.toLowerCase(), reasons: [] };
    const valid = ID_PATTERN.test(base.id)
      ? base.id
      : baseId({ ...request, preferred: undefined }).id;
    const suffix = request.kind.toLowerCase();
    let id = '';
    for (let n = 1; id === '' || taken.has(id) || wanted.has(id); n++) {
      id = fitLength(`${valid}-${suffix}${n === 1 ? '' : `-${n}`}`, `${request.key}#${n}`);
    }
    const holder = taken.get(valid);
    const reason =
      holder === undefined
        ? `"${base.id}" is not a valid id`
        : `renamed: "${valid}" is already the id of ${holder}`;
    taken.set(id, request.key);
    out.set(request.key, { key: request.key, id, reasons: [...base.reasons, reason] });
  }
  return out;
}

/** A tag `prefix:value` that fits Switchboard's 63-character tags. */
export function prefixedTag(prefix: string, value: string): string {
  return fitLength(`${prefix}:${value}`, `${prefix}:${value}`);
}
