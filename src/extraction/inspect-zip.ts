// Reads a zip's central directory to confirm it is a DOCX and that it cannot expand beyond the limits:
// entry count and declared uncompressed sizes are checked first. Declared sizes can lie, so every
// entry is then inflated once as a stream (zlib off the event loop, nothing kept) and yauzl stops an
// entry at the first byte past its declared size: a lying bomb is refused after a few kilobytes,
// before mammoth sees it. The extraction child's memory cap and deadline remain the last line.
import yauzl from 'yauzl';
import { appError } from '../errors.js';

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxUncompressedBytes: 64 * 1024 * 1024 };

interface EntryInfo {
  name: string;
  size: number;
}

function listEntries(bytes: Uint8Array, limits: ZipLimits): Promise<EntryInfo[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) return reject(appError('UNREADABLE_DOCUMENT', 'corrupt zip container'));
        if (zip.entryCount > limits.maxEntries) {
          zip.close();
          return reject(appError('UNREADABLE_DOCUMENT', `the archive holds ${zip.entryCount} entries`));
        }
        const entries: EntryInfo[] = [];
        zip.on('entry', (entry: yauzl.Entry) => {
          entries.push({ name: entry.fileName, size: entry.uncompressedSize });
          zip.readEntry();
        });
        zip.on('end', () => resolve(entries));
        zip.on('error', () => reject(appError('UNREADABLE_DOCUMENT', 'corrupt zip container')));
        zip.readEntry();
      },
    );
  });
}

/** Throws UNSUPPORTED_MEDIA_TYPE for a zip that is not a DOCX, UNREADABLE_DOCUMENT for a corrupt or bomb one. */
export async function inspectDocxZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<void> {
  const entries = await listEntries(bytes, limits);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw appError('UNSUPPORTED_MEDIA_TYPE', 'a zip archive that is not a DOCX');
  }
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > limits.maxUncompressedBytes) {
    throw appError('UNREADABLE_DOCUMENT', 'the DOCX would expand beyond the size limit');
  }
  await inflateWithinDeclaredSizes(bytes);
}

/** Inflates every entry once, discarding the bytes; rejects when an entry inflates past its declared size. */
function inflateWithinDeclaredSizes(bytes: Uint8Array): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refuse = () => appError('UNREADABLE_DOCUMENT', 'the DOCX expands beyond its declared sizes or is corrupt');
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(refuse());
      const fail = () => {
        zip.close();
        reject(refuse());
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return fail();
          stream.on('error', fail);
          stream.on('end', () => zip.readEntry());
          stream.resume();
        });
      });
      zip.on('end', () => resolve());
      zip.on('error', fail);
      zip.readEntry();
    });
  });
}
