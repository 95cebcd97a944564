/**
 * Field-level building blocks shared by every entity kind. Each refinement carries a stable
 * finding code in `params.code`, so the catalog validator can report `url.invalid` rather than a
 * generic zod message.
 */
import { z } from 'zod';
import { describeCharacter, findInvisible, NO_INVISIBLE_PATTERN } from '../visible-text.js';

export const ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

/** A string matching `pattern`, reported with `code`; the pattern is published in the JSON Schema. */
export function patterned(pattern: RegExp, code: string, message: string) {
  return z
    .string()
    .refine((v) => pattern.test(v), { message, params: { code } })
    .meta({ pattern: pattern.source });
}

export const entityId = patterned(
  ID_PATTERN,
  'id.invalid',
  'ids are 1-63 characters of lowercase letters, digits and "-", starting with a letter',
).meta({ description: 'Unique id across the whole catalog (kebab-case).', examples: ['bugs'] });

/** Every schema `entityRef` made: the kind registry's test finds reference fields by them. */
const ENTITY_REFS = new WeakSet<z.ZodType>();

/**
 * A reference to another entity, by id. Which kinds it may name, and the relation it stands for,
 * are declared by the kind (`references` in core/kinds/*.kind.ts).
 */
export const entityRef = (description: string) => {
  const schema = patterned(
    ID_PATTERN,
    'ref.invalid',
    'references name an entity id (lowercase letters, digits and "-")',
  ).meta({ description });
  ENTITY_REFS.add(schema);
  return schema;
};

/** Whether `schema` is a reference made by `entityRef`. */
export function isEntityRef(schema: z.ZodType): boolean {
  return ENTITY_REFS.has(schema);
}

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export const httpUrl = z
  .string()
  .refine(isHttpUrl, {
    message: 'expected an absolute http:// or https:// URL',
    params: { code: 'url.invalid' },
  })
  .meta({ format: 'uri', examples: ['https://bugs.python.org/'] });

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** RFC 1123 host name; `allowWildcard` accepts one leading `*.` label. */
export function isHostname(value: string, allowWildcard = true): boolean {
  let name = value;
  if (allowWildcard && name.startsWith('*.')) name = name.slice(2);
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => LABEL.test(label));
}

export const hostname = z
  .string()
  .refine((v) => isHostname(v), {
    message: 'expected an RFC 1123 host name such as "docs.python.org" (a leading "*." is allowed)',
    params: { code: 'hostname.invalid' },
  })
  .meta({ examples: ['bugs.python.org', '*.pythonhosted.org'] });

const EMAIL = /^[^\s@"<>()[\],;:]+@[^\s@"<>()[\],;:]+$/;
/** What a mailto: URL reads as its parameters (`?cc=…&body=…`), a fragment or an escape. */
const URL_SYNTAX = /[?&#%]/;

/**
 * A plain address: one "@", a host name with a dot, and no white space, quotes, brackets, or the
 * characters a `mailto:` URL would read as parameters (`?`, `&`), a fragment (`#`) or an escape
 * (`%`): `security?cc=x&body=y@python.org` would otherwise become a link that adds a recipient
 * and writes the message.
 */
export function isEmail(value: string): boolean {
  if (!EMAIL.test(value) || URL_SYNTAX.test(value)) return false;
  const domain = value.slice(value.lastIndexOf('@') + 1);
  return domain.includes('.') && isHostname(domain, false);
}

/** Whether a would-be address is a `mailto:` URL or carries URL parameters (a clearer message). */
export function looksLikeMailtoUrl(value: string): boolean {
  return /^mailto:/i.test(value.trim()) || (value.includes('@') && URL_SYNTAX.test(value));
}

export const EMAIL_MAILTO_MESSAGE =
  'e-mail addresses are written plain, such as "infrastructure-staff@python.org": no "mailto:", ' +
  'and no "?", "&", "#" or "%" (cc=, subject= or body= parameters are not an address)';

export const email = z.string().refine(isEmail, {
  message: 'expected an e-mail address such as "infrastructure-staff@python.org"',
  params: { code: 'email.invalid' },
});

/**
 * A name shown to people: one line, without invisible or control characters (a right-to-left
 * override makes `evil\u202Egnp.exe` read as "evil" followed by "exe.png" reversed).
 */
export const displayName = z
  .string()
  .min(1)
  .superRefine((value, ctx) => {
    const found = findInvisible(value);
    if (found === undefined) return;
    ctx.addIssue({
      code: 'custom',
      message: `names cannot hold ${describeCharacter(found.character)}: invisible and control characters make a name read differently from what it is`,
      params: { code: 'name.invisible' },
    });
  })
  .meta({ pattern: NO_INVISIBLE_PATTERN });

/** A catalog holds a few hundred distinct dates among 100,000 entities: each is checked once. */
const isoDateChecked = new Map<string, boolean>();

export function isIsoDate(value: string): boolean {
  const known = isoDateChecked.get(value);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  let valid = false;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    valid =
      date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  }
  if (isoDateChecked.size < 10_000) isoDateChecked.set(value, valid);
  return valid;
}

export const isoDate = z
  .string()
  .refine(isIsoDate, {
    message: 'expected a calendar date written YYYY-MM-DD (quote it if your editor reformats it)',
    params: { code: 'date.invalid' },
  })
  .meta({ format: 'date', examples: ['2026-10-01'] });

/** Building an Intl.DateTimeFormat costs ~0.2 ms: at 100,000 entities that alone would be seconds,
 * so each distinct zone is checked once. */
const timeZoneChecked = new Map<string, boolean>();

export function isTimeZone(value: string): boolean {
  const known = timeZoneChecked.get(value);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    valid = value.includes('/') || value === 'UTC';
  } catch {
    valid = false;
  }
  if (timeZoneChecked.size < 10_000) timeZoneChecked.set(value, valid);
  return valid;
}

export const timeZone = z
  .string()
  .refine(isTimeZone, {
    message: 'expected an IANA time zone such as "Europe/Paris" or "America/New_York"',
    params: { code: 'timezone.invalid' },
  })
  .meta({ examples: ['America/Chicago'] });

export const tags = z
  .array(
    patterned(
      /^[a-z0-9][a-z0-9._:-]{0,62}$/,
      'tag.invalid',
      'tags are lowercase words (letters, digits, ".", "_", ":", "-")',
    ),
  )
  .meta({ description: 'Free labels used for filtering.', examples: [['pypi', 'web']] });

export const notes = z.string().meta({ description: 'Free text for humans.' });

export const link = z.strictObject({
  url: httpUrl,
  title: z.string().optional(),
  type: z
    .string()
    .optional()
    .meta({ description: 'What the link is: dashboard, runbook, api, ...' }),
});
