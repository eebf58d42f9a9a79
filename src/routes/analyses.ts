// POST /v1/analyses: the resume read like /v1/documents, then every competency scored with evidence.
import { readResumeRaw } from '../extraction/read-resume.js';
import { POINTS } from '../pipeline/match/score.js';
import { AnalysisSchema } from '../schemas/analysis.js';
import { TextResumeBodySchema } from '../schemas/document.js';
import { RESUME_ERRORS, RESUME_PART_TYPES, ResumeUploadSchema } from './documents.js';
import { GAP_FILE_FIELDS, GAP_TEXT_FIELDS, GapRequestFieldsSchema, GapUploadFieldsSchema, readGapOptions } from './gap-input.js';
import { readResumeFromRequest } from './read-resume-request.js';
import { buildExamples, EXAMPLE_RESUME } from './examples.js';
import { defineRoute, type RouteFactory } from './route-spec.js';
import { chooseReportFormat, ReportQuerySchema, ReportTextSchema } from './report-format.js';
import { wantsPretty } from '../plugins/json-answers.js';
import { REPORT_FORMATS } from '../views/report-parts.js';

export const SCORE_DESCRIPTION =
  'Each competency gets a score from 0 to 100 built from independent pieces of evidence (one bullet, ' +
  'sentence or skills entry each; a quote repeated word for word counts once): a strong piece (an experience, project or volunteer bullet showing the ' +
  `person doing it) adds ${POINTS.strong}, or ${POINTS.strongCurrent} in the current role, plus ` +
  `${POINTS.quantified} when it carries a number (a quantified result); a weak piece (skills-list entry or ` +
  `summary claim) adds ${POINTS.weak}, weak pieces together at most ${POINTS.weakCap}. The sum is capped at ` +
  '100. Level: none = 0, emerging < 25, developing < 60, strong >= 60, so claims alone stay emerging and ' +
  'three strong bullets make a strong competency. `explanation` spells the sum out. A job title alone is ' +
  'never evidence. Every competency of the taxonomy is listed, absent ones with score 0.';

const AnalysisBodySchema = TextResumeBodySchema.extend(GapRequestFieldsSchema.shape).meta({ id: 'AnalysisRequest' });
const AnalysisUploadSchema = ResumeUploadSchema.extend(GapUploadFieldsSchema.shape).meta({ id: 'AnalysisUpload' });

export const analysisRoutes: RouteFactory = (app) => [
  defineRoute(
    {
      method: 'POST',
      url: '/v1/analyses',
      operationId: 'createAnalysis',
      summary: 'Find and score the evidence of every project-management competency in a resume',
      description:
        'Accepts the same inputs as POST /v1/documents: multipart/form-data with one file in `resume`, or ' +
        'JSON `{ "text": ... }`. Returns the structured `document`, the `taxonomyVersion` and one entry ' +
        'per competency with its evidence; each evidence `quote` equals `document.text.slice(start, end)` ' +
        `and \`patternId\` names the taxonomy pattern (GET /v1/taxonomy). ${SCORE_DESCRIPTION} ` +
        'The same input always gives byte-identical JSON. `gapReport` compares the resume with `targetRole` ' +
        '(default project-coordinator; GET /v1/roles) and, when `jobDescription` is sent (a text field, or a ' +
        'PDF/DOCX/TXT file in the `jobDescription` part), with that posting. The same analysis can come back ' +
        'as a readable report: `?format=markdown|text|html` or an `Accept` header of text/markdown, ' +
        'text/plain or text/html (JSON by default; an unknown format is 406 NOT_ACCEPTABLE). The HTML ' +
        'report is one self-contained page with no script that prints to one or two pages.',
      tags: ['analyses'],
      query: ReportQuerySchema,
      body: {
        multipart: AnalysisUploadSchema,
        encoding: { resume: { contentType: RESUME_PART_TYPES }, jobDescription: { contentType: `text/plain, ${RESUME_PART_TYPES}` } },
        json: AnalysisBodySchema,
      },
      response: AnalysisSchema,
      responseAlternatives: {
        [REPORT_FORMATS.markdown]: ReportTextSchema,
        [REPORT_FORMATS.text]: ReportTextSchema,
        [REPORT_FORMATS.html]: ReportTextSchema,
      },
      errors: [...RESUME_ERRORS, 'UNKNOWN_ROLE', 'NOT_ACCEPTABLE'],
      examples: { request: { text: EXAMPLE_RESUME, targetRole: 'project-coordinator' }, response: buildExamples(app).analysis },
    },
    async (request, reply) => {
      // Decided before the upload is read: a client asking for a format that does not exist does no work.
      const format = chooseReportFormat(request.query, request.headers.accept);
      reply.header('vary', 'Accept');
      const input = await readResumeFromRequest(request, app, {
        jsonSchema: AnalysisBodySchema,
        extraFiles: GAP_FILE_FIELDS,
        extraFields: GAP_TEXT_FIELDS,
      });
      const gapOptions = await readGapOptions(app, input);
      const read =
        input.kind === 'bytes'
          ? await readResumeRaw(input.bytes, app.extractor, app.readLimits)
          : { format: 'txt' as const, raw: { text: input.text, truncated: false } };
      // Written where the analysis ran (a text-work child for a long text), with AnalysisSchema's own
      // serializer for JSON: this process only sends the bytes (views/answers.ts).
      const answer = await app.textWork.analysisAnswer(read, gapOptions, { format, pretty: wantsPretty(request) });
      return reply.type(answer.contentType).send(answer.body);
    },
  ),
];
