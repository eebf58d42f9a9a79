// Resume bytes -> the structured document: decide the type from the bytes, confirm a DOCX zip is safe
// to open, extract the text through the injected Extractor (child processes in the server), then the
// pure reading steps. The only reading code that touches parsers, and only through the Extractor seam.
// Images (PNG, JPEG, TIFF) go to the extractor's OCR when it is on, and are refused (415) when it is off.
import { appError } from '../errors.js';
import type { DocumentFormat, ResumeDocument } from '../schemas/document.js';
import { buildDocument, type RawText, type TextLimits } from '../pipeline/read/build-document.js';
import { decodeText } from '../pipeline/read/decode-text.js';
import { detectType } from '../pipeline/read/detect-type.js';
import type { Extractor } from './extractor.js';
import { inspectDocxZip, type ZipLimits } from './inspect-zip.js';

export interface ReadLimits extends TextLimits {
  zip: ZipLimits;
  /** OCR is on: image uploads are read rather than refused. */
  ocr?: boolean;
}

/** Text as read from the bytes, before the text steps (which the server may run off the main thread). */
export interface ReadText {
  format: DocumentFormat;
  raw: RawText;
}

export async function readResumeRaw(bytes: Uint8Array, extractor: Extractor, limits: ReadLimits): Promise<ReadText> {
  const detected = detectType(bytes);
  switch (detected.kind) {
    case 'txt':
      return { format: 'txt', raw: { text: decodeText(bytes, detected.encoding), truncated: false } };
    case 'pdf':
      return { format: 'pdf', raw: await extractor.extract('pdf', bytes) };
    case 'image':
      if (!limits.ocr) throw appError('UNSUPPORTED_MEDIA_TYPE', `${detected.name}; images are read only when OCR is on`);
      return { format: 'image', raw: await extractor.extract('image', bytes) };
    case 'zip':
      await inspectDocxZip(bytes, limits.zip);
      return { format: 'docx', raw: await extractor.extract('docx', bytes) };
  }
}

export async function readResumeBytes(
  bytes: Uint8Array,
  extractor: Extractor,
  limits: ReadLimits,
): Promise<ResumeDocument> {
  const { format, raw } = await readResumeRaw(bytes, extractor, limits);
  return buildDocument(format, raw, limits);
}
