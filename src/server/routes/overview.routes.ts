import { z } from 'zod';
import type { CatalogView } from '../../app/answer-views.js';
import {
  OVERVIEW_FORMATS,
  OVERVIEW_MEDIA_TYPES,
  renderOverview,
  type OverviewFormat,
} from '../../core/answers/overview/render-overview.js';
import { defineRoute, type ApiRoute } from '../api-route.js';

export function overviewRoutes(view: CatalogView, version: () => number): ApiRoute[] {
  const cache = new Map<OverviewFormat, { version: number; text: string }>();
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
    handler: (c, { query }) => {
      const format = query.format ?? 'md';
      const v = version();
      let cached = cache.get(format);
      if (cached?.version !== v) {
        cached = { version: v, text: renderOverview(view.index, format) };
        cache.set(format, cached);
      }
      return c.body(cached.text, 200, { 'content-type': OVERVIEW_MEDIA_TYPES[format] });
    },
  });
  return [overview];
}
