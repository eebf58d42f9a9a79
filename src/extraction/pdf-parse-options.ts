// How SkillBridge calls pdf-parse, in one place: the extraction step (extract-text.ts) and the
// benchmark's bare pdf-parse floor (bench/floor-worker.mjs) open and read a PDF the same way. No side
// effect beyond loading pdf-parse, so the floor measures the library as installed.
import { VerbosityLevel } from 'pdf-parse';

/** Options for `new PDFParse(...)`: no eval, errors only on the console, go on past broken objects. */
export function pdfParseOptions(bytes: Uint8Array) {
  return {
    // pdf.js detaches the buffer it is given: hand it a copy so the caller's bytes stay usable.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
    stopAtErrors: false,
  };
}

/** Options for `getText`: pages joined with nothing but the library's own blank line. */
export const GET_TEXT_OPTIONS = { pageJoiner: '' };
