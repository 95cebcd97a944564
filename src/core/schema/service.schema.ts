import { z } from 'zod';
import { baseShape, contacts, managedBy, ownersField, PLACEMENT_TYPES } from './base.schema.js';
import { entityRef, hostname, httpUrl } from './primitives.schema.js';

import { SERVICE_STATUSES } from '../kinds/vocabularies.js';

export { SERVICE_STATUSES };

export const placementSchema = z
  .strictObject({
    host: entityRef('The host it runs on (host id). Give exactly one of host or provider.').optional(),
    provider: entityRef(
      'The provider it runs on (provider id). Give exactly one of host or provider.',
    ).optional(),
    as: z.enum(PLACEMENT_TYPES).optional().meta({ description: 'What kind of placement this is.' }),
    managedBy: managedBy.optional(),
    config: httpUrl
      .optional()
      .meta({ description: 'Repository holding this configuration (psf-salt, psf-chef, ...).' }),
    role: z
      .string()
      .optional()
      .meta({ description: 'What this placement does when there are several (web, workers, ...).' }),
    region: z.string().optional(),
    notes: z.string().optional(),
  })
  .superRefine((placement, ctx) => {
    const count = Number(placement.host !== undefined) + Number(placement.provider !== undefined);
    if (count !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'a placement names exactly one of "host: <host id>" or "provider: <provider id>"',
        params: { code: 'placement.invalid' },
      });
    }
  })
  .meta({
    id: 'Placement',
    examples: [{ provider: 'digitalocean', as: 'vm', managedBy: 'salt' }],
  });

export const serviceSchema = z
  .strictObject({
    kind: z.literal('Service'),
    ...baseShape,
    status: z.enum(SERVICE_STATUSES).optional().meta({ description: 'Defaults to active.' }),
    urls: z.array(httpUrl).optional().meta({ description: 'Where people reach it (http/https).' }),
    hostnames: z.array(hostname).optional(),
    poweredBy: z
      .string()
      .optional()
      .meta({ description: 'The software it runs.', examples: ['Roundup', 'Mailman', 'Django'] }),
    source: httpUrl.optional().meta({ description: 'Source repository URL.' }),
    docs: httpUrl.optional().meta({ description: 'Documentation URL.' }),
    runsOn: z.array(placementSchema).optional(),
    frontedBy: z
      .array(entityRef('A provider in front of it, such as a CDN (provider id).'))
      .optional(),
    dependsOn: z.array(entityRef('A service or host it needs (id).')).optional(),
    owners: ownersField.optional(),
    contacts: contacts.optional(),
  })
  .meta({
    id: 'Service',
    description: 'Something the foundation runs for people: a site, a tracker, a mailing list.',
  });

export type Service = z.infer<typeof serviceSchema>;
export type Placement = z.infer<typeof placementSchema>;
