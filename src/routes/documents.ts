import { z } from 'zod';
import { readResumeRaw } from '../extraction/read-resume.js';
import { ResumeDocumentSchema, TextResumeBodySchema } from '../schemas/document.js';
import { readResumeFromRequest } from './read-resume-request.js';
import type { RouteFactory } from './route-spec.js';

export const ResumeUploadSchema = z
  .object({ resume: z.string().meta({ format: 'binary' }).describe('PDF, DOCX or plain-text resume.') })
  .meta({ id: 'ResumeUpload' });

export const RESUME_ERRORS = [
  'INVALID_REQUEST',
  'MISSING_RESUME',
  'TOO_MANY_FILES',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ENCRYPTED_DOCUMENT',
  'UNREADABLE_DOCUMENT',
  'NO_TEXT',
  'TOO_MANY_PAGES',
  'EXTRACTION_TIMEOUT',
  'UNAUTHORIZED',
  'RATE_LIMITED',
  'OVERLOADED',
] as const;

export const documentRoutes: RouteFactory = (app) => [
  {
    spec: {
      method: 'POST',
      url: '/v1/documents',
      operationId: 'createDocument',
      summary: 'Read a resume into sections, roles and bullets',
      description:
        'Accepts a resume as multipart/form-data (one file in the field `resume`) or as JSON `{ "text": ... }`. ' +
        'The format is decided from the bytes. Every offset indexes into the returned `text`.',
      tags: ['documents'],
      body: { multipart: ResumeUploadSchema, json: TextResumeBodySchema },
      response: ResumeDocumentSchema,
      errors: [...RESUME_ERRORS],
    },
    handler: async (request) => {
      const input = await readResumeFromRequest(request, app, { jsonSchema: TextResumeBodySchema });
      return app.textWork.document(
        input.kind === 'bytes'
          ? await readResumeRaw(input.bytes, app.extractor, app.readLimits)
          : { format: 'txt', raw: { text: input.text, truncated: false } },
      );
    },
  },
];
