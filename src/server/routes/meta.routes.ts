import { jsonDocumentResponse } from '../../app/contract/index.js';
import { catalogJsonSchema } from '../../core/json-schema.js';
import { defineRoute, type ApiRoute } from '../api-route.js';

/** The API's own description and the catalog file schema. */
export function metaRoutes(openApi: () => object): ApiRoute[] {
  const openapi = defineRoute({
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'meta',
    responses: { 200: { description: 'The OpenAPI document.', schema: jsonDocumentResponse } },
    handler: (c) => c.json(openApi()),
  });
  const schema = defineRoute({
    method: 'get',
    path: '/api/v1/catalog.schema.json',
    operationId: 'getCatalogSchema',
    summary: 'The JSON Schema of catalog files',
    description:
      'Point the YAML language server at it: `# yaml-language-server: $schema=<this URL>`.',
    tag: 'meta',
    responses: {
      200: { description: 'JSON Schema (draft 2020-12).', schema: jsonDocumentResponse },
    },
    handler: (c) => c.json(catalogJsonSchema()),
  });
  return [openapi, schema];
}
