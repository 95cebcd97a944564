import { z } from 'zod';
import { baseShape, contacts, managedBy } from './base.schema.js';
import { entityRef, httpUrl, isoDate } from './primitives.schema.js';

import { PROVIDER_STATUSES } from '../kinds/vocabularies.js';

export { PROVIDER_STATUSES };

export const accountSchema = z
  .strictObject({
    owners: z
      .array(entityRef('A person or team holding the account.'))
      .optional()
      .meta({ description: 'Who holds the vendor account.' }),
    managed: managedBy.optional().meta({ description: 'manual, or the tool that manages it.' }),
    sponsored: z.boolean().optional().meta({ description: 'Donated or sponsored by the vendor.' }),
    renews: isoDate.optional().meta({ description: 'When the contract or sponsorship renews.' }),
    notes: z.string().optional(),
  })
  .meta({ id: 'Account' });

export const providerSchema = z
  .strictObject({
    kind: z.literal('Provider'),
    ...baseShape,
    status: z.enum(PROVIDER_STATUSES).optional().meta({ description: 'Defaults to active.' }),
    provides: z
      .array(z.string().min(1))
      .optional()
      .meta({
        description: 'What the foundation gets from it.',
        examples: [['cdn', 'hosting', 'paas', 'object-storage', 'dns', 'registrar', 'monitoring']],
      }),
    url: httpUrl.optional(),
    account: accountSchema.optional(),
    contacts: contacts.optional(),
  })
  .meta({ id: 'Provider', description: 'An outside organisation the foundation depends on.' });

export type Provider = z.infer<typeof providerSchema>;
