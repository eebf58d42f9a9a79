// Builds the OpenAPI 3.1 document from the route specs and their zod schemas: the same objects that
// validate requests and serialize answers (app.ts), so the contract cannot drift from the server.
// `npm run openapi` writes it to openapi.yaml; test/openapi.test.ts fails when the committed file
// differs, lints it with Redocly, and compiles a generated client against it.
import { z } from 'zod';
import { ERROR_CODES, ERROR_DEFINITIONS, ERROR_DESCRIPTIONS, type ErrorCode } from './errors.js';
import type { RouteSpec } from './routes/route-spec.js';
import { ErrorResponseSchema } from './schemas/error.js';

type Json = Record<string, unknown>;

/** What a client reads about each tag. */
const TAGS: Record<string, string> = {
  documents: 'Read a resume into text, sections, roles and bullets, every part an offset into the text.',
  analyses: 'Competencies with quoted evidence, a gap report for a target role or posting, and rewrites.',
  rewrites: 'PM-framed rewrites of bullets sent on their own, for live suggestions in an editor.',
  taxonomy: 'The competencies the analyzer knows, with O*NET, ESCO and PMI references.',
  roles: 'The target role profiles a gap report can compare a resume with.',
  operations: 'Liveness, readiness and metrics for the platform that runs the service. No API key needed.',
  pages: 'A page a person can use in a browser to try the API. No API key needed to load it.',
  batches: 'Many resumes at once for applicant-tracking systems: queued analyses, results, ranking, signed webhooks.',
};

const RATE_HEADERS = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/RateLimitLimit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/RateLimitRemaining' },
  'X-RateLimit-Reset': { $ref: '#/components/headers/RateLimitReset' },
};

const HEADER_COMPONENTS = {
  RateLimitLimit: {
    description: 'Requests allowed per minute for this API key (or client address without keys).',
    schema: { type: 'integer' },
  },
  RateLimitRemaining: { description: 'Requests left in the current minute.', schema: { type: 'integer' } },
  RateLimitReset: { description: 'Seconds until the budget is refilled.', schema: { type: 'integer' } },
  RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
  WWWAuthenticate: { description: 'The authentication scheme the API expects: `Bearer`.', schema: { type: 'string' } },
};

class DocumentBuilder {
  readonly components: Record<string, Json> = {};

  /** JSON Schema of `schema`; schemas named with `.meta({ id })` become components and are referenced. */
  schema(schema: z.ZodType, io: 'input' | 'output'): Json {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Json;
    const { $defs, $schema: _, ...rest } = json as Json & { $defs?: Record<string, Json> };
    const rewrite = (value: Json): Json =>
      JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
    for (const [id, def] of Object.entries($defs ?? {})) this.components[id] = rewrite(def);
    const meta = z.globalRegistry.get(schema) as { id?: string } | undefined;
    if (meta?.id) {
      if (!('$ref' in rest)) this.components[meta.id] = rewrite(rest);
      return { $ref: `#/components/schemas/${meta.id}` };
    }
    return rewrite(rest);
  }

