import type { ComponentChildren, JSX } from 'preact';
import { displayUrl, isExternalHttp, safeHref } from '../format/safe-url.js';

export interface ExternalLinkProps {
  href: string | undefined;
  children?: ComponentChildren;
}

/**
 * A link to somewhere outside Switchboard, only when the URL uses an allowed scheme: anything else
 * (a `javascript:` URL, a relative path) is shown as inert text.
 */
export function ExternalLink({ href, children }: ExternalLinkProps): JSX.Element | null {
  if (href === undefined) return null;
  const safe = safeHref(href);
  const label = children ?? (safe ? displayUrl(safe) : href);
  if (!safe) return <span class="inert-link">{label}</span>;
  return (
    <a
      href={safe}
      class="external"
      rel={isExternalHttp(safe) ? 'noopener noreferrer nofollow' : undefined}
    >
      {label}
    </a>
  );
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')\]]+/g;

/** Free text from the catalog: line breaks kept, http(s) URLs turned into links, nothing else. */
export function RichText({ text }: { text: string | undefined }): JSX.Element | null {
  if (text === undefined || text.trim() === '') return null;
  const parts: (string | JSX.Element)[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const start = match.index;
    const url = match[0].replace(/[.,;:!?]+$/, '');
    parts.push(text.slice(last, start));
    parts.push(
      <ExternalLink key={start} href={url}>
        {url}
      </ExternalLink>,
    );
    last = start + url.length;
  }
  parts.push(text.slice(last));
  return <p class="rich-text">{parts}</p>;
}
