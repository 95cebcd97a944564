/**
 * Whether catalog text already says what a generated sentence would say, so the page does not say
 * it twice: a provider described as "Hosts discuss.python.org." need not add "It hosts
 * discuss.python.org (Python Discourse forum).", and "Metrics, dashboards and alerts." adds
 * nothing to "DataDog provides metrics, dashboards, and alerting".
 */
import type { Service } from '../../schema/entity.schema.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` contains `term` as whole words (case-insensitive; dots inside names allowed). */
export function containsTerm(text: string, term: string): boolean {
  const t = term.trim();
  if (t.length < 3) return false;
  return new RegExp(
    `(?<![\\p{L}\\p{N}_.-])${escapeRegExp(t)}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`,
    'iu',
  ).test(text);
}

/**
 * The names a service goes by: its name, the part before a parenthesis and, inside it, the parts
 * that look like names ("Python Package Index (PyPI)" → also "Python Package Index", "PyPI"), and
 * its exact hostnames.
 */
export function serviceAliases(service: Service): string[] {
  const aliases = [service.name];
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(service.name);
  if (m) {
    aliases.push(m[1] ?? '');
    for (const part of (m[2] ?? '').split(/,\s*|\s+and\s+/)) {
      // "(static archive)" describes; "(PyPI)" and "(planetpython.org)" name.
      if (/[A-Z.]/.test(part)) aliases.push(part);
    }
  }
  for (const h of service.hostnames ?? []) if (!h.includes('*')) aliases.push(h);
  return aliases.map((a) => a.trim()).filter((a) => a.length >= 3);
}

/** Whether `text` names the service in any of its aliases. */
export function mentionsService(text: string | undefined, service: Service): boolean {
  if (text === undefined) return false;
  return serviceAliases(service).some((alias) => containsTerm(text, alias));
}

const FILLER = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'for', 'to', 'with', 'its']);

/** Content words, lower-cased and roughly stemmed ("alerts", "alerting" → "alert"). */
function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !FILLER.has(w))
    .map((w) => w.replace(/(?:ing|es|s)$/, '') || w);
}

/** Whether every content word of `description` is already in the `phrases` (the provides list). */
export function restates(description: string, phrases: readonly string[]): boolean {
  const said = new Set(phrases.flatMap(contentWords));
  const words = contentWords(description);
  return words.length > 0 && words.every((w) => said.has(w));
}