  parameters(spec: RouteSpec): Json[] {
    const out: Json[] = [];
    for (const [where, obj] of [
      ['path', spec.params],
      ['query', spec.query],
      ['header', spec.headers],
    ] as const) {
      if (!obj) continue;
      const json = this.schema(obj, 'input') as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, schema] of Object.entries(json.properties ?? {})) {
        const { description, ...rest } = schema;
        out.push({
          name,
          in: where,
          required: where === 'path' || (json.required ?? []).includes(name),
          description: (description as string | undefined) ?? name,
          schema: rest,
        });
      }
    }
    return out;
  }

  errorResponses(spec: RouteSpec): Record<string, Json> {
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of spec.errors) {
      const status = ERROR_DEFINITIONS[code].status;
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    const out: Record<string, Json> = {};
    for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
      const headers: Json = spec.public ? {} : { ...RATE_HEADERS };
      if (status === 429 || status === 503) headers['Retry-After'] = { $ref: '#/components/headers/RetryAfter' };
      if (status === 401) headers['WWW-Authenticate'] = { $ref: '#/components/headers/WWWAuthenticate' };
      const code = codes[0]!;
      out[String(status)] = {
        description: codes.map((c) => `\`${c}\`: ${ERROR_DESCRIPTIONS[c]}`).join(' '),
        ...(Object.keys(headers).length ? { headers } : {}),
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
            example: {
              statusCode: status,
              code,
              error: STATUS_TEXT[status] ?? 'Error',
              message: ERROR_DEFINITIONS[code].message.replace('%s', 'details of this request'),
            },
          },
        },
      };
    }
    return out;
  }

  operation(spec: RouteSpec): Json {
    const op: Json = {
      operationId: spec.operationId,
      summary: spec.summary,
      description: spec.description,
      tags: spec.tags,
    };
    const params = this.parameters(spec);
    if (params.length) op.parameters = params;
    if (spec.body) {
      const content: Json = {};
      if (spec.body.multipart) {
        content['multipart/form-data'] = {
          schema: this.schema(spec.body.multipart, 'input'),
          ...(spec.body.encoding ? { encoding: spec.body.encoding } : {}),
        };
      }
      if (spec.body.json) {
        content['application/json'] = {
          schema: this.schema(spec.body.json, 'input'),
          ...(spec.examples?.request !== undefined ? { example: spec.examples.request } : {}),
        };
      }
      op.requestBody = { required: true, content };
    }
    const successHeaders: Json = { ...(spec.public ? {} : RATE_HEADERS) };
    for (const [name, header] of Object.entries(spec.responseHeaders ?? {})) {
      successHeaders[name] = typeof header === 'string' ? { description: header, schema: { type: 'string' } } : header;
    }
    op.responses = {
      [String(spec.status ?? 200)]: {
        description: spec.responseDescription ?? 'OK',
        ...(Object.keys(successHeaders).length ? { headers: successHeaders } : {}),
        ...(spec.status === 204
          ? {}
          : {
              content: {
                [spec.responseContentType ?? 'application/json']: {
                  schema: this.schema(spec.response, 'output'),
                  ...(spec.examples?.response !== undefined ? { example: spec.examples.response } : {}),
                },
                ...Object.fromEntries(
                  Object.entries(spec.responseAlternatives ?? {}).map(([type, schema]) => [
                    type,
                    { schema: this.schema(schema, 'output') },
                  ]),
                ),
              },
            }),
      },
      ...Object.fromEntries(
        Object.entries(spec.extraResponses ?? {}).map(([status, extra]) => [
          status,
          {
            description: extra.description,
            ...(Number(status) === 503 ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
            content: { [extra.contentType ?? 'application/json']: { schema: this.schema(extra.schema, 'output') } },
          },
        ]),
      ),
      ...this.errorResponses(spec),
    };
    op.security = spec.public ? [] : [{ bearerAuth: [] }, { apiKeyHeader: [] }, {}];
    return op;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function buildOpenApiDocument(specs: RouteSpec[], version: string): Json {
  const builder = new DocumentBuilder();
  builder.schema(ErrorResponseSchema, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of specs) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = builder.operation(spec);
  }
  const usedTags = [...new Set(specs.flatMap((s) => s.tags))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'SkillBridge API',
      version,
      description:
        'Finds the evidence that customer-service work proves the competencies project-management roles ask for. ' +
        'Deterministic and explainable: every claim quotes the resume with character offsets. Nothing is stored.\n\n' +
        'Every non-2xx answer is `{ statusCode, code, error, message }`; `code` is one of: ' +
        `${ERROR_CODES.map((c) => `\`${c}\` (${ERROR_DEFINITIONS[c].status})`).join(', ')}.\n\n` +
        'Limits (server defaults, configurable): files up to 10 MB, PDFs up to 20 pages, text up to 200,000 ' +
        'characters, JSON bodies up to the same size as files, 300 requests a minute per API key.',
      contact: { name: 'SkillBridge maintainers' },
      license: { name: 'Proprietary', identifier: 'LicenseRef-SkillBridge-Proprietary' },
    },
    servers: [{ url: '/', description: 'The server that serves this document.' }],
    tags: usedTags.map((name) => ({ name, description: TAGS[name] ?? name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(builder.components).sort(([a], [b]) => a.localeCompare(b))),
      headers: HEADER_COMPONENTS,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Required when the server sets API_KEYS: `Authorization: Bearer <key>`.',
        },
        apiKeyHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'Alternative to bearer: `X-API-Key: <key>`.',
        },
      },
    },
  };
}
