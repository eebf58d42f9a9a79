// Entry of an extraction child process (forked by pool.ts through workerpool). It runs the third-party
// parsers over untrusted bytes, so it holds nothing else: no Fastify, no logger, no disk. Document
// errors come back as data ({ code, message }) so the parent can tell a refused document from a
// crashed child; the console is silenced because pdf.js and mammoth may quote document content there.
// When a document needs OCR the child tells the parent (OCR_STARTED), once the first page image is
// rendered, so its deadline grows by the OCR budget; tesseract is loaded only then, never at startup.
import workerpool from 'workerpool';
import { isAppError } from '../errors.js';
import { type ExtractLimits, extractDocxText, extractImageText, extractPdfText } from './extract-text.js';
import { type BinaryFormat, OCR_STARTED } from './extractor.js';
import type { RawText } from '../pipeline/read/build-document.js';

export type ChildReply =
  | { ok: true; raw: RawText }
  | { ok: false; code: string; message: string };

const silent = (): void => undefined;
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const) {
  console[method] = silent;
}

const announceOcr = (): void => workerpool.workerEmit(OCR_STARTED);

async function extract(format: BinaryFormat, bytes: Uint8Array, limits: ExtractLimits): Promise<ChildReply> {
  try {
    const raw =
      format === 'pdf'
        ? await extractPdfText(bytes, limits, { onOcrStart: announceOcr })
        : format === 'image'
          ? await extractImageText(bytes, limits, announceOcr)
          : await extractDocxText(bytes, limits);
    return { ok: true, raw };
  } catch (err) {
    if (isAppError(err)) return { ok: false, code: err.code, message: err.message };
    // Not one of ours: the message may quote the document, so only a fixed text crosses the boundary.
    return { ok: false, code: 'UNREADABLE_DOCUMENT', message: 'the parser failed on this document' };
  }
}

// pdf.js loads most of its code on the first document. Reading a blank page at startup keeps that cost
// out of the first real document's deadline: `ready` answers once it is done.
const BLANK_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
const warm = extract('pdf', new TextEncoder().encode(BLANK_PDF), {
  maxPages: 1,
  maxTextChars: 10,
  // No `ocr`: the blank page has no text, and OCR would load tesseract at every child start.
});

workerpool.worker({ extract, ready: async () => (await warm).ok });
