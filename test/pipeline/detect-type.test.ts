import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/pipeline/read/decode-text.js';
import { detectType } from '../../src/pipeline/read/detect-type.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe('detectType', () => {
  it.each([
    ['PDF at offset 0', Buffer.from('%PDF-1.7\n...'), 'pdf'],
    ['PDF after junk within the first KB', Buffer.concat([Buffer.alloc(700, 32), Buffer.from('%PDF-1.4')]), 'pdf'],
    ['zip local header', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'zip'],
    ['UTF-8 text', Buffer.from('Jane Doe\nExperience'), 'txt'],
  ])('%s -> %s', (_name, bytes, kind) => {
    expect(detectType(bytes).kind).toBe(kind);
  });

  it.each([
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
    ['TIFF little-endian', Buffer.from([0x49, 0x49, 0x2a, 0x00])],
    ['TIFF big-endian', Buffer.from([0x4d, 0x4d, 0x00, 0x2a])],
  ])('hands a %s scan to OCR', (_name, bytes) => {
    expect(detectType(bytes).kind).toBe('image');
  });

  it('does not look for %PDF- past the first KB', () => {
    const bytes = Buffer.concat([Buffer.alloc(1100, 65), Buffer.from('%PDF-1.4')]);
    expect(detectType(bytes).kind).toBe('txt');
  });

  it.each([
    ['empty', Buffer.alloc(0), 'MISSING_RESUME'],
    ['HTML', Buffer.from('  <!DOCTYPE html><p>cv</p>'), 'UNSUPPORTED_MEDIA_TYPE'],
    ['RTF', Buffer.from('{\\rtf1\\ansi resume}'), 'UNSUPPORTED_MEDIA_TYPE'],
    ['GIF', Buffer.from('GIF89a'), 'UNSUPPORTED_MEDIA_TYPE'],
    ['ELF', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2]), 'UNSUPPORTED_MEDIA_TYPE'],
    ['Windows exe', Buffer.from('MZ\x90\x00'), 'UNSUPPORTED_MEDIA_TYPE'],
    ['legacy .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'encrypted OOXML in OLE',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('EncryptionInfo', 'utf16le')]),
      'ENCRYPTED_DOCUMENT',
    ],
  ])('refuses %s with %s', (_name, bytes, code) => {
    expect(codeOf(() => detectType(bytes))).toBe(code);
  });
});

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFJane', 'utf8'), 'utf-8')).toBe('Jane');
  });
  it('decodes UTF-16 LE and BE with BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Café', 'utf16le')]), 'utf-16le')).toBe('Café');
    const be = Buffer.from('Café', 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be')).toBe('Café');
  });
  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x41, 0x94]), 'utf-8')).toBe('Café “A”');
  });
  it('refuses binary content', () => {
    expect(codeOf(() => decodeText(Buffer.from([0x41, 0, 0x42, 0]), 'utf-8'))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(codeOf(() => decodeText(Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f'.repeat(5)), 'utf-8'))).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });
});
