// The bytes of a resume route's answer, written where the work ran. A 200k-character resume makes an
// analysis of about 1.8 MB of JSON; writing it (fast-json-stringify, then UTF-8) costs 50-80 ms, and an
// HTTP process that did it for every large answer would hold its event loop that long (issue 12). So a
// text-work child writes the answer itself and the HTTP process only sends the bytes; short texts,
// analysed in-process, go through the same functions, so both paths give the same bytes.
// JSON is written by the route's own compiled serializer (the response schema's), ends with a newline
// and is indented when `pretty` is asked for, exactly as the json-answers plugin finishes every other
// JSON answer.
import { compileSerializer } from '../routes/schema-compilers.js';
import { type Analysis, AnalysisSchema } from '../schemas/analysis.js';
import { type ResumeDocument, ResumeDocumentSchema } from '../schemas/document.js';
import { toJsonResume } from '../pipeline/read/to-json-resume.js';
import { renderReport } from './render-report.js';
import { REPORT_FORMATS, type ReportFormat } from './report-parts.js';

/** The JSON Resume media type (jsonresume.org), answered by POST /v1/documents when asked for. */
export const JSON_RESUME_MEDIA_TYPE = 'application/vnd.jsonresume+json';

export interface RenderedAnswer {
  contentType: string;
  body: Buffer;
}

export interface AnalysisView {
  format: ReportFormat;
  pretty: boolean;
}

export interface DocumentView {
  format: 'document' | 'jsonresume';
  pretty: boolean;
}

/** A serialized JSON answer as every route sends it: indented when asked for, ending with a newline. */
export function finishJson(json: string, pretty: boolean): string {
  let body = json;
  if (pretty) {
    try {
      body = JSON.stringify(JSON.parse(json), null, 2);
    } catch {
      // Not JSON after all: sent as it is.
    }
  }
  return body.endsWith('\n') ? body : `${body}\n`;
}

/**
 * A compiled serializer's JSON of an object as the bytes finishJson would give. Its last character is
 * `}`, never a newline, so the newline is appended without reading the string: fast-json-stringify
 * builds its answer from thousands of pieces, and any read of it (finishJson's endsWith) joins them,
 * once more than the encoding into bytes already does (0.7 ms of 2.2 for a 67 KB analysis, measured).
 */
function objectJsonBytes(json: string, pretty: boolean): Buffer {
  return Buffer.from(pretty ? finishJson(json, true) : `${json}\n`);
}

// Compiled on first use: a process that never answers a resume route does not pay for it.
let writers: { analysis: (a: Analysis) => string; document: (d: ResumeDocument) => string } | undefined;
function writer(): NonNullable<typeof writers> {
  writers ??= { analysis: compileSerializer(AnalysisSchema), document: compileSerializer(ResumeDocumentSchema) };
  return writers;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function renderAnalysisAnswer(analysis: Analysis, view: AnalysisView): RenderedAnswer {
  if (view.format === 'json') return { contentType: JSON_TYPE, body: objectJsonBytes(writer().analysis(analysis), view.pretty) };
  return { contentType: `${REPORT_FORMATS[view.format]}; charset=utf-8`, body: Buffer.from(renderReport(analysis, view.format)) };
}

export function renderDocumentAnswer(doc: ResumeDocument, view: DocumentView): RenderedAnswer {
  if (view.format === 'document') return { contentType: JSON_TYPE, body: objectJsonBytes(writer().document(doc), view.pretty) };
  return {
    contentType: `${JSON_RESUME_MEDIA_TYPE}; charset=utf-8`,
    body: Buffer.from(finishJson(JSON.stringify(toJsonResume(doc)), view.pretty)),
  };
}
