// Pure: raw extracted text -> the structured document (normalize, check there is text, segment, then
// the structured fields: contact, education, certifications, skills, languages).
// The text of a plain-text upload or JSON body comes here directly; PDF and DOCX text comes from the
// extraction layer (src/extraction/read-resume.ts), OCR text included: it is normalized and segmented
// like a text layer, and flagged with OCR_USED (and LOW_OCR_CONFIDENCE under the floor). Limits: "too
// little text" is a letter count, so a page of symbols is refused while one short real line is kept.
import { appError } from '../../errors.js';
import type { DocumentFormat, ResumeDocument, Warning } from '../../schemas/document.js';
import { extractCertifications } from './extract-certifications.js';
import { extractContact } from './extract-contact.js';
import { extractEducation } from './extract-education.js';
import { extractSkills } from './extract-skills.js';
import { normalizeText } from './normalize.js';
import { segmentResume } from './segment.js';

/** What OCR contributed to a document's text. */
export interface OcrSummary {
  /** Pages read by OCR. */
  pages: number;
  /** Mean of the pages' confidences, 0-100. */
  confidence: number;
  /** The mean is under the configured floor. */
  lowConfidence: boolean;
}

/** Text as a parser or decoder produced it, before normalization. */
export interface RawText {
  text: string;
  pages?: number;
  truncated: boolean;
  ocr?: OcrSummary;
}

function describeOcr(ocr: OcrSummary): Warning[] {
  const pages = ocr.pages === 1 ? '1 page' : `${ocr.pages} pages`;
  const used: Warning = {
    code: 'OCR_USED',
    message: `${pages} had no text layer and were read by OCR (mean confidence ${ocr.confidence}/100).`,
  };
  if (!ocr.lowConfidence) return [used];
  return [
    used,
    {
      code: 'LOW_OCR_CONFIDENCE',
      message: `OCR confidence ${ocr.confidence}/100 is low: quotes may contain misread words.`,
    },
  ];
}

export interface TextLimits {
  maxTextChars: number;
  minTextChars: number;
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
export function buildDocument(format: DocumentFormat, raw: RawText, limits: TextLimits): ResumeDocument {
  const capped = raw.text.length > limits.maxTextChars ? raw.text.slice(0, limits.maxTextChars) : raw.text;
  const normalized = normalizeText(capped);
  const letters = countLetters(normalized.text, limits.minTextChars);
  if (letters < limits.minTextChars) {
    throw appError(
      'NO_TEXT',
      raw.ocr
        ? `OCR found ${letters} letters or digits, at least ${limits.minTextChars} are needed`
        : format === 'pdf'
          ? 'no extractable text (an image-only PDF is read only when OCR is on)'
          : `${letters} letters or digits found, at least ${limits.minTextChars} are needed`,
    );
  }
  const segmented = segmentResume(normalized.text, normalized.headings);
  const headings = segmented.sections.filter((s) => s.heading !== '').length;
  const { skills, languages } = extractSkills(normalized.text, segmented.sections);
  const warnings: Warning[] = [
    ...(raw.ocr ? describeOcr(raw.ocr) : []),
    ...normalized.warnings,
    ...segmented.warnings,
  ];
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
    contact: extractContact(normalized.text, segmented.sections, headings),
    education: extractEducation(normalized.text, segmented.sections),
    certifications: extractCertifications(normalized.text, segmented.sections),
    skills,
    languages,
    warnings,
  };
}

export function readResumeText(text: string, limits: TextLimits): ResumeDocument {
  return buildDocument('txt', { text, truncated: false }, limits);
}
