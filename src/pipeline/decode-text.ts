// Turns the bytes of a plain-text upload into a string. UTF-8 with or without BOM, UTF-16 with BOM;
// bytes that are not valid UTF-8 fall back to Windows-1252, the usual encoding of old exports.
// Binary content (NUL bytes, many control characters) is refused rather than analyzed as gibberish.
import { appError } from '../errors.js';
import type { Detected } from './detect-type.js';

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
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  } else {
    text = new TextDecoder(encoding).decode(bytes);
  }
  if (countControls(text) > Math.max(8, text.length * 0.01)) {
    throw appError('UNSUPPORTED_MEDIA_TYPE', 'binary data');
  }
  return text;
}
