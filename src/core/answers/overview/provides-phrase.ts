/**
 * What a provider provides, as noun phrases that fit "Fastly provides ___ to the foundation":
 * known values spelt out, other values with an article when they read as one countable thing
 * ("a package repository") and without one when they are an activity, a mass noun or a plural
 * ("error reporting", "object storage", "infrastructure as code runs").
 */
import type { Provider } from '../../schema/entity.schema.js';

const PROVIDES: Record<string, string> = {
  cdn: 'a content delivery network (CDN)',
  hosting: 'hosting',
  paas: 'a platform for applications',
  saas: 'software as a service',
  iaas: 'infrastructure as a service',
  'object-storage': 'object storage',
  dns: 'DNS hosting',
  registrar: 'domain registration',
  metrics: 'metrics',
  monitoring: 'monitoring',
  'on-call': 'on-call scheduling',
  'hardware-hosting': 'hardware hosting',
  tls: 'TLS certificates',
  'tls-certificates': 'TLS certificates',
  waf: 'a web application firewall (WAF)',
  email: 'e-mail',
  'e-mail': 'e-mail',
  ci: 'continuous integration',
  'managed-database': 'managed databases',
  database: 'databases',
  backup: 'backups',
  vpn: 'a VPN',
  sso: 'single sign-on',
};

/** Last words that take no article: activities, mass nouns and words that only come as plurals. */
const UNCOUNTED =
  /(?:ing|storage|e-?mail|mail|software|infrastructure|hardware|bandwidth|compute|support|security|analytics|dns|tls|data|access|integration|delivery|management|automation|protection|sponsorship|funding|news|chat)$/i;

/** "a" or "an" before a word, reading leading acronyms letter by letter ("an SMTP relay"). */
export function article(phrase: string): 'a' | 'an' {
  const first = phrase.split(/[\s-]/)[0] ?? '';
  if (/^[A-Z]{2,}\b/.test(first)) return /^[AEFHILMNORSX]/.test(first) ? 'an' : 'a';
  if (/^(?:uni|use|usu|one|eu)/i.test(first)) return 'a';
  if (/^(?:hour|honest|honou?r)/i.test(first)) return 'an';
  return /^[aeiou]/i.test(first) ? 'an' : 'a';
}

/** One value as a noun phrase. */
export function providesNoun(value: string): string {
  const known = PROVIDES[value.toLowerCase()];
  if (known !== undefined) return known;
  const words = value.trim().replace(/(?<=\p{L})-(?=\p{L})/gu, ' ');
  const last = words.split(/\s+/).at(-1) ?? '';
  // Plurals ("runs", "certificates") and uncounted nouns stand alone; acronyms too ("DNS").
  if (
    words === '' ||
    /[^s]s$/i.test(last) ||
    UNCOUNTED.test(last) ||
    /^[A-Z0-9]+$/.test(words) ||
    /[^\p{L}\s]/u.test(words.charAt(0))
  ) {
    return words;
  }
  return `${article(words)} ${words}`;
}

/** What a provider provides, as phrases, without repeats. */
export function providesPhrase(provider: Provider): string[] {
  return [...new Set((provider.provides ?? []).map(providesNoun))];
}
