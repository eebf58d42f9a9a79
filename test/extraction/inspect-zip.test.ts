import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as gen from '../../bench/lib/generate-documents.js';
import { inspectDocxZip } from '../../src/extraction/inspect-zip.js';
import { SHARED_CORPUS } from '../helpers/corpus.js';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (err: { code?: string }) => err.code,
  );

describe('inspectDocxZip', () => {
  it('passes every real DOCX of the fixtures and the dev corpus', async () => {
    const dir = join(SHARED_CORPUS, 'dev-resumes', 'templates', 'soupboss');
    const files = [
      join(__dirname, '..', 'fixtures', 'office-coordinator-2.docx'),
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.docx'))
        .map((f) => join(dir, f)),
    ];
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(await codeOf(inspectDocxZip(readFileSync(f))), f).toBe('OK');
  });

  it('refuses a bomb that declares its real size, from the directory alone', async () => {
    expect(await codeOf(inspectDocxZip(gen.zipBombDocx(200, false)))).toBe('UNREADABLE_DOCUMENT');
  });

  it('refuses a bomb that lies about its size, by inflating no further than the declared size', async () => {
    // Declares 4 KB for 512 MB of spaces: the directory check passes, the streaming check stops it.
    expect(await codeOf(inspectDocxZip(gen.zipBombDocx(512, true)))).toBe('UNREADABLE_DOCUMENT');
  });

  it('still tells a zip that is not a DOCX apart', async () => {
    expect(await codeOf(inspectDocxZip(gen.buildZip([{ name: 'a.txt', data: Buffer.from('hello') }])))).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });
});
