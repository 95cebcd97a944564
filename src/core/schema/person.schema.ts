import { z } from 'zod';
import { baseShape, contacts } from './base.schema.js';
import { timeZone } from './primitives.schema.js';

export const personSchema = z
  .strictObject({
    kind: z.literal('Person'),
    ...baseShape,
    roles: z
      .array(z.string().min(1))
      .optional()
      .meta({ examples: [['Director of Infrastructure']] }),
    handles: z
      .record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.string().min(1))
      .optional()
      .meta({
        description: 'Accounts elsewhere, by service: github, irc, matrix, ...',
        examples: [{ github: 'ewdurbin' }],
      }),
    contacts: contacts.optional(),
    timezone: timeZone.optional(),
  })
  .meta({ id: 'Person', description: 'Someone who owns, runs or can be asked about something.' });

export type Person = z.infer<typeof personSchema>;
