// Optical character recognition for pages that carry no text layer, inside the extraction child.
// One tesseract.js worker (WebAssembly, English LSTM model shipped in @tesseract.js-data/eng, read from
// node_modules: nothing is fetched) is created on the first page that needs it and reused; a child that
// never meets a scan never loads tesseract. Limits: English only; one recognition cannot be
// interrupted except by terminating its worker, which the budget below does.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Tesseract from 'tesseract.js';
import { appError } from '../errors.js';

export interface OcrPage {
  text: string;
  /** Tesseract's mean word confidence for the page, 0-100. */
  confidence: number;
}

const require = createRequire(import.meta.url);

/** The int8 "best" model: as accurate as `best` on print, faster to load and run. */
function modelDir(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

let worker: Promise<Tesseract.Worker> | undefined;

async function startWorker(): Promise<Tesseract.Worker> {
  const { createWorker, OEM } = await import('tesseract.js');
  return createWorker('eng', OEM.LSTM_ONLY, {
    langPath: modelDir(),
    gzip: true,
    // No cache: the model is read from node_modules each start, never written elsewhere or fetched.
    cacheMethod: 'none',
    // Errors reach us through the rejected promise; the default handler would also print them.
    errorHandler: () => undefined,
  });
}

function dropWorker(): void {
  const old = worker;
  worker = undefined;
  void old?.then((w) => w.terminate()).catch(() => undefined);
}

/**
 * Recognizes one image (PNG, JPEG, BMP, WebP or PBM bytes) with the child's worker. Past `deadline`
 * (a performance.now() instant) the worker is terminated and EXTRACTION_TIMEOUT thrown; the next call
 * starts a fresh worker.
 */
export async function recognizeImage(image: Uint8Array, deadline: number): Promise<OcrPage> {
  worker ??= startWorker();
  const current = worker;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(appError('EXTRACTION_TIMEOUT')),
      Math.max(0, deadline - performance.now()),
    );
  });
  try {
    const result = await Promise.race([
      current.then((w) => w.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength))),
      expired,
    ]);
    return { text: result.data.text, confidence: result.data.confidence };
  } catch (err) {
    dropWorker();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Frees the worker (tests and tools; the child process simply exits). */
export async function stopOcr(): Promise<void> {
  const old = worker;
  worker = undefined;
  await old?.then((w) => w.terminate()).catch(() => undefined);
}
