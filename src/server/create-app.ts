/**
 * The HTTP application: routes per resource, each thin (parse, call the core, present). Errors
 * become problem+json in one place (problem.ts).
 */
import { DEFAULT_REVIEW_MAX_AGE_DAYS } from '../core/review-rule.js';
import { Hono } from 'hono';
import type { CatalogRuntime } from '../app/catalog-runtime.js';
import { mountRoutes, type ApiRoute } from './api-route.js';
import { buildOpenApiDocument } from './openapi.js';
import { checkHost, hostAllowList, type HostAllowList } from './host-allow-list.js';
import { errorToProblem, problemResponse } from './problem.js';
import { securityHeaders } from './security-headers.js';
import { answerRoutes } from './routes/answers.routes.js';
import { entityRoutes } from './routes/entities.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { overviewRoutes } from './routes/overview.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { webRoutes } from './routes/web.routes.js';
import { metaRoutes } from './routes/meta.routes.js';
import { slicedAnswers } from './sliced-answers.js';

export const API_VERSION = '0.1.0';

export interface AppOptions {
  runtime: CatalogRuntime;
  log?: (line: string) => void;
  reviewMaxAgeDays?: number;
  now?: () => Date;
  /** The Host names answered (default: loopback names only). */
  allowedHosts?: HostAllowList;
}

export function apiRoutes(options: AppOptions): ApiRoute[] {
  const reviewMaxAgeDays = options.reviewMaxAgeDays ?? DEFAULT_REVIEW_MAX_AGE_DAYS;
  const runtime = options.runtime;
  const viewOptions = () => ({ reviewMaxAgeDays, now: options.now?.() ?? new Date() });
  const answers = slicedAnswers();
  let openApi: object | undefined;
  const routes: ApiRoute[] = [];
  routes.push(
    ...healthRoutes(runtime),
    ...entityRoutes(runtime, () => runtime.version, viewOptions, answers),
    ...answerRoutes(runtime, () => runtime.version, answers),
    ...reportRoutes(runtime, () => runtime.version, viewOptions, answers),
    ...overviewRoutes(runtime, () => runtime.version, answers),
    ...metaRoutes(() => (openApi ??= buildOpenApiDocument(routes, API_VERSION))),
  );
  return routes;
}

/** If-None-Match with weak comparison (RFC 9110 13.1.2): "*", or any listed tag equal to ours. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === ours);
}

export function createApp(options: AppOptions): Hono {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const runtime = options.runtime;
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', checkHost(options.allowedHosts ?? hostAllowList('127.0.0.1')));

  // Every API answer comes from one catalog version, pinned for the whole request (a catch-up
  // may publish the next one meanwhile), and its ETag names that version. A 304 only stands for
  // an answer that exists (RFC 9110 13.1.2): the route runs first, and only a 200 becomes a 304;
  // an error (404, 400) is sent as it is whatever If-None-Match says.
  app.use('/api/v1/*', (c, next) => {
    const view = runtime.current;
    return runtime.pin(view, async () => {
      await next();
      if (c.res.status !== 200) return;
      const etag = view.etag();
      const method = c.req.method;
      if (
        (method === 'GET' || method === 'HEAD') &&
        matchesEtag(c.req.header('if-none-match'), etag)
      ) {
        await c.res.body?.cancel(); // the answer is not sent (it may be a stream)
        c.res = new Response(null, { status: 304 });
        c.res.headers.delete('content-length');
        c.res.headers.delete('content-encoding');
      }
      c.res.headers.set('etag', etag);
    });
  });
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/*', (c) =>
    problemResponse(
      c,
      405,
      'method.not_allowed',
      `${c.req.method} is not supported here: the API only reads (GET). Change the catalog files and apply them.`,
    ),
  );
  mountRoutes(app, apiRoutes(options));
  app.all('/api/*', (c) =>
    problemResponse(
      c,
      404,
      'route.not_found',
      `No API route for ${c.req.method} ${c.req.path}. The API is described at /api/v1/openapi.json.`,
    ),
  );
  app.route('/', webRoutes());
  app.notFound((c) =>
    problemResponse(
      c,
      404,
      'route.not_found',
      `No route for ${c.req.method} ${c.req.path}. The API is described at /api/v1/openapi.json.`,
    ),
  );
  app.onError((error, c) => errorToProblem(c, error, log));
  return app;
}
