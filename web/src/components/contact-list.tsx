import type { JSX } from 'preact';
import type { Contact } from '../api/api-types.js';
import { contactLink, CONTACT_TYPE_LABELS } from '../format/contact-links.js';

/** `listed`: links the list already shows, so that an IRC web chat is not offered twice. */
function ContactItem({
  contact,
  listed,
}: {
  contact: Contact;
  listed: ReadonlySet<string | undefined>;
}): JSX.Element {
  const link = contactLink(contact);
  const alternate = link.alternate && !listed.has(link.alternate.href) ? link.alternate : undefined;
  return (
    <li class="contact">
      <span class="contact-type">{CONTACT_TYPE_LABELS[contact.type] ?? contact.type}</span>
      <span class="contact-value">
        {link.href ? (
          <a href={link.href} rel="noopener noreferrer nofollow">
            {link.label}
          </a>
        ) : (
          <span>{link.label}</span>
        )}
        {alternate ? (
          <>
            {' · '}
            <a href={alternate.href} rel="noopener noreferrer nofollow">
              {alternate.label}
            </a>
          </>
        ) : null}
      </span>
      {contact.note ? <span class="contact-note">{contact.note}</span> : null}
    </li>
  );
}

/** Public contacts as proper links (mailto:, ircs://, https://). */
export function ContactList({
  contacts,
  empty,
}: {
  contacts: readonly Contact[] | undefined;
  empty?: string;
}): JSX.Element | null {
  const shown = (contacts ?? []).filter((c) => c.private !== true);
  if (shown.length === 0) return empty ? <p class="muted">{empty}</p> : null;
  const links = new Set(shown.map((c) => contactLink(c).href));
  return (
    <ul class="contact-list">
      {shown.map((contact, i) => (
        <ContactItem key={`${contact.type}-${i}`} contact={contact} listed={links} />
      ))}
    </ul>
  );
}
