/**
 * The OpenAPI 3.1 document, generated from the route table and the zod schemas the server
 * validates with: there is no hand-written copy to drift.
 */
import { z } from 'zod';
import type { ApiRoute } from './api-route.js';
import { problemSchema } from '../app/contract/problem.contract.js';

type Json = Record<string, unknown>;

/** Convert a zod schema, hoisting its `$defs` into `components.schemas`. */
function toSchema(schema: z.ZodType, components: Json, io: 'input' | 'output' = 'output'): Json {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  const defs = (generated.$defs ?? {}) as Record<string, Json>;
  delete generated.$defs;
  delete generated.$schema;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      const out: Json = {};
      for (const [k, v] of Object.entries(value as Json)) {
        out[k] =
          k === '$ref' && typeof v === 'string'
            ? v.replace('#/$defs/', '#/components/schemas/')
            : rewrite(v);
      }
      return out;
    }
    return value;
  };
  for (const [name, def] of Object.entries(defs)) components[name] = rewrite(def);
  const id = typeof generated.id === 'string' ? generated.id : undefined;
  const result = rewrite(generated) as Json;
  if (id !== undefined) {
    delete result.id;
    components[id] = result;
    return { $ref: `#/components/schemas/${id}` };
  }
  return result;
}

/** Routes whose 200 answers carry the catalog version's ETag and become 304s (create-app.ts). */
const CONDITIONAL_PREFIX = '/api/v1/';

function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

function parameters(route: ApiRoute, components: Json): Json[] {
  const out: Json[] = [];
  const add = (schema: z.ZodObject | undefined, location: 'query' | 'path') => {
    if (!schema) return;
    for (const [name, field] of Object.entries(schema.shape)) {
      const json = toSchema(field as z.ZodType, components, 'input');
      const description = typeof json.description === 'string' ? json.description : undefined;
      const optional = (field as z.ZodType).safeParse(undefined).success;
      out.push({
        name,
        in: location,
        required: location === 'path' ? true : !optional,
        ...(description ? { description } : {}),
        schema: json,
      });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  return out;
}

export function buildOpenApiDocument(routes: readonly ApiRoute[], version: string): Json {
  const components: Json = {};
  const problemRef = toSchema(problemSchema, components);
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const responses: Json = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      const isError = Number(status) >= 400;
      const content: Json = {};
      if (spec.schema) content['application/json'] = { schema: toSchema(spec.schema, components) };
      for (const type of spec.contentTypes ?? []) content[type] = { schema: { type: 'string' } };
      if (isError) content['application/problem+json'] = { schema: problemRef };
      responses[status] = {
        description: spec.description,
        ...(Object.keys(content).length > 0 ? { content } : {}),
      };
    }
    if (route.path.startsWith(CONDITIONAL_PREFIX)) {
      responses['304'] = {
        description:
          'Not modified: `If-None-Match` names the catalog version this answer comes from (the `ETag` of its 200).',
      };
    }
    if (!('400' in responses) && (route.query || route.params)) {
      responses['400'] = {
        description: 'A parameter is unknown or invalid.',
        content: { 'application/problem+json': { schema: problemRef } },
      };
    }
    const path = openApiPath(route.path);
    paths[path] = {
      ...(paths[path] ?? {}),
      [route.method]: {
        operationId: route.operationId,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: [route.tag],
        parameters: parameters(route, components),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard API',
      version,
      description:
        'What a foundation runs, where it runs, and whom to contact. Errors are application/problem+json (RFC 9457) with a stable `code`. Private contacts never appear in responses.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: components },
  };
}
