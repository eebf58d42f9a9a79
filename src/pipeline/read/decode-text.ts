// Turns the bytes of a plain-text upload into a string. UTF-8 with or without BOM, UTF-16 with BOM;
// bytes that are not valid UTF-8 fall back to Windows-1252, the usual encoding of old exports.
// Binary content (NUL bytes, many control characters) is refused rather than analyzed as gibberish.
import { appError } from '../../errors.js';
import type { Detected } from './detect-type.js';

/** Windows-1252 characters for bytes 0x80-0x9F (the rest of the code page is Latin-1). Node's own
 * 'windows-1252' decoder maps these bytes to C1 controls instead. */
export const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) n++;
  }
  return n;
}

export function decodeText(
  bytes: Uint8Array,
  encoding: Extract<Detected, { kind: 'txt' }>['encoding'],
): string {
  let text: string;
  if (encoding === 'utf-8') {
    if (bytes.indexOf(0) !== -1) throw appError('UNSUPPORTED_MEDIA_TYPE', 'binary data');
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  } else {
    text = new TextDecoder(encoding).decode(bytes);
  }
  if (countControls(text) > Math.max(8, text.length * 0.01)) {
    throw appError('UNSUPPORTED_MEDIA_TYPE', 'binary data');
  }
  return text;
}
