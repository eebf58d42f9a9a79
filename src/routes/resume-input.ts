// Reads the resume (and any extra parts a route accepts) from a multipart upload or a JSON body.
// Multipart limits are explicit (multipart ignores Fastify's bodyLimit); a second file for the same
// field, an unknown field or a file over the size limit are refused with their stable codes. Plain
// multipart fields are validated with the route's JSON body schema (every key optional), so a field has
// the same caps whichever way it arrives; a field sent twice is refused rather than overwritten.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { appError } from '../errors.js';
import { parseInput } from './route-spec.js';

export interface ReadInputOptions<J extends z.ZodType> {
  /** File parts the route accepts, e.g. ['resume'] or ['resume', 'jobDescription']. */
  fileFields: string[];
  /** Plain fields the route accepts in multipart, e.g. ['targetRole']. */
  textFields: string[];
  jsonSchema: J;
  maxFileBytes: number;
  maxFieldBytes: number;
}

export interface ResumeInput<J> {
  files: Map<string, Buffer>;
  fields: Map<string, string>;
  json?: J;
}

// The multipart twin of each route's JSON body schema, built once per schema: `.partial()` makes a new zod
// schema, and zod compiles a new schema's parser on its first use (about 0.13 ms, measured), which a
// per-request call paid on every upload.
const fieldSchemas = new WeakMap<z.ZodObject, z.ZodType>();
function fieldSchemaOf(schema: z.ZodType): z.ZodType | undefined {
  if (!(schema instanceof z.ZodObject)) return undefined;
  let partial = fieldSchemas.get(schema);
  if (partial === undefined) {
    partial = schema.partial();
    fieldSchemas.set(schema, partial);
  }
  return partial;
}

export async function readResumeInput<J extends z.ZodType>(
  request: FastifyRequest,
  options: ReadInputOptions<J>,
): Promise<ResumeInput<z.infer<J>>> {
  const files = new Map<string, Buffer>();
  const fields = new Map<string, string>();
  if (!request.isMultipart()) {
    if (request.body === undefined || request.body === null) throw appError('MISSING_RESUME', 'empty body');
    return { files, fields, json: parseInput(options.jsonSchema, request.body, 'body') };
  }
  // Both transports, one schema: the JSON body's own field rules, each key optional in multipart.
  const fieldSchema = fieldSchemaOf(options.jsonSchema);
  const parts = request.parts({
    limits: {
      fileSize: options.maxFileBytes,
      files: options.fileFields.length,
      fields: options.textFields.length,
      parts: options.fileFields.length + options.textFields.length,
      fieldSize: options.maxFieldBytes,
      headerPairs: 100,
    },
  });
  for await (const part of parts) {
    if (part.type === 'file') {
      if (!options.fileFields.includes(part.fieldname)) {
        part.file.resume();
        throw appError('INVALID_REQUEST', `unexpected file field "${part.fieldname}"`);
      }
      if (files.has(part.fieldname)) {
        part.file.resume();
        throw appError('TOO_MANY_FILES', `only one file is accepted in "${part.fieldname}"`);
      }
      files.set(part.fieldname, await part.toBuffer());
    } else {
      if (!options.textFields.includes(part.fieldname)) {
        throw appError('INVALID_REQUEST', `unexpected field "${part.fieldname}"`);
      }
      if (fields.has(part.fieldname)) {
        throw appError('INVALID_REQUEST', `field "${part.fieldname}" is sent more than once`);
      }
      if (part.valueTruncated) throw appError('FILE_TOO_LARGE', `field "${part.fieldname}" is too long`);
      fields.set(part.fieldname, String(part.value));
    }
  }
  if (fieldSchema) {
    const textOnly = Object.fromEntries([...fields].filter(([name]) => !files.has(name)));
    parseInput(fieldSchema, textOnly, 'body');
  }
  return { files, fields };
}
