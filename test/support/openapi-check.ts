/**
 * Every response the HTTP tests receive is checked against the OpenAPI document the server
 * serves (/api/v1/openapi.json): the path, method and status must be documented, the content
 * type must be one the document lists for that status, and a JSON body must match its schema.
 * So the document cannot drift from what is served without a test failing.
 *
 * Response bodies are checked with Ajv's JSON Schema 2020-12 validator (the dialect of OpenAPI
 * 3.1); the document itself with @seriousme/openapi-schema-validator.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its plugin is the module's `default` property.
const { default: addFormats } = addFormatsModule;

/** One response as the test received it. */
export interface ReceivedResponse {
  method: string;
  /** The request's path, without the query string. */
  path: string;
  status: number;
  contentType: string | null;
  body: string;
}

export type CheckOutcome =
  | { kind: 'matches' }
  /** The path, the method or the status is not in the document. */
  | { kind: 'undocumented'; reason: string }
  /** Documented, but the content type or the body is not what the document says. */
  | { kind: 'mismatch'; problems: string[] };

type Json = Record<string, unknown>;

interface Operation {
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

const DOCUMENT_ID = 'openapi.json';

/** A JSON pointer token (RFC 6901). */
function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isJsonType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

export class OpenApiCheck {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly validators = new Map<string, ValidateFunction>();
  /** Document paths as patterns, literal paths before templated ones. */
  private readonly paths: { template: string; pattern: RegExp }[];

  constructor(private readonly document: Json) {
    addFormats(this.ajv);
    this.ajv.addSchema(document, DOCUMENT_ID);
    const templates = Object.keys(document.paths ?? {});
    this.paths = templates
      .map((template) => ({
        template,
        pattern: new RegExp(
          `^${template
            .split(/\{[^}]+\}/)
            .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
            .join('[^/]+')}$`,
        ),
      }))
      .sort((a, b) => Number(a.template.includes('{')) - Number(b.template.includes('{')));
  }

  /** Fetch the document a server serves and check that it is a valid OpenAPI document. */
  static async load(baseUrl: string): Promise<OpenApiCheck> {
    const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
    if (res.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
    const document = (await res.json()) as Json;
    const result = await new Validator().validate(document);
    if (!result.valid) {
      throw new Error(`the served OpenAPI document is invalid: ${JSON.stringify(result.errors)}`);
    }
    return new OpenApiCheck(document);
  }

  check(response: ReceivedResponse): CheckOutcome {
    const method = response.method.toLowerCase() === 'head' ? 'get' : response.method.toLowerCase();
    const template = this.paths.find((p) => p.pattern.test(response.path))?.template;
    if (template === undefined) {
      return { kind: 'undocumented', reason: `no path of the document matches ${response.path}` };
    }
    const item = (this.document.paths as Record<string, Record<string, Operation>>)[template];
    const operation = item?.[method];
    if (!operation) return { kind: 'undocumented', reason: `${template} has no ${method}` };
    const status = String(response.status);
    const declared = operation.responses?.[status];
    if (!declared) {
      return { kind: 'undocumented', reason: `${method} ${template} does not list ${status}` };
    }
    const where = `${method.toUpperCase()} ${template} ${status}`;
    const content = declared.content ?? {};
    const mediaType = response.contentType?.split(';')[0]?.trim().toLowerCase();
    if (mediaType === undefined) {
      return Object.keys(content).length === 0 && response.body === ''
        ? { kind: 'matches' }
        : { kind: 'mismatch', problems: [`${where}: no content type, but a body or content`] };
    }
    if (!(mediaType in content)) {
      const listed = Object.keys(content).join(', ') || 'none';
      return {
        kind: 'mismatch',
        problems: [`${where}: content type ${mediaType} is not documented (listed: ${listed})`],
      };
    }
    if (response.method.toLowerCase() === 'head') return { kind: 'matches' };
    const pointer = ['paths', template, method, 'responses', status, 'content', mediaType, 'schema']
      .map(pointerToken)
      .join('/');
    const problems = this.validate(`#/${pointer}`, response.body, isJsonType(mediaType));
    return problems.length === 0
      ? { kind: 'matches' }
      : { kind: 'mismatch', problems: problems.map((p) => `${where} ${mediaType}: ${p}`) };
  }

  /** Problems of a problem+json body against the document's Problem schema, wherever it came from. */
  problemBodyProblems(body: string): string[] {
    return this.validate('#/components/schemas/Problem', body, true);
  }

  private validate(pointer: string, body: string, json: boolean): string[] {
    let value: unknown = body;
    if (json) {
      try {
        value = JSON.parse(body);
      } catch {
        return [`the body is not JSON: ${body.slice(0, 80)}`];
      }
    }
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      this.validators.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
    );
  }
}

const loaded = new Map<string, Promise<OpenApiCheck>>();

/** The check for the document served at `baseUrl`, loaded once per server. */
export function openApiCheckFor(baseUrl: string): Promise<OpenApiCheck> {
  let check = loaded.get(baseUrl);
  if (!check) {
    check = OpenApiCheck.load(baseUrl);
    loaded.set(baseUrl, check);
  }
  return check;
}

/** What a test received, read without consuming the response it gets back. */
export async function received(
  res: Response,
  method: string,
  path: string,
): Promise<ReceivedResponse> {
  return {
    method,
    path,
    status: res.status,
    contentType: res.headers.get('content-type'),
    body: await res.clone().text(),
  };
}
