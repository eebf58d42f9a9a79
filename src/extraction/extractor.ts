// The seam between the HTTP process and the parsers. Routes and the pipeline only see `Extractor`;
// which implementation runs (in-process for unit tests, a child-process pool in the server) is a boot
// decision in app.ts.
import type { ExtractLimits } from './extract-text.js';
import type { RawText } from '../pipeline/read/build-document.js';

export type BinaryFormat = 'pdf' | 'docx';

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
      const { extractDocxText, extractPdfText } = await parsers;
      return format === 'pdf' ? extractPdfText(bytes, limits) : extractDocxText(bytes, limits);
    },
    close: async () => undefined,
  };
}
