// Turns resume bytes (or JSON text) into the structured document: detect type, extract or decode,
// normalize, segment. Extraction is delegated to the injected Extractor (an isolated child process in
// the server); every other step is a pure function of its input.
import { appError } from '../errors.js';
import type { Extractor } from '../extraction/extractor.js';
import type { DocumentFormat, ResumeDocument, Warning } from '../schemas/document.js';
import { decodeText } from './decode-text.js';
import { detectType } from './detect-type.js';
import type { RawText } from './extract-text.js';
import { inspectDocxZip, type ZipLimits } from './inspect-zip.js';
import { normalizeText } from './normalize.js';
import { segmentResume } from './segment.js';

export interface ReadLimits {
  maxTextChars: number;
  minTextChars: number;
  zip: ZipLimits;
}

const LITTLE_TEXT_CHARS = 400;

/** Letters and digits in `text`, counted up to `enough` (a whole resume need not be counted). */
function countLetters(text: string, enough: number): number {
  const run = /[\p{L}\p{N}]+/gu;
  let count = 0;
  for (let m = run.exec(text); m && count < enough; m = run.exec(text)) count += m[0].length;
  return count;
}

/** Pure: raw extracted text -> the structured document. Throws NO_TEXT when too little is left. */
export function buildDocument(format: DocumentFormat, raw: RawText, limits: ReadLimits): ResumeDocument {
  const capped = raw.text.length > limits.maxTextChars ? raw.text.slice(0, limits.maxTextChars) : raw.text;
  const normalized = normalizeText(capped);
  const letters = countLetters(normalized.text, limits.minTextChars);
  if (letters < limits.minTextChars) {
    throw appError(
      'NO_TEXT',
      format === 'pdf'
        ? 'no extractable text; scanned or image-only PDFs are not supported'
        : `${letters} letters or digits found, at least ${limits.minTextChars} are needed`,
    );
  }
  const segmented = segmentResume(normalized.text);
  const warnings: Warning[] = [...normalized.warnings, ...segmented.warnings];
  if (raw.truncated || capped.length < raw.text.length) {
    warnings.push({
      code: 'TEXT_TRUNCATED',
      message: `The text was cut at ${limits.maxTextChars} characters.`,
    });
  }
  if (normalized.text.length < LITTLE_TEXT_CHARS) {
    warnings.push({
      code: 'LITTLE_TEXT',
      message: `Only ${normalized.text.length} characters of text were found.`,
    });
  }
  return {
    format,
    ...(raw.pages !== undefined ? { pages: raw.pages } : {}),
    characters: normalized.text.length,
    text: normalized.text,
    sections: segmented.sections,
    roles: segmented.roles,
    bullets: segmented.bullets,
    warnings,
  };
}

export function readResumeText(text: string, limits: ReadLimits): ResumeDocument {
  return buildDocument('txt', { text, truncated: false }, limits);
}

export async function readResumeBytes(
  bytes: Uint8Array,
  extractor: Extractor,
  limits: ReadLimits,
): Promise<ResumeDocument> {
  const detected = detectType(bytes);
  switch (detected.kind) {
    case 'txt':
      return buildDocument('txt', { text: decodeText(bytes, detected.encoding), truncated: false }, limits);
    case 'pdf':
      return buildDocument('pdf', await extractor.extract('pdf', bytes), limits);
    case 'zip':
      await inspectDocxZip(bytes, limits.zip);
      return buildDocument('docx', await extractor.extract('docx', bytes), limits);
  }
}
