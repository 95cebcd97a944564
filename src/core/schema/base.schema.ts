/** Fields every entity kind shares, and the vocabularies several kinds use. */
import { z } from 'zod';
import { contacts } from './contact.schema.js';
import {
  displayName,
  entityId,
  entityRef,
  isoDate,
  link,
  notes,
  tags,
} from './primitives.schema.js';
import { KNOWN_MANAGERS } from '../kinds/vocabularies.js';

export { KNOWN_MANAGERS, PLACEMENT_TYPES } from '../kinds/vocabularies.js';

export const managedBy = z
  .string()
  .min(1)
  .meta({
    description: `How it is configured: ${KNOWN_MANAGERS.join(', ')}, or another tool's name.`,
    examples: [...KNOWN_MANAGERS],
  });

export const reviewedSchema = z
  .strictObject({
    date: isoDate.meta({ description: 'When someone last checked this entry against reality.' }),
    by: entityRef('The person who reviewed it (person id).'),
  })
  .meta({ id: 'Review', examples: [{ date: '2026-10-01', by: 'ee-durbin' }] });

export const ownersField = z
  .array(entityRef('A person or team id.'))
  .meta({ description: 'People and teams responsible for it; several allowed.' });

/** The fields at the top of every entity; each kind extends this shape. */
export const baseShape = {
  id: entityId,
  name: displayName.meta({ description: 'Human-readable name (one line, no invisible characters).' }),
  description: z.string().optional().meta({ description: 'One or two sentences: what it is.' }),
  tags: tags.optional(),
  links: z.array(link).optional().meta({ description: 'Further links: dashboards, runbooks, APIs.' }),
  notes: notes.optional(),
  reviewed: reviewedSchema.optional(),
};

export { contacts };
