// The gap-report part of POST /v1/analyses: `targetRole` and the optional `jobDescription`, as JSON
// fields, multipart fields, or (for the posting) a second file read through the same pipeline as the
// resume, so a PDF or DOCX posting gets the same type sniffing, limits and normalization. A long posting
// is normalized where a long resume is read: in a text-work child when the server has one.
import { z } from 'zod';
import { appError } from '../errors.js';
import type { GapOptions } from '../pipeline/report/gaps.js';
import { normalizeText } from '../pipeline/read/normalize.js';
import { type ReadLimits, readResumeBytes, readResumeRaw } from '../extraction/read-resume.js';
import type { TextWork } from '../extraction/text-pool.js';
import type { Extractor } from '../extraction/extractor.js';
import type { Knowledge } from '../taxonomy/knowledge.js';

/** Multipart parts the analyses route accepts besides `resume` and `text`. */
export const GAP_FILE_FIELDS = ['jobDescription'];
export const GAP_TEXT_FIELDS = ['targetRole', 'jobDescription'];

/** Fields to merge into the JSON body schema of POST /v1/analyses. */
export const GapRequestFieldsSchema = z.object({
  targetRole: z
    .string()
    .max(100)
    .optional()
    .describe('A role id from GET /v1/roles; without it, the role marked `default` there. Unknown ids give 400 UNKNOWN_ROLE.'),
  jobDescription: z
    .string()
    .max(100_000)
    .optional()
    .describe('A job posting as plain text; the report then also scores the resume against it.'),
});
export type GapRequestFields = z.infer<typeof GapRequestFieldsSchema>;

/** Multipart form fields for the OpenAPI upload schema. */
export const GapUploadFieldsSchema = z.object({
  targetRole: GapRequestFieldsSchema.shape.targetRole,
  jobDescription: z
    .union([GapRequestFieldsSchema.shape.jobDescription.unwrap(), z.string().meta({ format: 'binary' })])
    .optional()
    .describe('The posting as a text field (at most 100,000 characters, as in JSON), or as a PDF, DOCX or TXT file in this part.'),
});

export interface GapRequestParts {
  files: Map<string, Buffer>;
  fields: Map<string, string>;
  json?: GapRequestFields;
}

/** What reading the gap options needs: the Fastify instance in the route, plain values in the CLI. */
export interface GapContext {
  knowledge: Pick<Knowledge, 'roles'>;
  extractor: Extractor;
  readLimits: ReadLimits;
  /** Where the posting's text steps run (the server sends long ones to a text-work child); in-process without it. */
  textWork?: Pick<TextWork, 'document' | 'normalize'>;
}

/** Validates the role and reads the posting; answers UNKNOWN_ROLE or the reading errors otherwise. */
export async function readGapOptions(app: GapContext, parts: GapRequestParts): Promise<GapOptions> {
  const targetRole = parts.json?.targetRole ?? parts.fields.get('targetRole') ?? app.knowledge.roles.defaultTargetRole;
  if (!app.knowledge.roles.rolesById.has(targetRole))
    throw appError('UNKNOWN_ROLE', `"${targetRole.slice(0, 100)}"; see GET /v1/roles`);

  const file = parts.files.get('jobDescription');
  const text = parts.json?.jobDescription ?? parts.fields.get('jobDescription');
  if (file && text !== undefined)
    throw appError('INVALID_REQUEST', 'send "jobDescription" as a file or as text, not both');
  let jobDescription: string | undefined;
  if (file) {
    if (file.length === 0) throw appError('INVALID_REQUEST', 'the "jobDescription" file is empty');
    jobDescription = app.textWork
      ? (await app.textWork.document(await readResumeRaw(file, app.extractor, app.readLimits))).text
      : (await readResumeBytes(file, app.extractor, app.readLimits)).text;
  } else if (text !== undefined) {
    if (text.trim() === '') throw appError('INVALID_REQUEST', '"jobDescription" is empty');
    const capped = text.slice(0, app.readLimits.maxTextChars);
    jobDescription = app.textWork ? await app.textWork.normalize(capped) : normalizeText(capped).text;
  }
  return {
    targetRole,
    asOf: new Date().toISOString().slice(0, 7),
    ...(jobDescription !== undefined ? { jobDescription } : {}),
  };
}
