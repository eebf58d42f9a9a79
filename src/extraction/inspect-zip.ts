// Reads a zip's central directory (never its contents) to confirm it is a DOCX and that it cannot
// expand beyond the limits: entry count and declared uncompressed sizes are checked before mammoth
// inflates anything. Limits: declared sizes can lie; the extraction child's memory cap and deadline
// stop those.
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
}
