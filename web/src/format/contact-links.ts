/**
 * How each kind of contact becomes a link: mailing lists and e-mail as mailto:, IRC channels as
 * ircs:// on their network (plus the network's web chat when it has one), Matrix rooms through
 * matrix.to, trackers and chat rooms as links. Phone numbers stay text.
 */
import type { Contact } from '../api/api-types.js';
import { safeHref } from './safe-url.js';

interface IrcNetwork {
  host: string;
  webchat?: (channel: string) => string;
}

const IRC_NETWORKS: Record<string, IrcNetwork> = {
  libera: {
    host: 'irc.libera.chat',
    webchat: (channel) => `https://web.libera.chat/#${encodeURIComponent(channel)}`,
  },
  oftc: { host: 'irc.oftc.net', webchat: () => 'https://webchat.oftc.net/' },
  efnet: { host: 'irc.efnet.org' },
  freenode: { host: 'irc.freenode.net' },
};

export interface ContactLink {
  /** The main link, or undefined when the contact is shown as text. */
  href?: string;
  label: string;
  /** A second way in, e.g. the network's web chat. */
  alternate?: { href: string; label: string };
}

/** A plain address: never one with mailto: parameters (`?cc=…&body=…`), a fragment or escapes. */
const EMAILISH = /^[^\s@<>()[\],;:"/\\?&#%]+@[^\s@<>()[\],;:"/\\?&#%]+\.[^\s@<>()[\],;:"/\\?&#%]+$/;

function ircLink(contact: Contact): ContactLink {
  const channel = contact.value.replace(/^[#&]/, '');
  const networkName = (contact.network ?? '').toLowerCase();
  const network = IRC_NETWORKS[networkName];
  const host = network?.host ?? (/^[a-z0-9.-]+\.[a-z]{2,}$/.test(networkName) ? networkName : '');
  const label = `${contact.value}${contact.network ? ` on ${contact.network}` : ''}`;
  if (!/^[^\s,/#?]{1,200}$/.test(channel) || host === '') return { label };
  const href = safeHref(`ircs://${host}/${encodeURIComponent(channel)}`);
  const webchat = network?.webchat?.(channel);
  return {
    label,
    ...(href ? { href } : {}),
    ...(webchat ? { alternate: { href: webchat, label: 'web chat' } } : {}),
  };
}

function matrixLink(value: string): ContactLink {
  const direct = safeHref(value);
  if (direct && /^https?:/.test(direct)) return { href: direct, label: value };
  if (/^[#@!][^\s:/]+:[a-z0-9.-]+(:\d+)?$/i.test(value)) {
    return { href: `https://matrix.to/#/${encodeURIComponent(value)}`, label: value };
  }
  return { label: value };
}

export function contactLink(contact: Contact): ContactLink {
  const value = contact.value;
  switch (contact.type) {
    case 'email':
    case 'mailing-list':
      return EMAILISH.test(value)
        ? { href: safeHref(`mailto:${value}`), label: value }
        : { label: value };
    case 'irc':
      return ircLink(contact);
    case 'matrix':
      return matrixLink(value);
    case 'issues':
    case 'url':
    case 'chat': {
      const href = safeHref(value);
      return href && /^https?:/.test(href) ? { href, label: value } : { label: value };
    }
    case 'phone':
      return { label: value };
  }
  return { label: value };
}

export const CONTACT_TYPE_LABELS: Record<Contact['type'], string> = {
  email: 'E-mail',
  'mailing-list': 'Mailing list',
  irc: 'IRC',
  matrix: 'Matrix',
  chat: 'Chat',
  issues: 'Issue tracker',
  url: 'Web',
  phone: 'Phone',
};
