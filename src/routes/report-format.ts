// Which report format a request asks for: `?format=` wins, else the Accept header (q-values honoured,
// via negotiator), else JSON. A format name or an Accept header that names none of the formats is 406
// NOT_ACCEPTABLE with the list of those that exist; `*/*` and a missing Accept mean JSON.
import Negotiator from 'negotiator';
import { z } from 'zod';
import { appError } from '../errors.js';
import { REPORT_FORMAT_NAMES, REPORT_FORMATS, type ReportFormat } from '../views/report-parts.js';

const LIST = REPORT_FORMAT_NAMES.map((f) => `${f} (${REPORT_FORMATS[f]})`).join(', ');

export const ReportQuerySchema = z.object({
  format: z
    .string()
    .max(100)
    .optional()
    .describe(`Report format: ${LIST}. Overrides Accept. Any other value answers 406 NOT_ACCEPTABLE.`),
  pretty: z.enum(['true', 'false']).optional().describe('`true` indents a JSON answer (any route).'),
});

/** A report in one of the text formats: the body is the rendered document. */
export const ReportTextSchema = z.string().describe('The analysis rendered as a report.');

export function chooseReportFormat(query: { format?: string | undefined }, accept: string | undefined): ReportFormat {
  if (query.format !== undefined) {
    const named = REPORT_FORMAT_NAMES.find((f) => f === query.format!.toLowerCase());
    if (!named) throw appError('NOT_ACCEPTABLE', `"${query.format.slice(0, 100)}"; available: ${LIST}`);
    return named;
  }
  if (accept === undefined || accept.trim() === '') return 'json';
  const types = REPORT_FORMAT_NAMES.map((f) => REPORT_FORMATS[f]);
  const best = new Negotiator({ headers: { accept } }).mediaType(types);
  const found = REPORT_FORMAT_NAMES.find((f) => REPORT_FORMATS[f] === best);
  if (!found) throw appError('NOT_ACCEPTABLE', `Accept "${accept.slice(0, 100)}"; available: ${LIST}`);
  return found;
}
