import { z } from 'zod';
import {
  DEFAULT_IMPACT_LIMIT,
  impactViewSliced,
  resolveView,
  whoView,
  type CatalogView,
} from '../../app/answer-views.js';
import { defineRoute, type ApiRoute } from '../api-route.js';
import { impactResponse, resolveResponse, whoResponse } from '../../app/contract/index.js';
import { entityIdParams } from '../api-schemas.js';
import { jsonBody, sendChunked } from '../chunked-body.js';
import type { SlicedAnswers } from '../sliced-answers.js';

const queryParam = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .meta({
      description: 'A URL, host name, id or name (misspellings are matched fuzzily).',
      examples: ['https://bugs.python.org/issue12345'],
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .optional()
    .meta({ description: 'At most this many matches (default 10).' }),
});

export function answerRoutes(
  view: CatalogView,
  version: () => number,
  answers: SlicedAnswers,
): ApiRoute[] {
  const resolveRoute = defineRoute({
    method: 'get',
    path: '/api/v1/resolve',
    operationId: 'resolve',
    summary: 'Find the service, host or provider a URL, host name or name belongs to',
    description:
      'Host names match exactly first, then the most specific wildcard, then the longest URL prefix; then ids; names match exactly, then fuzzily, best first. Each match says how it matched.',
    tag: 'answers',
    query: queryParam,
    responses: {
      200: { description: 'Matches, best first (possibly none).', schema: resolveResponse },
    },
    handler: (c, { query }) => c.json(resolveView(view, query.q, query.limit)),
  });

  const whoRoute = defineRoute({
    method: 'get',
    path: '/api/v1/who',
    operationId: 'who',
    summary: 'Whom to contact about a URL, host name or entity, in order',
    description:
      'Resolves `q`, then lists the entity’s own contacts, its owners (people and teams), the owners of what it runs on, and finally the infrastructure team. Each step says why it is there. Private contacts never appear.',
    tag: 'answers',
    query: queryParam.omit({ limit: true }),
    responses: {
      200: { description: 'The resolved entity and the contact ladder.', schema: whoResponse },
      404: { description: 'Nothing in the catalog matches `q`.' },
    },
    handler: (c, { query }) => c.json(whoView(view, query.q)),
  });

  const impactRoute = defineRoute({
    method: 'get',
    path: '/api/v1/impact/:id',
    operationId: 'impact',
    summary: 'Everything affected if an entity disappears',
    description:
      'Transitively, with the path that explains each item: services on a provider or host, services fronted by a provider, dependents, and what a person or team owns (alone: orphaned; with others: co-owned).',
    tag: 'answers',
    params: entityIdParams,
    query: z.strictObject({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(100_000)
        .optional()
        .meta({
          description: `Return the first N items (default ${DEFAULT_IMPACT_LIMIT}); \`total\` counts all.`,
        }),
    }),
    responses: {
      200: { description: 'The impact set.', schema: impactResponse },
      404: { description: 'No entity has this id.' },
    },
    // Deep dependency chains take thousands of steps: walked and written in slices, and kept for
    // the catalog version.
    handler: async (c, { params, query }) => {
      const at = { index: view.index, metaOf: view.metaOf.bind(view) };
      const key = `impact ${params.id} ${query.limit ?? ''}`;
      const body = await answers.walks.get(version(), key, () =>
        answers.slices.run(
          (function* () {
            return yield* jsonBody(yield* impactViewSliced(at, params.id, query.limit));
          })(),
        ),
      );
      return sendChunked(c, body, 'application/json');
    },
  });

  return [resolveRoute, whoRoute, impactRoute];
}
