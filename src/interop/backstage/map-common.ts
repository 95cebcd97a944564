/**
 * Fields every imported entity shares: name, description, tags, links, notes, review, contacts,
 * and reading Switchboard's own `switchboard.dev/*` annotations.
 */
import { isEmail, isHttpUrl } from '../../core/schema/primitives.schema.js';
import { finding, isObject, own, type Json } from './json-access.js';
import { SB } from './backstage-model.js';
import type { FieldLedger } from './field-ledger.js';
import { fitLength } from './id-conversion.js';
import type { ImportContext } from './import-context.js';

const TAG = /^[a-z0-9][a-z0-9._:-]{0,62}$/;

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function annotations(ledger: FieldLedger): Json {
  const value = own(ledger.entity.metadata, 'annotations');
  return isObject(value) ? value : {};
}

/** An annotation's value (marked used), or undefined. */
export function annotation(ledger: FieldLedger, key: string): string | undefined {
  const value = own(annotations(ledger), key);
  if (typeof value !== 'string') return undefined;
  ledger.use(['metadata', 'annotations', key]);
  return value;
}

/** A JSON-valued `switchboard.dev/*` annotation; invalid JSON is an error. */
export function jsonAnnotation(ctx: ImportContext, ledger: FieldLedger, key: string): unknown {
  const text = annotation(ledger, key);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const e = ledger.entity;
    ctx.findings.push(
      finding(
        e.doc,
        ['metadata', 'annotations', key],
        'error',
        'backstage.annotation_invalid',
        `${key} must hold JSON (Switchboard writes it that way)`,
        e.ref,
      ),
    );
    return undefined;
  }
}

/** Set `out[field]` from a plain or JSON annotation when it is present. */
export function fromAnnotation(
  ctx: ImportContext,
  ledger: FieldLedger,
  out: Json,
  field: string,
  key: string,
  json: boolean,
): void {
  const value = json ? jsonAnnotation(ctx, ledger, key) : annotation(ledger, key);
  if (value === undefined) return;
  out[field] = value;
  ledger.origin(field, ['metadata', 'annotations', key]);
}

