/**
 * A service's own address from Backstage links: a link of type `website` (or titled "Website",
 * "Home page", ...) is where people reach the service, so its URL becomes one of the Service's
 * `urls` (and resolve-by-URL finds it) instead of a link. A `spec.type: website` Component whose
 * only plain link (no type, not titled as docs, a dashboard, ...) points off a code host is read
 * the same way. Entities written by Switchboard's own export carry `switchboard.dev/urls` and are
 * left alone, so the round trip stays exact.
 */
import type { FieldLedger } from './field-ledger.js';
import { isObject, own, type Json } from './json-access.js';

const SITE_TYPES = new Set(['website', 'web-site', 'site', 'homepage', 'home-page', 'home']);
const SITE_TITLE = /\b(?:web ?site|home ?page)\b|^(?:site|home|production|live site)$/i;
/** Titles that say a link is something other than the site itself. */
const OTHER_TITLE =
  /\b(?:docs?|documentation|handbook|manual|runbook|playbook|dashboard|grafana|metrics|logs?|alerts?|monitoring|status|repo(?:sitory)?|source|code|issues?|tracker|chat|slack|api|wiki|on-?call)\b/i;
const CODE_HOST =
  /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\//i;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function isSiteLink(link: Json): boolean {
  return (
    SITE_TYPES.has(text(link.type).toLowerCase()) ||
    (text(link.type) === '' && SITE_TITLE.test(text(link.title)))
  );
}

function isPlainLink(link: Json): boolean {
  return (
    text(link.type) === '' && !OTHER_TITLE.test(text(link.title)) && !CODE_HOST.test(text(link.url))
  );
}

/** Indices (into metadata.links) of the links that give the service's address. */
function siteLinkIndices(raw: readonly unknown[], isWebsite: boolean): number[] {
  const links = raw.map((l) => (isObject(l) ? l : {}));
  const marked = links.flatMap((l, i) => (isSiteLink(l) ? [i] : []));
  if (marked.length > 0 || !isWebsite) return marked;
  const plain = links.flatMap((l, i) => (isPlainLink(l) ? [i] : []));
  return plain.length === 1 ? plain : [];
}

/**
 * Move the service's own address from `out.links` to `out.urls`. Runs after the links are
 * mapped (only http(s) links are there), and only when `urls` did not come from an annotation.
 */
export function websiteUrls(ledger: FieldLedger, out: Json): void {
  if (out.urls !== undefined || !Array.isArray(out.links)) return;
  const raw = own(ledger.entity.metadata, 'links');
  if (!Array.isArray(raw)) return;
  const type = text(own(ledger.entity.spec, 'type')).toLowerCase();
  const isWebsite = ledger.entity.kind === 'Component' && type === 'website';
  const links = out.links as Json[];
  const urls: string[] = [];
  for (const i of siteLinkIndices(raw, isWebsite)) {
    const link = raw[i] as Json;
    const url = text(link.url);
    const at = links.findIndex(
      (l) =>
        l.url === url && text(l.title) === text(link.title) && text(l.type) === text(link.type),
    );
    if (at < 0) continue; // not an http(s) link: already reported
    links.splice(at, 1);
    if (!urls.includes(url)) urls.push(url);
    ledger.convert(['metadata', 'links', i], url, 'urls (the address of the service)');
  }
  if (urls.length === 0) return;
  out.urls = urls;
  ledger.origin('urls', ['metadata', 'links']);
  if (links.length === 0) delete out.links;
}
