import { z } from 'zod';
import { baseShape, contacts, managedBy, ownersField, PLACEMENT_TYPES } from './base.schema.js';
import { entityRef, hostname, httpUrl } from './primitives.schema.js';

export const hostSchema = z
  .strictObject({
    kind: z.literal('Host'),
    ...baseShape,
    provider: entityRef('Where the machine lives (provider id).').optional(),
    as: z.enum(PLACEMENT_TYPES).optional().meta({ description: 'vm, hardware, ...' }),
    managedBy: managedBy.optional(),
    config: httpUrl.optional().meta({ description: 'Repository holding its configuration.' }),
    hostnames: z.array(hostname).optional(),
    region: z.string().optional(),
    datacenter: z.string().optional(),
    os: z.string().optional(),
    owners: ownersField.optional(),
    contacts: contacts.optional(),
  })
  .meta({ id: 'Host', description: 'A machine or instance that runs services.' });

export type Host = z.infer<typeof hostSchema>;
