/**
 * A way to reach a person, a team or a service. `private: true` contacts are kept in the data but
 * never appear in public output (see `core/public-view.ts`).
 */
import { z } from 'zod';
import {
  EMAIL_MAILTO_MESSAGE,
  isEmail,
  isHttpUrl,
  looksLikeMailtoUrl,
} from './primitives.schema.js';

export const CONTACT_TYPES = [
  'email',
  'mailing-list',
  'irc',
  'matrix',
  'chat',
  'issues',
  'url',
  'phone',
] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

const IRC_CHANNEL = /^[#&][^\s,]{1,199}$/;
const MATRIX_ID = /^[#@!][^\s:]+:[a-z0-9.-]+(:\d+)?$/i;

/** Checks `value` against what its `type` needs; returns a finding message or undefined. */
export function contactValueProblem(
  type: ContactType,
  value: string,
): { code: string; message: string } | undefined {
  switch (type) {
    case 'email':
    case 'mailing-list':
      if (isEmail(value)) return undefined;
      if (looksLikeMailtoUrl(value)) return { code: 'email.mailto', message: EMAIL_MAILTO_MESSAGE };
      return {
            code: 'email.invalid',
        message: `${type === 'email' ? 'an email' : 'a mailing-list'} contact needs an e-mail address`,
      };
    case 'irc':
      return IRC_CHANNEL.test(value)
        ? undefined
        : { code: 'contact.invalid', message: 'an irc contact is a channel such as "#python-infra"' };
    case 'matrix':
      return MATRIX_ID.test(value) || isHttpUrl(value)
        ? undefined
        : {
            code: 'contact.invalid',
            message: 'a matrix contact is a room or user such as "#python:matrix.org" or a URL',
          };
    case 'issues':
    case 'url':
    case 'chat':
      return isHttpUrl(value)
        ? undefined
        : { code: 'url.invalid', message: `a ${type} contact needs an http:// or https:// URL` };
    case 'phone':
      return /^\+?[0-9 ().-]{3,30}$/.test(value)
        ? undefined
        : { code: 'contact.invalid', message: 'a phone contact is digits, optionally with "+"' };
  }
}

export const contactSchema = z
  .strictObject({
    type: z.enum(CONTACT_TYPES).meta({ description: 'How to reach them.' }),
    value: z.string().min(1).meta({
      description:
        'The address: an e-mail address, a channel ("#python-infra"), a URL, a phone number.',
    }),
    network: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'IRC network for irc contacts, e.g. "libera".', examples: ['libera'] }),
    private: z
      .boolean()
      .optional()
      .meta({ description: 'Kept out of every public answer, page and API response.' }),
    note: z.string().optional().meta({ description: 'When or why to use this contact.' }),
  })
  .superRefine((contact, ctx) => {
    const problem = contactValueProblem(contact.type, contact.value);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: problem.message,
        params: { code: problem.code },
      });
    }
    if (contact.type === 'irc' && contact.network === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['network'],
        message: 'an irc contact names its network, e.g. network: libera',
        params: { code: 'field.required' },
      });
    }
  })
  .meta({
    id: 'Contact',
    examples: [
      { type: 'mailing-list', value: 'infrastructure-staff@python.org' },
      { type: 'irc', value: '#python-infra', network: 'libera' },
    ],
  });

export type Contact = z.infer<typeof contactSchema>;
export const contacts = z.array(contactSchema);
