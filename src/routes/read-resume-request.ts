// Shared by every route that takes a resume: the `resume` file part, or the JSON `text` field.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { appError } from '../errors.js';
import { readResumeInput } from './resume-input.js';

export type ResumeSource = { kind: 'bytes'; bytes: Buffer } | { kind: 'text'; text: string };

export interface ResumeRequest<J> {
  resume: ResumeSource;
  files: Map<string, Buffer>;
  fields: Map<string, string>;
  json?: J;
}

export async function readResumeFromRequest<J extends z.ZodType<{ text: string }>>(
  request: FastifyRequest,
  app: FastifyInstance,
  options: { jsonSchema: J; extraFiles?: string[]; extraFields?: string[] },
): Promise<ResumeSource & ResumeRequest<z.infer<J>>> {
  const input = await readResumeInput(request, {
    fileFields: ['resume', ...(options.extraFiles ?? [])],
    textFields: ['text', ...(options.extraFields ?? [])],
    jsonSchema: options.jsonSchema,
    maxFileBytes: app.config.MAX_FILE_BYTES,
    // A text field holds what a JSON body could: the same byte limit.
    maxFieldBytes: app.config.MAX_JSON_BYTES,
  });
  const file = input.files.get('resume');
  const text = input.json?.text ?? input.fields.get('text');
  let resume: ResumeSource;
  if (file) {
    if (text !== undefined)
      throw appError('INVALID_REQUEST', 'send either a "resume" file or "text", not both');
    if (file.length === 0) throw appError('MISSING_RESUME', 'the "resume" file is empty');
    resume = { kind: 'bytes', bytes: file };
  } else if (text !== undefined) {
    if (text.trim() === '') throw appError('MISSING_RESUME', '"text" is empty');
    resume = { kind: 'text', text };
  } else {
    throw appError('MISSING_RESUME', 'send a file in the "resume" field or JSON {"text": "..."}');
  }
  return {
    ...resume,
    resume,
    files: input.files,
    fields: input.fields,
    ...(input.json ? { json: input.json } : {}),
  };
}
