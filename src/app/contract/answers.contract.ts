/** The answers to "what is this?" (resolve), "whom do I contact?" (who) and "what breaks?" (impact). */
import { z } from 'zod';
import { contactSchema } from '../../core/schema/contact.schema.js';
import { ENTITY_KINDS } from '../../core/schema/entity.schema.js';

export const matchSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ENTITY_KINDS),
    name: z.string(),
    matchedBy: z.enum(['hostname', 'wildcard', 'url-prefix', 'id', 'name', 'fuzzy']),
    detail: z.string().meta({ description: 'What matched: "host name bugs.python.org", ...' }),
    score: z.number().meta({ description: '0..1 within its tier; 1 for exact matches.' }),
  })
  .meta({ id: 'Match' });

export type MatchView = z.infer<typeof matchSchema>;

export const resolveResponse = z
  .object({ query: z.string(), matches: z.array(matchSchema) })
  .meta({ id: 'ResolveResult' });

export type ResolveView = z.infer<typeof resolveResponse>;

export const whoResponse = z
  .object({
    query: z.string(),
    match: matchSchema,
    steps: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(ENTITY_KINDS),
        name: z.string(),
        role: z.string().meta({
          description:
            'self, owner, team-member, host, host-owner, provider, account-holder, fronted-by, infrastructure',
        }),
        reason: z.string().meta({ description: 'Why it is on the list: "owner of bugs".' }),
        contacts: z.array(contactSchema),
      }),
    ),
  })
  .meta({ id: 'WhoResult' });

export type WhoView = z.infer<typeof whoResponse>;

export const impactResponse = z
  .object({
    id: z.string(),
    total: z.number().int().meta({ description: 'How many entities are affected in all.' }),
    byKind: z.partialRecord(z.enum(ENTITY_KINDS), z.number().int()),
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(ENTITY_KINDS),
        name: z.string(),
        depth: z
          .number()
          .int()
          .meta({ description: '1 for direct effects, 2 for what depends on those, ...' }),
        effect: z.enum(['affected', 'orphaned', 'co-owned']),
        path: z.array(z.object({ from: z.string(), relation: z.string(), to: z.string() })),
        explanation: z
          .string()
          .meta({ description: 'The path for people: "fastly → frontedBy ← pypi".' }),
      }),
    ),
  })
  .meta({ id: 'ImpactResult' });

/** `total` counts every affected entity; `items` holds the first `limit` of them. */
export type ImpactView = z.infer<typeof impactResponse>;
