import { z } from 'zod';
import { baseShape, contacts } from './base.schema.js';
import { entityRef } from './primitives.schema.js';

import { TEAM_ROLES } from '../kinds/vocabularies.js';

export { TEAM_ROLES };

export const teamSchema = z
  .strictObject({
    kind: z.literal('Team'),
    ...baseShape,
    members: z.array(entityRef('A member (person id).')).optional(),
    lead: entityRef('The team lead (person id).').optional(),
    contacts: contacts.optional(),
    role: z.enum(TEAM_ROLES).optional().meta({
      description:
        'infrastructure marks the one team that is the last resort for "whom do I contact".',
    }),
  })
  .meta({ id: 'Team', description: 'A group of people who own things together.' });

export type Team = z.infer<typeof teamSchema>;
