/**
 * Every API route is declared once: its parameters as zod schemas (used to validate requests and
 * to generate the OpenAPI document) and its handler. Routes stay thin: parse, call the core,
 * present.
 */
import type { Context, Hono } from 'hono';
import { type z } from 'zod';
import { inputError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { closest } from 'fastest-levenshtein';
import { listProblems, quoted } from './problem.js';

export interface ApiResponseSpec {
  description: string;
  /** JSON body schema; omitted for non-JSON responses (give `contentTypes`). */
  schema?: z.ZodType;
  contentTypes?: string[];
}

export interface ApiRoute<
  Q extends z.ZodObject = z.ZodObject,
  P extends z.ZodObject = z.ZodObject,
> {
  method: 'get';
  /** Hono style: /api/v1/entities/:id */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  query?: Q;
  params?: P;
  responses: Record<number, ApiResponseSpec>;
  handler: (
    c: Context,
    input: { query: z.infer<Q>; params: z.infer<P> },
  ) => Response | Promise<Response>;
}

/** Helps TypeScript infer Q and P from the route literal. */
export function defineRoute<Q extends z.ZodObject, P extends z.ZodObject>(
  route: ApiRoute<Q, P>,
): ApiRoute<Q, P> {
  return route;
}

function toFindings(error: z.ZodError, where: 'query' | 'path', allowed: string[]): Finding[] {
  return error.issues.flatMap((issue): Finding[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const suggestion = allowed.length > 0 ? closest(key, allowed) : undefined;
        return {
          severity: 'error' as const,
          code: 'param.unknown',
          message: `unknown ${where} parameter ${quoted(key)}${suggestion ? `; did you mean "${suggestion}"?` : ''} (allowed: ${allowed.join(', ')})`,
          path: [key.length > 60 ? `${key.slice(0, 60)}…` : key],
        };
      });
    }
    const name = issue.path.join('.');
    return [
      {
        severity: 'error' as const,
        code: 'param.invalid',
        message: `${where} parameter ${quoted(name)}: ${issue.message}`,
        path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      },
    ];
  });
}

function parseInput<S extends z.ZodObject>(
  schema: S | undefined,
  raw: Record<string, string>,
  where: 'query' | 'path',
) {
  if (!schema) return {} as z.infer<S>;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const findings = toFindings(result.error, where, Object.keys(schema.shape));
  throw inputError('request.invalid', listProblems(findings.map((f) => f.message)), findings);
}

/** Mount routes on an app, validating query and path parameters before the handler runs. */
export function mountRoutes(app: Hono, routes: readonly ApiRoute[]): void {
  for (const route of routes) {
    app.get(route.path, async (c) => {
      const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1);
      if (repeated.length > 0) {
        throw inputError(
          'request.invalid',
          `${listProblems(repeated.map(([name]) => `query parameter ${quoted(name)} is given more than once`))}; give each once`,
        );
      }
      const query = parseInput(route.query, c.req.query(), 'query');
      const params = parseInput(route.params, c.req.param() as Record<string, string>, 'path');
      return route.handler(c, { query, params });
    });
  }
}
