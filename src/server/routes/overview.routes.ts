import { z } from 'zod';
import type { CatalogView } from '../../app/answer-views.js';
import type { CatalogIndex } from '../../core/answers/catalog-index.js';
import {
  OVERVIEW_FORMATS,
  OVERVIEW_MEDIA_TYPES,
  writeOverview,
  type OverviewFormat,
} from '../../core/answers/overview/render-overview.js';
import type { Sliced } from '../../core/sliced.js';
import { defineRoute, type ApiRoute } from '../api-route.js';
import { ChunkSink, sendChunked, type ChunkedBody } from '../chunked-body.js';
import type { SlicedAnswers } from '../sliced-answers.js';

function* overviewBody(index: CatalogIndex, format: OverviewFormat): Sliced<ChunkedBody> {
  const sink = new ChunkSink();
  yield* writeOverview(index, format, sink.write);
  return sink.finish();
}

export function overviewRoutes(
  view: CatalogView,
  version: () => number,
  answers: SlicedAnswers,
): ApiRoute[] {
  const overview = defineRoute({
    method: 'get',
    path: '/api/v1/overview',
    operationId: 'getOverview',
    summary: 'The Infrastructure Overview page, generated from the catalog',
    description:
      'The team and how to reach it, the providers and what each is used for, then every service with where it runs, what fronts it, how it is managed, its owners and contacts. Markdown (CommonMark), reStructuredText (builds under Sphinx with -W) or a standalone HTML page.',
    tag: 'answers',
    query: z.strictObject({
      format: z
        .enum(OVERVIEW_FORMATS)
        .optional()
        .meta({ description: 'md (default), rst or html.' }),
    }),
    responses: {
      200: {
        description: 'The page.',
        contentTypes: OVERVIEW_FORMATS.map(
          (f) => OVERVIEW_MEDIA_TYPES[f].split(';')[0] ?? 'text/plain',
        ),
      },
    },
    // Built in slices between other requests, once per catalog version and format.
    handler: async (c, { query }) => {
      const format = query.format ?? 'md';
      // The index and version are read once: the page is built from them while others are served.
      const index = view.index;
      const v = version();
      const body = await answers.overviews.get(v, format, () =>
        answers.slices.run(overviewBody(index, format)),
      );
      return sendChunked(c, body, OVERVIEW_MEDIA_TYPES[format]);
    },
  });
  return [overview];
}
