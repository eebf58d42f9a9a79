// The seam between the HTTP process and the parsers. Routes and the pipeline only see `Extractor`;
// which implementation runs (in-process for unit tests, a child-process pool in the server) is a boot
// decision in app.ts.
import {
  type ExtractLimits,
  extractDocxText,
  extractPdfText,
  type RawText,
} from '../pipeline/extract-text.js';

export type BinaryFormat = 'pdf' | 'docx';

export interface Extractor {
  extract(format: BinaryFormat, bytes: Uint8Array): Promise<RawText>;
  close(): Promise<void>;
}

/** Parses on the calling thread. Used by tests and tools; the server uses the isolated pool. */
export function createInlineExtractor(limits: ExtractLimits): Extractor {
  return {
    extract: (format, bytes) =>
      format === 'pdf' ? extractPdfText(bytes, limits) : extractDocxText(bytes, limits),
    close: async () => undefined,
  };
}
