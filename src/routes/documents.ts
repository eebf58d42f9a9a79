import { z } from 'zod';
import { readResumeRaw } from '../extraction/read-resume.js';
import { wantsPretty } from '../plugins/json-answers.js';
import { JSON_RESUME_MEDIA_TYPE } from '../views/answers.js';
import { ResumeDocumentSchema, TextResumeBodySchema } from '../schemas/document.js';
import { JsonResumeSchema } from '../schemas/json-resume.js';
import { readResumeFromRequest } from './read-resume-request.js';
import { buildExamples, EXAMPLE_RESUME } from './examples.js';
import { defineRoute, type RouteFactory } from './route-spec.js';

export const ResumeUploadSchema = z
  .object({
    resume: z
      .string()
      .meta({ format: 'binary' })
      .describe('The resume file: PDF (at most 20 pages), DOCX or plain text, at most 10 MB. The type is read from the bytes.'),
  })
  .meta({ id: 'ResumeUpload' });

/** Content types a client may label the upload with (the server still decides from the bytes). */
export const RESUME_PART_TYPES =
  'application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/plain, application/octet-stream';

export const DocumentQuerySchema = z
  .object({
    format: z
      .enum(['document', 'jsonresume'])
      .optional()
      .describe(`"jsonresume" answers a JSON Resume document (as does \`Accept: ${JSON_RESUME_MEDIA_TYPE}\`); default: the SkillBridge document.`),
  });

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
        'The format is decided from the bytes. Every offset indexes into the returned `text`. ' +
        `With \`?format=jsonresume\` or \`Accept: ${JSON_RESUME_MEDIA_TYPE}\` the same reading is answered as a ` +
        `JSON Resume document (content type ${JSON_RESUME_MEDIA_TYPE}).`,
      tags: ['documents'],
      query: DocumentQuerySchema,
      body: {
        multipart: ResumeUploadSchema,
        encoding: { resume: { contentType: RESUME_PART_TYPES } },
        json: TextResumeBodySchema,
      },
      response: ResumeDocumentSchema,
      responseAlternatives: { [JSON_RESUME_MEDIA_TYPE]: JsonResumeSchema },
      responseDescription: 'The SkillBridge document, or a JSON Resume document when asked for.',
      errors: [...RESUME_ERRORS],
      examples: { request: { text: EXAMPLE_RESUME }, response: buildExamples(app).document },
    },
    async (request, reply) => {
      const { format } = request.query;
      const wantsJsonResume =
        format === 'jsonresume' || (format === undefined && (request.headers.accept ?? '').includes(JSON_RESUME_MEDIA_TYPE));
      const input = await readResumeFromRequest(request, app, { jsonSchema: TextResumeBodySchema });
      // Written where the document was read (a text-work child for a long text): this process only
      // sends the bytes (views/answers.ts). JSON Resume has its own media type, validated by the tests.
      const answer = await app.textWork.documentAnswer(
        input.kind === 'bytes'
          ? await readResumeRaw(input.bytes, app.extractor, app.readLimits)
          : { format: 'txt', raw: { text: input.text, truncated: false } },
        { format: wantsJsonResume ? 'jsonresume' : 'document', pretty: wantsPretty(request) },
      );
      return reply.type(answer.contentType).send(answer.body);
    },
  ),
];
