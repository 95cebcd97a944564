/** How a contact reads for people, and the link it opens (for terminals, pages and the UI). */
import type { Contact } from './schema/contact.schema.js';
import { isEmail } from './schema/primitives.schema.js';

const LABELS: Record<Contact['type'], string> = {
  email: 'e-mail',
  'mailing-list': 'mailing list',
  irc: 'IRC',
  matrix: 'Matrix',
  chat: 'chat',
  issues: 'issue tracker',
  url: 'web',
  phone: 'phone',
};

const IRC_NETWORKS: Record<string, string> = {
  libera: 'irc.libera.chat',
  'libera.chat': 'irc.libera.chat',
  oftc: 'irc.oftc.net',
  freenode: 'irc.freenode.net',
};

export interface ContactDisplay {
  label: string;
  text: string;
  /** A safe link (mailto:, ircs:, https:, tel:) or undefined when there is none. */
  href?: string;
}

export function displayContact(contact: Contact): ContactDisplay {
  const label = LABELS[contact.type];
  switch (contact.type) {
    case 'email':
    case 'mailing-list':
      // Only a plain address becomes a link: never one that carries mailto: parameters.
      return {
        label,
        text: contact.value,
        ...(isEmail(contact.value) ? { href: `mailto:${contact.value}` } : {}),
      };
    case 'irc': {
      const network = contact.network ?? '';
      const server =
        IRC_NETWORKS[network.toLowerCase()] ?? (network.includes('.') ? network : undefined);
      const channel = contact.value.replace(/^#/, '');
      return {
        label,
        text: network ? `${contact.value} on ${network}` : contact.value,
        ...(server ? { href: `ircs://${server}/${encodeURIComponent(channel)}` } : {}),
      };
    }
    case 'matrix':
      return {
        label,
        text: contact.value,
        href: /^https?:\/\//.test(contact.value)
          ? contact.value
          : `https://matrix.to/#/${encodeURIComponent(contact.value)}`,
      };
    case 'phone':
      return { label, text: contact.value, href: `tel:${contact.value.replace(/[^+0-9]/g, '')}` };
    default:
      return { label, text: contact.value, href: contact.value };
  }
}
