import { z } from 'zod';
import { readResumeBytes } from '../extraction/read-resume.js';
import { readResumeText } from '../pipeline/read/build-document.js';
import { ResumeDocumentSchema, TextResumeBodySchema } from '../schemas/document.js';
import { readResumeFromRequest } from './read-resume-request.js';
import { defineRoute, type RouteFactory } from './route-spec.js';

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
  defineRoute(
    {
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
    async (request) => {
      const input = await readResumeFromRequest(request, app, { jsonSchema: TextResumeBodySchema });
      return input.kind === 'bytes'
        ? readResumeBytes(input.bytes, app.extractor, app.readLimits)
        : readResumeText(input.text, app.readLimits);
    },
  ),
];
