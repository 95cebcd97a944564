/**
 * Catalog text is untrusted. Only these schemes ever become a link; anything else (javascript:,
 * data:, vbscript:, relative paths) is shown as plain text.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'irc:', 'ircs:']);

/** The URL, normalised, when it is absolute and uses an allowed scheme; otherwise undefined. */
export function safeHref(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  // eslint-disable-next-line no-control-regex
  if (text.length === 0 || text.length > 2048 || /[\u0000-\u001f\s]/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!ALLOWED.has(url.protocol)) return undefined;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname === '') {
    return undefined;
  }
  return url.href;
}

export function isExternalHttp(href: string): boolean {
  return href.startsWith('http:') || href.startsWith('https:');
}

/** "https://bugs.python.org/" shown as "bugs.python.org". */
export function displayUrl(href: string): string {
  return href.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
