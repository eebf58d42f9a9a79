// How Fastify uses the routes' zod schemas. Validation: zod itself parses params, query and JSON bodies,
// and a failure is the API's 400 INVALID_REQUEST naming the first bad field. Serialization: each
// response schema is converted to JSON Schema once at boot and compiled by fast-json-stringify, so an
// answer carries exactly the declared fields in the declared order (a field the schema lacks is never
// sent) and is cheaper to write than JSON.stringify. Limits: fast-json-stringify does not validate;
// test/helpers/response-check.ts validates every answer of the test suite against the OpenAPI document.
import type { FastifySchemaCompiler } from 'fastify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { appError } from '../errors.js';
import { describeIssue } from './route-spec.js';

const PARTS: Record<string, string> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: appError('INVALID_REQUEST', describeIssue(result.error, PARTS[httpPart ?? 'body'] ?? 'body')) };
  };

/**
 * JSON Schema of a zod schema with every named component inlined (fast-json-stringify needs no $ref).
 * The empty registry hides the `.meta({ id })` names that the OpenAPI document uses as components.
 */
export function inlineJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
    metadata: z.registry<Record<string, unknown>>(),
  }) as Record<string, unknown>;
  return json;
}

/**
 * fast-json-stringify writes required properties before optional ones; without `required` it keeps the
 * schema's order, which is the order the pipeline builds its objects in (and the order clients have
 * always seen). Requiredness is checked where it belongs, in validation, not while writing.
 */
function withoutRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // `properties` maps field names (one may be called "required") to schemas.
    if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutRequired(sub)]));
    } else if (!(key === 'required' && Array.isArray(value))) out[key] = withoutRequired(value);
  }
  return out;
}

/** The writer of `schema`'s JSON, compiled once: what a route answers, byte for byte. */
export function compileSerializer(schema: z.ZodType): (data: unknown) => string {
  return fastJson(withoutRequired(inlineJsonSchema(schema)) as Parameters<typeof fastJson>[0]);
}

export const zodSerializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) => compileSerializer(schema);
