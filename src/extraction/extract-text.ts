// Pulls raw text out of PDF (pdf-parse 2 / pdf.js) and DOCX (mammoth) bytes. This is the only step
// that runs third-party parsers over untrusted bytes, so it runs inside the extraction child process
// (src/extraction): it must stay free of Fastify and of shared state. Page count is checked right after
// load, before any text is extracted. Limits: scanned PDFs yield no text (NO_TEXT downstream); text
// boxes in DOCX come out in document order, not visual order.
// First import: it keeps the engine's Array.prototype.push before pdfjs-dist's core-js replaces it.
import { restoreNativePush } from './native-push.js';
import mammoth from 'mammoth';
import { PasswordException, PDFParse } from 'pdf-parse';
import { appError, isAppError } from '../errors.js';
import type { RawText } from '../pipeline/read/build-document.js';
import { GET_TEXT_OPTIONS, pdfParseOptions } from './pdf-parse-options.js';

restoreNativePush();

export interface ExtractLimits {
  maxPages: number;
  maxTextChars: number;
}

function capText(text: string, limits: ExtractLimits): { text: string; truncated: boolean } {
  return text.length > limits.maxTextChars
    ? { text: text.slice(0, limits.maxTextChars), truncated: true }
    : { text, truncated: false };
}

export async function extractPdfText(bytes: Uint8Array, limits: ExtractLimits): Promise<RawText> {
  const parser = new PDFParse(pdfParseOptions(bytes));
  try {
    // `load` is private in the typings but is the documented cheap way to the page count.
    const doc = await (parser as unknown as { load(): Promise<{ numPages: number }> }).load();
    // The first load also imports pdf.js's worker bundle, whose own core-js copy replaces push again.
    restoreNativePush();
    if (doc.numPages > limits.maxPages) {
      throw appError('TOO_MANY_PAGES', `${doc.numPages} pages, the limit is ${limits.maxPages}`);
    }
    const result = await parser.getText(GET_TEXT_OPTIONS);
    return { ...capText(result.text, limits), pages: doc.numPages };
  } catch (err) {
    if (isAppError(err)) throw err;
    if (err instanceof PasswordException || (err as { name?: string })?.name === 'PasswordException') {
      throw appError('ENCRYPTED_DOCUMENT');
    }
    throw appError('UNREADABLE_DOCUMENT', 'the PDF is corrupt or malformed');
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

export async function extractDocxText(bytes: Uint8Array, limits: ExtractLimits): Promise<RawText> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return capText(result.value, limits);
  } catch (err) {
    if (isAppError(err)) throw err;
    throw appError('UNREADABLE_DOCUMENT', 'the DOCX is corrupt or malformed');
  }
}
