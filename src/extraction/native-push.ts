// pdfjs-dist's legacy build (loaded by pdf-parse) bundles core-js, which on Node 20 judges V8's
// Array.prototype.push non-compliant for array-likes near 2^32 elements and replaces it process-wide
// with a JavaScript polyfill: about 8x slower per call, and pdf.js pushes on every text item (13% of an
// extraction child's CPU in a profile). This module is imported before the parsers, so it holds the
// engine's own push; `restoreNativePush` puts it back once they are loaded, and again after pdf.js has
// loaded its worker bundle (a second core-js copy) on the first document. Nothing here or in the
// parsers relies on the polyfill's edge cases (arrays of 2^32 elements, non-writable lengths).
export const NATIVE_PUSH = Array.prototype.push;

export function restoreNativePush(): void {
  if (Array.prototype.push !== NATIVE_PUSH) {
    Object.defineProperty(Array.prototype, 'push', { value: NATIVE_PUSH, writable: true, configurable: true });
  }
}
