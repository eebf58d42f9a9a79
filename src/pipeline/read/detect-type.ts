// Decides what a byte string is from its content alone: the client's Content-Type and file name are
// never consulted. Heuristic: magic numbers first (PDF anywhere in the first 1 KB, zip, OLE, images,
// executables, RTF, HTML), then text when the bytes decode cleanly. PNG, JPEG and TIFF are images a
// scanner or a phone produces: they are returned for OCR; other images stay refused. HTML is looked
// for anywhere in the first 1 KB, after a BOM and in UTF-16 too, and wins over a "%PDF-" that is not at
// byte 0: a page that quotes the PDF magic is still a page. Limits: a zip is only "probably DOCX" here;
// inspect-zip.ts confirms it from the central directory. A text resume that writes a tag such as
// "<script>" or "<html>" in its first 1 KB is refused as HTML.
import { appError } from '../../errors.js';

export type Detected =
  | { kind: 'pdf' }
  | { kind: 'zip' }
  | { kind: 'image'; name: string }
  | { kind: 'txt'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' };

const PDF_MAGIC = Buffer.from('%PDF-');
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// "EncryptionInfo" as UTF-16LE: the stream an encrypted OOXML file keeps inside its OLE container.
const OLE_ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

// Scans and phone photos of a resume: read by OCR (src/extraction/extract-text.ts).
const OCR_IMAGE_SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF image', [0x4d, 0x4d, 0x00, 0x2a]],
];

const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['BMP image', [0x42, 0x4d]],
  ['WebP or RIFF media', [0x52, 0x49, 0x46, 0x46]],
  ['Windows executable', [0x4d, 0x5a]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Mach-O executable', [0xcf, 0xfa, 0xed, 0xfe]],
  ['Mach-O executable', [0xfe, 0xed, 0xfa, 0xce]],
  ['gzip archive', [0x1f, 0x8b]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21]],
];

function startsWith(bytes: Uint8Array, sig: ArrayLike<number>): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

// Tags that only a markup document (or an attack on a viewer) carries; "<div>" in prose is left alone.
const HTML_TAG = /<(?:!doctype\s+html|html|head|body|script|meta|iframe|frameset|style|object|embed|base)[\s>/]/;

/** The first 1 KB as text, decoded by its BOM (UTF-16 either way) or as Latin-1, without the BOM. */
function headText(buf: Buffer): string {
  const head = buf.subarray(0, 1024);
  if (startsWith(head, [0xff, 0xfe])) return head.subarray(2).toString('utf16le');
  if (startsWith(head, [0xfe, 0xff])) {
    const body = Buffer.from(head.subarray(2, 2 + ((head.length - 2) & ~1)));
    return body.swap16().toString('utf16le');
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return head.subarray(3).toString('latin1');
  return head.toString('latin1');
}

function detectMarkup(head: string): string | undefined {
  const s = head.toLowerCase();
  const start = s.trimStart();
  if (start.startsWith('{\\rtf')) return 'RTF document';
  if (HTML_TAG.test(s)) return 'HTML document';
  if (start.startsWith('<?xml') || start.startsWith('<svg')) return 'XML document';
  return undefined;
}

export function detectType(bytes: Uint8Array): Detected {
  if (bytes.length === 0) throw appError('MISSING_RESUME', 'the file is empty');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pdfAt = buf.subarray(0, 1024).indexOf(PDF_MAGIC);
  if (pdfAt === 0) return { kind: 'pdf' };
  const markup = detectMarkup(headText(buf));
  if (markup) throw appError('UNSUPPORTED_MEDIA_TYPE', markup);
  if (pdfAt !== -1) return { kind: 'pdf' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'zip' };
  }
  if (startsWith(buf, OLE_MAGIC)) {
    if (buf.indexOf(OLE_ENCRYPTION_INFO) !== -1) throw appError('ENCRYPTED_DOCUMENT');
    throw appError('UNSUPPORTED_MEDIA_TYPE', 'legacy Word (.doc) or other OLE file; send PDF, DOCX or text');
  }
  if (startsWith(buf, [0xff, 0xfe])) return { kind: 'txt', encoding: 'utf-16le' };
  if (startsWith(buf, [0xfe, 0xff])) return { kind: 'txt', encoding: 'utf-16be' };
  for (const [name, sig] of OCR_IMAGE_SIGNATURES) {
    if (startsWith(buf, sig)) return { kind: 'image', name };
  }
  for (const [name, sig] of BINARY_SIGNATURES) {
    if (startsWith(buf, sig)) throw appError('UNSUPPORTED_MEDIA_TYPE', name);
  }
  return { kind: 'txt', encoding: 'utf-8' };
}
