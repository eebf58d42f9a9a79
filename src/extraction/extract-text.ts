// Pulls raw text out of PDF (pdf-parse 2 / pdf.js), DOCX (mammoth) and image bytes. This is the only
// step that runs third-party parsers over untrusted bytes, so it runs inside the extraction child
// process (src/extraction): it must stay free of Fastify and of shared state. Page count is checked
// right after load, before any text is extracted. A PDF page with fewer than OCR_PAGE_LETTERS letters in
// its text layer (a scan, or a scan with a stamp or a scanner's footer) is rendered and read by OCR
// (ocr.ts); pages with text keep their text, so text PDFs never load the OCR engine. Limits: text boxes
// in DOCX come out in document order, not visual order; a multi-page TIFF is read from its first page.
// mammoth and image-size are imported on a child's first DOCX or image, not at its start: most children
// read only PDFs, and the two held about 14 and 9 MB of each child's memory (measured RSS at import).
// First import: it keeps the engine's Array.prototype.push before pdfjs-dist's core-js replaces it.
import { restoreNativePush } from './native-push.js';
import { PasswordException, PDFParse } from 'pdf-parse';
import { appError, isAppError } from '../errors.js';
import type { OcrSummary, RawText } from '../pipeline/read/build-document.js';
import { recognizeImage, type OcrPage } from './ocr.js';
import { GET_TEXT_OPTIONS, pdfParseOptions } from './pdf-parse-options.js';

restoreNativePush();

export interface OcrLimits {
  enabled: boolean;
  /** Pages of one document that OCR may read. */
  maxPages: number;
  /** OCR budget of one document, rendering included. */
  timeoutMs: number;
  /** Mean confidence under which the result is flagged. */
  minConfidence: number;
}

export interface ExtractLimits {
  maxPages: number;
  maxTextChars: number;
  /** Absent: OCR is off (tools and tests that only read text layers). */
  ocr?: OcrLimits;
}

/** Called once, before the first page is rendered or recognized: the pool extends its deadline then. */
export type OnOcrStart = () => void;

/** A page whose text layer has fewer letters than this is treated as a scan. */
export const OCR_PAGE_LETTERS = 60;
/**
 * Rendering resolution for OCR, chosen by measurement (eval/ocr/README.md): on 150-dpi scans, 200 and
 * 300 dpi read no more words (recall 0.989 / 0.985 / 0.980) and 300 dpi took twice as long per page.
 */
export const OCR_DPI = 150;
/**
 * Largest image OCR will decode or render, in pixels: US Letter at 600 dpi is 33.7 million. Leptonica
 * holds a page at 4 bytes a pixel plus working copies, so this bounds the child's memory well under its
 * resident cap; an image bomb (small file, huge declared size) is refused from its header.
 */
export const OCR_MAX_PIXELS = 36_000_000;
export const RENDER_MAX_PIXELS = 12_000_000;
/** pdf.js skips drawing any embedded image larger than this (pixels) instead of decoding it. */
const PDF_MAX_IMAGE_PIXELS = OCR_MAX_PIXELS;

function capText(text: string, limits: ExtractLimits): { text: string; truncated: boolean } {
  return text.length > limits.maxTextChars
    ? { text: text.slice(0, limits.maxTextChars), truncated: true }
    : { text, truncated: false };
}

/** Letters in `text`, counted up to `enough`. */
function countLetters(text: string, enough: number): number {
  const run = /\p{L}+/gu;
  let count = 0;
  for (let m = run.exec(text); m && count < enough; m = run.exec(text)) count += m[0].length;
  return count;
}

function summarize(pages: OcrPage[], limits: OcrLimits): OcrSummary {
  const confidence = Math.round(pages.reduce((sum, p) => sum + p.confidence, 0) / pages.length);
  return { pages: pages.length, confidence, lowConfidence: confidence < limits.minConfidence };
}

/**
 * Whether a page's OCR text replaces its (near-empty) text layer. An empty layer always yields: there
 * is nothing to lose. A layer with a few words (a stamp, a rotated caption) is kept unless OCR reads
 * more letters at or above the confidence floor, so garbage read from a picture never replaces it.
 */
function preferOcr(layerText: string, page: OcrPage, limits: OcrLimits): boolean {
  const layerLetters = countLetters(layerText, OCR_PAGE_LETTERS);
  if (layerLetters === 0) return true;
  return page.confidence >= limits.minConfidence && countLetters(page.text, OCR_PAGE_LETTERS) > layerLetters;
}

interface PdfPageProxy {
  getViewport(options: { scale: number }): { width: number; height: number };
}
interface PdfDocumentProxy {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
}

/** Rendering scale for a page: OCR_DPI, lowered so the bitmap stays within OCR_MAX_PIXELS. */
async function renderScale(doc: PdfDocumentProxy, pageNumber: number, dpi: number): Promise<number> {
  const { width, height } = (await doc.getPage(pageNumber)).getViewport({ scale: 1 });
  const wanted = dpi / 72;
  const area = Math.max(1, width * height);
  return Math.min(wanted, Math.sqrt(RENDER_MAX_PIXELS / area));
}