/** A Backstage tag as a Switchboard tag: lowercase, "+" → "plus", "#" → "sharp", others → "-". */
export function convertTag(tag: string): string | undefined {
  const converted = tag
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/#/g, 'sharp')
    .replace(/[^a-z0-9._:-]/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  const fitted = fitLength(converted, tag);
  return TAG.test(fitted) ? fitted : undefined;
}

function mapTags(ctx: ImportContext, ledger: FieldLedger, out: Json): void {
  fromAnnotation(ctx, ledger, out, 'tags', SB.tags, true);
  const raw = own(ledger.entity.metadata, 'tags');
  if (!Array.isArray(raw)) return;
  if (out.tags !== undefined) {
    ledger.use(['metadata', 'tags']);
    return;
  }
  const tags: string[] = [];
  raw.forEach((tag, i) => {
    const converted = typeof tag === 'string' ? convertTag(tag) : undefined;
    if (converted === undefined) {
      ledger.drop(['metadata', 'tags', i], 'not a valid tag even after conversion');
      return;
    }
    if (converted !== tag) ledger.convert(['metadata', 'tags', i], tag, converted);
    if (!tags.includes(converted)) tags.push(converted);
  });
  ledger.origin('tags', ['metadata', 'tags']);
  if (tags.length > 0) out.tags = tags;
}

function mapLinks(ctx: ImportContext, ledger: FieldLedger, out: Json): void {
  fromAnnotation(ctx, ledger, out, 'links', SB.links, true);
  const raw = own(ledger.entity.metadata, 'links');
  if (!Array.isArray(raw)) return;
  if (out.links !== undefined) {
    ledger.use(['metadata', 'links']);
    return;
  }
  const links: Json[] = [];
  raw.forEach((link: unknown, i) => {
    if (!isObject(link)) return;
    const url = own(link, 'url');
    if (typeof url !== 'string' || !isHttpUrl(url)) {
      ledger.drop(['metadata', 'links', i], 'Switchboard links are http(s) URLs');
      return;
    }
    ledger.use(['metadata', 'links', i]);
    const out: Json = { url };
    for (const key of Object.keys(link)) {
      const value = own(link, key);
      if (key === 'url') continue;
      if ((key === 'title' || key === 'type') && str(value) !== undefined) out[key] = value;
      else
        ledger.drop(
          ['metadata', 'links', i, key],
          key === 'icon'
            ? 'link icons have no Switchboard equivalent'
            : 'not a Switchboard link field',
        );
    }
    links.push(out);
  });
  ledger.origin('links', ['metadata', 'links']);
  if (links.length > 0) out.links = links;
}

/** name, description, tags, links, notes, reviewed. */
export function mapCommon(
  ctx: ImportContext,
  ledger: FieldLedger,
  out: Json,
  displayName?: string,
): void {
  const meta = ledger.entity.metadata;
  const title = str(own(meta, 'title'));
  if (displayName !== undefined) ledger.origin('name', ['spec', 'profile', 'displayName']);
  else if (title !== undefined) ledger.origin('name', ['metadata', 'title']);
  out.name = displayName ?? title ?? ledger.entity.name;
  if (displayName !== undefined && title !== undefined && title !== displayName) {
    ledger.drop(['metadata', 'title'], 'spec.profile.displayName is used as the name');
  } else if (title !== undefined) ledger.use(['metadata', 'title']);
  const description = own(meta, 'description');
  if (typeof description === 'string') {
    out.description = description;
    ledger.origin('description', ['metadata', 'description']);
  }
  mapTags(ctx, ledger, out);
  mapLinks(ctx, ledger, out);
  fromAnnotation(ctx, ledger, out, 'notes', SB.notes, false);
  fromAnnotation(ctx, ledger, out, 'reviewed', SB.reviewed, true);
  const extra = jsonAnnotation(ctx, ledger, SB.extra);
  if (isObject(extra)) {
    for (const [field, value] of Object.entries(extra)) {
      if (out[field] !== undefined) continue;
      out[field] = value;
      ledger.origin(field, ['metadata', 'annotations', SB.extra]);
    }
  }
}

/** contacts: switchboard.dev/contacts, else spec.profile.email as an e-mail contact. */
export function mapContacts(
  ctx: ImportContext,
  ledger: FieldLedger,
  out: Json,
  privateEmail: boolean,
): void {
  fromAnnotation(ctx, ledger, out, 'contacts', SB.contacts, true);
  const profile = own(ledger.entity.spec, 'profile');
  const email = isObject(profile) ? own(profile, 'email') : undefined;
  if (email === undefined) return;
  const path = ['spec', 'profile', 'email'];
  if (out.contacts !== undefined) {
    ledger.use(path);
    return;
  }
  if (typeof email !== 'string' || !isEmail(email)) {
    const e = ledger.entity;
    ctx.findings.push(
      finding(
        e.doc,
        path,
        'warning',
        'backstage.value_dropped',
        `spec.profile.email ${JSON.stringify(email)} is not an e-mail address; left out`,
        e.ref,
      ),
    );
    ledger.drop(path, 'not an e-mail address');
    return;
  }
  out.contacts = [{ type: 'email', value: email, ...(privateEmail ? { private: true } : {}) }];
  ledger.origin('contacts', path);
}

/** Append tags derived from other fields (system:, domain:, parent:), without duplicates. */
export function addTags(out: Json, ...tags: string[]): void {
  const current = Array.isArray(out.tags) ? (out.tags as string[]) : [];
  const next = [...current];
  for (const tag of tags) if (!next.includes(tag)) next.push(tag);
  if (next.length > 0) out.tags = next;
}
