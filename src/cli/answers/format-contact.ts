import { displayContact } from '../../core/contact-display.js';
import type { Contact } from '../../core/schema/entity.schema.js';

/** "mailing list  infrastructure-staff@python.org" with the label padded for columns. */
export function contactLine(contact: Contact): string {
  const d = displayContact(contact);
  const link =
    d.href !== undefined && d.href !== d.text && !d.href.startsWith('mailto:')
      ? `  <${d.href}>`
      : '';
  const note = contact.note !== undefined ? `  (${contact.note})` : '';
  return `${d.label.padEnd(13)} ${d.text}${link}${note}`;
}
