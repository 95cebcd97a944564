import { z } from 'zod';
import {
  reportView,
  summaryView,
  type CatalogView,
  type ViewOptions,
} from '../../app/answer-views.js';
import { REPORTS } from '../../core/answers/reports/report-registry.js';
import { defineRoute, type ApiRoute } from '../api-route.js';
import { reportListResponse, reportResponse, summaryResponse } from '../api-schemas.js';

export function reportRoutes(
  view: CatalogView,
  version: () => number,
  options: () => ViewOptions,
): ApiRoute[] {
  let cachedSummary: { version: number; body: unknown } | undefined;
  const summary = defineRoute({
    method: 'get',
    path: '/api/v1/summary',
    operationId: 'getSummary',
    summary: 'Counts per kind and the reports that need attention',
    tag: 'reports',
    responses: { 200: { description: 'The summary.', schema: summaryResponse } },
    handler: (c) => {
      const v = version();
      if (cachedSummary?.version !== v) {
        cachedSummary = { version: v, body: summaryView(view, v, options()) };
      }
      return c.json(cachedSummary.body);
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
        .meta({ description: 'For `stale`: reviews older than this many days (default 180).' }),
    }),
    responses: {
      200: { description: 'The report rows.', schema: reportResponse },
      404: { description: 'No report has this name.' },
    },
    handler: (c, { params, query }) =>
      c.json(reportView(view, params.name, options(), query.maxAgeDays)),
  });

  return [summary, list, one];
}
