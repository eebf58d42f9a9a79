// Resume bytes -> the structured document: decide the type from the bytes, confirm a DOCX zip is safe
// to open, extract the text through the injected Extractor (child processes in the server), then the
// pure reading steps. The only reading code that touches parsers, and only through the Extractor seam.
// Images (PNG, JPEG, TIFF) go to the extractor's OCR when it is on, and are refused (415) when it is off.
import { appError } from '../errors.js';
import type { ResumeDocument } from '../schemas/document.js';
import { buildDocument, type TextLimits } from '../pipeline/read/build-document.js';
import { decodeText } from '../pipeline/read/decode-text.js';
import { detectType } from '../pipeline/read/detect-type.js';
import type { Extractor } from './extractor.js';
import { inspectDocxZip, type ZipLimits } from './inspect-zip.js';

export interface ReadLimits extends TextLimits {
  zip: ZipLimits;
  /** OCR is on: image uploads are read rather than refused. */
  ocr?: boolean;
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
    case 'image':
      if (!limits.ocr) throw appError('UNSUPPORTED_MEDIA_TYPE', `${detected.name}; images are read only when OCR is on`);
      return buildDocument('image', await extractor.extract('image', bytes), limits);
    case 'zip':
      await inspectDocxZip(bytes, limits.zip);
      return buildDocument('docx', await extractor.extract('docx', bytes), limits);
  }
}
