import { z } from 'zod';
import { readResumeBytes } from '../extraction/read-resume.js';
import { readResumeText } from '../pipeline/read/build-document.js';
import { toJsonResume } from '../pipeline/read/to-json-resume.js';
import { ResumeDocumentSchema, TextResumeBodySchema } from '../schemas/document.js';
import { JsonResumeSchema } from '../schemas/json-resume.js';
import { readResumeFromRequest } from './read-resume-request.js';
import { parseInput, type RouteFactory } from './route-spec.js';

export const ResumeUploadSchema = z
  .object({ resume: z.string().meta({ format: 'binary' }).describe('PDF, DOCX or plain-text resume.') })
  .meta({ id: 'ResumeUpload' });

export const JSON_RESUME_MEDIA_TYPE = 'application/vnd.jsonresume+json';

export const DocumentQuerySchema = z
  .object({
    format: z
      .enum(['document', 'jsonresume'])
      .optional()
      .describe(`"jsonresume" answers a JSON Resume document (as does \`Accept: ${JSON_RESUME_MEDIA_TYPE}\`); default: the SkillBridge document.`),
  })
  .meta({ id: 'DocumentQuery' });

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
        'The format is decided from the bytes. Every offset indexes into the returned `text`. ' +
        `With \`?format=jsonresume\` or \`Accept: ${JSON_RESUME_MEDIA_TYPE}\` the same reading is answered as a ` +
        `JSON Resume document (content type ${JSON_RESUME_MEDIA_TYPE}).`,
      tags: ['documents'],
      query: DocumentQuerySchema,
      body: { multipart: ResumeUploadSchema, json: TextResumeBodySchema },
      response: z.union([ResumeDocumentSchema, JsonResumeSchema]),
      responseDescription: 'The SkillBridge document, or a JSON Resume document when asked for.',
      errors: [...RESUME_ERRORS],
    },
    handler: async (request, reply) => {
      const { format } = parseInput(DocumentQuerySchema, request.query, 'query');
      const wantsJsonResume = format === 'jsonresume' || (format === undefined && (request.headers.accept ?? '').includes(JSON_RESUME_MEDIA_TYPE));
      const input = await readResumeFromRequest(request, app, { jsonSchema: TextResumeBodySchema });
      const doc =
        input.kind === 'bytes'
          ? await readResumeBytes(input.bytes, app.extractor, app.readLimits)
          : readResumeText(input.text, app.readLimits);
      if (!wantsJsonResume) return doc;
      void reply.type(JSON_RESUME_MEDIA_TYPE);
      return toJsonResume(doc);
    },
  },
];