export interface PdfOcrOptions {
  onOcrStart?: OnOcrStart;
  /** Rendering resolution; OCR_DPI unless a measurement asks for another. */
  dpi?: number;
}

export async function extractPdfText(
  bytes: Uint8Array,
  limits: ExtractLimits,
  options: PdfOcrOptions = {},
): Promise<RawText> {
  const parser = new PDFParse({ ...pdfParseOptions(bytes), maxImageSize: PDF_MAX_IMAGE_PIXELS });
  try {
    // `load` is private in the typings but is the documented cheap way to the page count.
    const doc = await (parser as unknown as { load(): Promise<PdfDocumentProxy> }).load();
    // The first load also imports pdf.js's worker bundle, whose own core-js copy replaces push again.
    restoreNativePush();
    if (doc.numPages > limits.maxPages) {
      throw appError('TOO_MANY_PAGES', `${doc.numPages} pages, the limit is ${limits.maxPages}`);
    }
    const result = await parser.getText(GET_TEXT_OPTIONS);
    const ocr = limits.ocr;
    const scanned = ocr?.enabled
      ? result.pages.filter((p) => countLetters(p.text, OCR_PAGE_LETTERS) < OCR_PAGE_LETTERS).map((p) => p.num)
      : [];
    if (!ocr || scanned.length === 0) return { ...capText(result.text, limits), pages: doc.numPages };
    if (scanned.length > ocr.maxPages) {
      throw appError('TOO_MANY_PAGES', `${scanned.length} pages need OCR, the limit is ${ocr.maxPages}`);
    }
    // OCR's own budget starts once the first page image exists, not before rendering it: a page that
    // is near empty of letters but costly to draw (a million overlaid text runs) is then bounded by the
    // parse deadline alone, and only recognition, the part a real scan needs time for, gets OCR's budget.
    let deadline = Infinity;
    const layer = new Map(result.pages.map((p) => [p.num, p.text]));
    const read = new Map<number, OcrPage>();
    for (const num of scanned) {
      const scale = await renderScale(doc, num, options.dpi ?? OCR_DPI);
      const shot = await parser.getScreenshot({ partial: [num], scale, imageBuffer: true });
      if (deadline === Infinity) {
        options.onOcrStart?.();
        deadline = performance.now() + ocr.timeoutMs;
      }
      if (performance.now() > deadline) throw appError('EXTRACTION_TIMEOUT');
      const image = shot.pages[0]?.data;
      if (!image) continue;
      const page = await recognizeImage(image, deadline);
      if (preferOcr(layer.get(num) ?? '', page, ocr)) read.set(num, page);
    }
    // Same shape as pdf-parse's own text: each page followed by a blank line.
    const text = result.pages.map((p) => `${read.get(p.num)?.text ?? p.text}\n\n`).join('');
    return {
      ...capText(text, limits),
      pages: doc.numPages,
      ...(read.size > 0 ? { ocr: summarize([...read.values()], ocr) } : {}),
    };
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

const OCR_IMAGE_TYPES = new Set(['png', 'jpg', 'tiff']);

/** A PNG, JPEG or TIFF upload read by OCR; its size is checked from the header before any decoding. */
export async function extractImageText(
  bytes: Uint8Array,
  limits: ExtractLimits,
  onOcrStart?: OnOcrStart,
): Promise<RawText> {
  const ocr = limits.ocr;
  if (!ocr?.enabled) throw appError('UNSUPPORTED_MEDIA_TYPE', 'an image; images are read only when OCR is on');
  let size: { width?: number; height?: number; type?: string };
  const { imageSize } = await import('image-size');
  try {
    size = imageSize(bytes);
  } catch {
    throw appError('UNREADABLE_DOCUMENT', 'the image header is corrupt');
  }
  const { width = 0, height = 0, type = '' } = size;
  if (!OCR_IMAGE_TYPES.has(type) || width <= 0 || height <= 0) {
    throw appError('UNREADABLE_DOCUMENT', 'the image header is corrupt');
  }
  if (width * height > OCR_MAX_PIXELS) {
    throw appError(
      'UNREADABLE_DOCUMENT',
      `the image is ${width} x ${height} pixels, more than ${OCR_MAX_PIXELS / 1_000_000} million`,
    );
  }
  onOcrStart?.();
  let page: OcrPage;
  try {
    page = await recognizeImage(bytes, performance.now() + ocr.timeoutMs);
  } catch (err) {
    if (isAppError(err)) throw err;
    throw appError('UNREADABLE_DOCUMENT', 'the image cannot be decoded');
  }
  return { ...capText(page.text, limits), pages: 1, ocr: summarize([page], ocr) };
}

export async function extractDocxText(bytes: Uint8Array, limits: ExtractLimits): Promise<RawText> {
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return capText(result.value, limits);
  } catch (err) {
    if (isAppError(err)) throw err;
    throw appError('UNREADABLE_DOCUMENT', 'the DOCX is corrupt or malformed');
  }
}
