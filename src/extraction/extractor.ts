// The seam between the HTTP process and the parsers. Routes and the pipeline only see `Extractor`;
// which implementation runs (in-process for unit tests, a child-process pool in the server) is a boot
// decision in app.ts.
import type { Config } from '../config.js';
import type { ExtractLimits } from './extract-text.js';
import type { RawText } from '../pipeline/read/build-document.js';

/** `image`: PNG, JPEG or TIFF bytes, read by OCR. */
export type BinaryFormat = 'pdf' | 'docx' | 'image';

/** Event payload a child sends its parent when OCR begins on the current document. */
export const OCR_STARTED = 'ocr-started';

export function extractLimitsFromConfig(config: Config): ExtractLimits {
  return {
    maxPages: config.MAX_PAGES,
    maxTextChars: config.MAX_TEXT_CHARS,
    ocr: {
      enabled: config.OCR === 'on',
      maxPages: config.OCR_MAX_PAGES,
      timeoutMs: config.OCR_TIMEOUT_MS,
      minConfidence: config.OCR_MIN_CONFIDENCE,
    },
  };
}

export interface Extractor {
  extract(format: BinaryFormat, bytes: Uint8Array): Promise<RawText>;
  close(): Promise<void>;
}

/**
 * Parses on the calling thread. Used by tests and tools; the server uses the isolated pool. The parsers
 * load on first use, never at import: pdfjs-dist's bundled core-js replaces `Array.prototype.push`
 * process-wide with a polyfill about 8x slower (measured on Node 20), which the server's own process,
 * running HTTP and analysis, must not inherit (src/extraction/extract-text.ts undoes it where it loads).
 */
export function createInlineExtractor(limits: ExtractLimits): Extractor {
  const parsers = import('./extract-text.js');
  // Loaded lazily but at creation, so a first document does not pay for loading pdf.js.
  parsers.catch(() => undefined);
  return {
    extract: async (format, bytes) => {
      const { extractDocxText, extractImageText, extractPdfText } = await parsers;
      if (format === 'pdf') return extractPdfText(bytes, limits);
      return format === 'image' ? extractImageText(bytes, limits) : extractDocxText(bytes, limits);
    },
    close: async () => undefined,
  };
}
