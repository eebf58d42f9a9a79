// Builds the OpenAPI 3.1 document from the route specs and their zod schemas. `npm run openapi`
// writes it to openapi.yaml; a test fails when the committed file differs from this output.
import { z } from 'zod';
import { ERROR_CODES, ERROR_DEFINITIONS, ERROR_DESCRIPTIONS, type ErrorCode } from './errors.js';
import type { RouteSpec } from './routes/route-spec.js';
import { ErrorResponseSchema } from './schemas/error.js';

type Json = Record<string, unknown>;

const components: Record<string, unknown> = {};

function toSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Json;
  const { $defs, $schema: _, ...rest } = json as Json & { $defs?: Record<string, Json> };
  const rewrite = (value: Json): Json =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const [id, def] of Object.entries($defs ?? {})) components[id] = rewrite(def);
  const meta = z.globalRegistry.get(schema) as { id?: string } | undefined;
  if (meta?.id) {
    if (!('$ref' in rest)) components[meta.id] = rewrite(rest);
    return { $ref: `#/components/schemas/${meta.id}` };
  }
  return rewrite(rest);
}

function toPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}');
}

function parameters(spec: RouteSpec): Json[] {
  const out: Json[] = [];
  for (const [where, obj] of [
    ['path', spec.params],
    ['query', spec.query],
    ['header', spec.headers],
  ] as const) {
    if (!obj) continue;
    const json = toSchema(obj, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = schema;
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out;
}

function errorResponses(codes: ErrorCode[]): Record<string, Json> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_DEFINITIONS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, Json> = {};
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: list.map((c) => `\`${c}\`: ${ERROR_DESCRIPTIONS[c]}`).join(' '),
      ...(status === 503 || status === 429
        ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'string' } } } }
        : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return out;
}

export function buildOpenApiDocument(specs: RouteSpec[], version: string): Json {
  toSchema(ErrorResponseSchema, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of specs) {
    const op: Json = {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
    };
    const params = parameters(spec);
    if (params.length) op.parameters = params;
    if (spec.body) {
      const content: Json = {};
      if (spec.body.multipart)
        content['multipart/form-data'] = { schema: toSchema(spec.body.multipart, 'input') };
      if (spec.body.json) content['application/json'] = { schema: toSchema(spec.body.json, 'input') };
      op.requestBody = { required: true, content };
    }
    const status = spec.status ?? 200;
    op.responses = {
      [String(status)]: {
        description: spec.responseDescription ?? 'OK',
        ...(spec.responseHeaders
          ? {
              headers: Object.fromEntries(
                Object.entries(spec.responseHeaders).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        ...(status === 204
          ? {}
          : {
              content: {
                [spec.responseContentType ?? 'application/json']: { schema: toSchema(spec.response, 'output') },
              },
            }),
      },
      ...errorResponses(spec.errors),
    };
    if (!spec.public) op.security = [{}, { bearerAuth: [] }, { apiKeyHeader: [] }];
    const path = toPath(spec.url);
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = op;
  }
  const sortedComponents = Object.fromEntries(
    Object.entries(components).sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'SkillBridge API',
      version,
      description:
        'Finds the evidence that customer-service work proves the competencies project-management roles ask for. ' +
        'Deterministic and explainable: every claim quotes the resume with character offsets. Nothing is stored.\n\n' +
        `Error codes: ${ERROR_CODES.map((c) => `\`${c}\` (${ERROR_DEFINITIONS[c].status})`).join(', ')}.`,
    },
    servers: [{ url: 'http://localhost:3000' }],
    paths,
    components: {
      schemas: sortedComponents,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Required when the server sets API_KEYS.',
        },
        apiKeyHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'Alternative to bearer.',
        },
      },
    },
  };
}
