import { DEFAULT_REVIEW_MAX_AGE_DAYS } from '../../core/review-rule.js';
import { z } from 'zod';
import {
  reportViewSliced,
  summaryViewSliced,
  type CatalogView,
  type ViewOptions,
} from '../../app/answer-views.js';
import { REPORTS } from '../../core/answers/reports/report-registry.js';
import type { Sliced } from '../../core/sliced.js';
import { defineRoute, type ApiRoute } from '../api-route.js';
import { reportListResponse, reportResponse, summaryResponse } from '../../app/contract/index.js';
import { jsonBody, sendChunked, type ChunkedBody } from '../chunked-body.js';
import type { SlicedAnswers } from '../sliced-answers.js';

const JSON_TYPE = 'application/json';

/** The view, then its JSON, in slices. */
function* viewBody<T>(view: Sliced<T>): Sliced<ChunkedBody> {
  return yield* jsonBody(yield* view);
}

/** The catalog as it is now, read once: `index` stays the same while the work pauses. */
function pinned(view: CatalogView): CatalogView {
  const index = view.index;
  return { index, metaOf: (id) => view.metaOf(id) };
}

export function reportRoutes(
  view: CatalogView,
  version: () => number,
  options: () => ViewOptions,
  answers: SlicedAnswers,
): ApiRoute[] {
  const summary = defineRoute({
    method: 'get',
    path: '/api/v1/summary',
    operationId: 'getSummary',
    summary: 'Counts per kind and the reports that need attention',
    tag: 'reports',
    responses: { 200: { description: 'The summary.', schema: summaryResponse } },
    handler: async (c) => {
      const at = pinned(view);
      const v = version();
      const now = options();
      const body = await answers.reports.get(
        v,
        `summary ${now.now.toISOString().slice(0, 10)}`,
        () => answers.slices.run(viewBody(summaryViewSliced(at, v, now))),
      );
      return sendChunked(c, body, JSON_TYPE);
    },
  });

  const list = defineRoute({
    method: 'get',
    path: '/api/v1/reports',
    operationId: 'listReports',
    summary: 'The reports this server can run',
    tag: 'reports',
    responses: { 200: { description: 'Report names and titles.', schema: reportListResponse } },
    handler: (c) =>
      c.json({
        reports: REPORTS.map(({ name, title, description }) => ({ name, title, description })),
      }),
  });

  const one = defineRoute({
    method: 'get',
    path: '/api/v1/reports/:name',
    operationId: 'getReport',
    summary: 'Run one report',
    description: `Reports: ${REPORTS.map((r) => `\`${r.name}\` (${r.title})`).join(', ')}.`,
    tag: 'reports',
    params: z.strictObject({ name: z.string().min(1).max(100) }),
    query: z.strictObject({
      maxAgeDays: z.coerce
        .number()
        .int()
        .min(1)
        .max(36500)
        .optional()
        .meta({
          description: `For \`stale\`: reviews older than this many days (default ${DEFAULT_REVIEW_MAX_AGE_DAYS}).`,
        }),
    }),
    responses: {
      200: { description: 'The report rows.', schema: reportResponse },
      404: { description: 'No report has this name.' },
    },
    handler: async (c, { params, query }) => {
      const at = pinned(view);
      const v = version();
      const now = options();
      const key = `report ${params.name} ${query.maxAgeDays ?? ''} ${now.now.toISOString().slice(0, 10)}`;
      const body = await answers.reports.get(v, key, () =>
        answers.slices.run(viewBody(reportViewSliced(at, params.name, now, query.maxAgeDays))),
      );
      return sendChunked(c, body, JSON_TYPE);
    },
  });

  return [summary, list, one];
}
