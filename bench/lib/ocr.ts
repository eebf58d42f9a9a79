// Section 6 of `npm run bench`: OCR, in-process. Seconds to read the committed two-page scan
// (test/fixtures/scanned-front-desk-clerk.pdf: pdftoppm 150 dpi grey + img2pdf of a LiveCareer resume)
// through extractPdfText with the server's OCR limits, after one warm-up that starts the tesseract
// worker; and the text path with OCR on vs off on the original text PDF (the OCR check must cost
// nothing there). Accuracy over the whole scanned dev corpus is `npm run eval:ocr`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdfText } from '../../src/extraction/extract-text.js';
import { stopOcr } from '../../src/extraction/ocr.js';
import type { BenchKnowledge } from './knowledge.js';
import { REPO_ROOT } from './corpus.js';
import { median } from './stats.js';

export interface OcrReport {
  scan: string;
  pages: number;
  reps: number;
  /** Median seconds to read the two-page scan (render + recognize), worker already started. */
  scanSeconds: number;
  secondsPerPage: number;
  /** Seconds of the warm-up read, worker start included. */
  firstScanSeconds: number;
  confidence: number;
  /** Median ms to extract the original text PDF, OCR on and off. */
  textPdfMsOcrOn: number;
  textPdfMsOcrOff: number;
}

const SCAN = join(REPO_ROOT, 'test', 'fixtures', 'scanned-front-desk-clerk.pdf');
const TEXT_PDF = join(REPO_ROOT, 'test', 'fixtures', 'livecareer-front-desk-clerk.pdf');

export async function benchOcr(k: BenchKnowledge, reps: number, textReps: number, log: (l: string) => void): Promise<OcrReport> {
  const limits = { ...k.extractLimits, ocr: { ...k.ocrLimits, timeoutMs: 600_000 } };
  const scan = new Uint8Array(readFileSync(SCAN));
  const text = new Uint8Array(readFileSync(TEXT_PDF));
  const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    const t = performance.now();
    const out = await fn();
    return [out, performance.now() - t];
  };
  const [first, firstMs] = await timed(() => extractPdfText(scan, limits));
  const scanMs: number[] = [];
  for (let i = 0; i < reps; i++) scanMs.push((await timed(() => extractPdfText(scan, limits)))[1]);
  // The quick preset reads the scan once: its one figure includes the worker start.
  if (scanMs.length === 0) scanMs.push(firstMs);
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < textReps; i++) {
    off.push((await timed(() => extractPdfText(text, { ...limits, ocr: undefined })))[1]);
    on.push((await timed(() => extractPdfText(text, limits)))[1]);
  }
  await stopOcr();
  const pages = first.pages ?? 0;
  const report: OcrReport = {
    scan: 'test/fixtures/scanned-front-desk-clerk.pdf',
    pages,
    reps,
    scanSeconds: median(scanMs) / 1000,
    secondsPerPage: median(scanMs) / 1000 / Math.max(1, pages),
    firstScanSeconds: firstMs / 1000,
    confidence: first.ocr?.confidence ?? 0,
    textPdfMsOcrOn: median(on),
    textPdfMsOcrOff: median(off),
  };
  log(`  two-page scan ${report.scanSeconds.toFixed(1)} s (first ${report.firstScanSeconds.toFixed(1)} s), text PDF ${report.textPdfMsOcrOff.toFixed(1)} ms off / ${report.textPdfMsOcrOn.toFixed(1)} ms on`);
  return report;
}
