import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, SAMPLES } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ MAX_FILE_BYTES: 300_000 });
});
afterAll(async () => server.close());

function expectSlices(body: {
  text: string;
  sections: Array<{ start: number; end: number }>;
  bullets: Array<{ text: string; start: number; end: number }>;
  roles: Array<{ start: number; end: number }>;
}) {
  for (const b of body.bullets) expect(body.text.slice(b.start, b.end)).toBe(b.text);
  for (const s of [...body.sections, ...body.roles]) {
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(body.text.length);
  }
}

describe('POST /v1/documents', () => {
  it('reads a PDF upload into sections, roles and bullets', async () => {
    const res = await request(server.url)
      .post('/v1/documents')
      .attach('resume', join(FIXTURES, 'livecareer-front-desk-clerk.pdf'));
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('pdf');
    expect(res.body.pages).toBe(2);
    expect(res.body.characters).toBe(res.body.text.length);
    const kinds = res.body.sections.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['summary', 'skills', 'experience', 'education']));
    expect(res.body.roles[0]).toMatchObject({
      title: 'Front Desk Clerk (Fee Basis, John D Dingell Va Medical Center)',
      organization: 'Company Name',
      startDate: '2011-03',
      endDate: '2011-06',
      current: false,
    });
    expect(res.body.roles.some((r: { current: boolean }) => r.current)).toBe(true);
    expect(res.body.bullets.map((b: { text: string }) => b.text)).toContain('Monitored multiline phones');
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toContain('MOJIBAKE_REPAIRED');
    expect(res.body.text).not.toContain('Â');
    expectSlices(res.body);
  });

  it('decides the format from the bytes, not the file name or Content-Type', async () => {
    const res = await request(server.url)
      .post('/v1/documents')
      .attach('resume', join(FIXTURES, 'office-coordinator-2.docx'), {
        filename: 'resume.pdf',
        contentType: 'application/pdf',
      });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('docx');
    expect(res.body.roles.length).toBeGreaterThan(0);
    expectSlices(res.body);
  });

  it('accepts JSON text', async () => {
    const text = readFileSync(join(FIXTURES, 'sample-resume.txt'), 'utf8');
    const res = await request(server.url).post('/v1/documents').send({ text });
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('txt');
    expect(res.body.roles[0]).toMatchObject({
      title: 'Senior Software Engineer',
      organization: 'TechCorp Inc.',
      startDate: '2020',
      current: true,
    });
    expect(res.body.bullets[0].text).not.toMatch(/^[-•]/);
    expectSlices(res.body);
  });

  it('reads UTF-16 text with a BOM', async () => {
    const text = readFileSync(join(FIXTURES, 'sample-resume.txt'), 'utf8');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const res = await request(server.url).post('/v1/documents').attach('resume', bytes, 'resume.txt');
    expect(res.status).toBe(200);
    expect(res.body.format).toBe('txt');
    expect(res.body.text).toContain('Senior Software Engineer');
  });

  it('splits a two-column layout and says so', async () => {
    const res = await request(server.url)
      .post('/v1/documents')
      .attach('resume', join(SAMPLES, 'customer-service-representative.txt'));
    expect(res.status).toBe(200);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toContain('TWO_COLUMN_LAYOUT');
    expectSlices(res.body);
  });

  const errorCases: Array<[string, () => request.Test, number, string]> = [
    [
      'no body',
      () => request(server.url).post('/v1/documents').set('content-type', 'application/json'),
      400,
      'MISSING_RESUME',
    ],
    [
      'empty JSON text',
      () => request(server.url).post('/v1/documents').send({ text: '   ' }),
      400,
      'MISSING_RESUME',
    ],
    [
      'malformed JSON',
      () =>
        request(server.url).post('/v1/documents').set('content-type', 'application/json').send('{"text": '),
      400,
      'INVALID_REQUEST',
    ],
    [
      'unknown JSON field',
      () =>
        request(server.url)
          .post('/v1/documents')
          .send({ text: 'x'.repeat(100), extra: 1 }),
      400,
      'INVALID_REQUEST',
    ],
    [
      'multipart without resume',
      () => request(server.url).post('/v1/documents').field('note', 'hi'),
      400,
      'INVALID_REQUEST',
    ],
    [
      'empty file',
      () => request(server.url).post('/v1/documents').attach('resume', Buffer.alloc(0), 'empty.pdf'),
      400,
      'MISSING_RESUME',
    ],
    [
      'two resume files',
      () =>
        request(server.url)
          .post('/v1/documents')
          .attach('resume', join(FIXTURES, 'sample-resume.txt'))
          .attach('resume', join(FIXTURES, 'sample-resume.txt')),
      413,
      'TOO_MANY_FILES',
    ],
    [
      'file over the limit',
      () => request(server.url).post('/v1/documents').attach('resume', Buffer.alloc(400_000, 65), 'big.txt'),
      413,
      'FILE_TOO_LARGE',
    ],
    [
      'HTML named .pdf',
      () =>
        request(server.url)
          .post('/v1/documents')
          .attach('resume', Buffer.from('<!DOCTYPE html><html><body>Resume</body></html>'), 'cv.pdf'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      // PNG goes to OCR (test/ocr covers real scans); a cut-off header is unreadable, not unsupported.
      'truncated PNG image',
      () =>
        request(server.url)
          .post('/v1/documents')
          .attach('resume', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'cv.png'),
      422,
      'UNREADABLE_DOCUMENT',
    ],
    [
      'GIF image',
      () => request(server.url).post('/v1/documents').attach('resume', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'cv.gif'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'legacy .doc',
      () =>
        request(server.url)
          .post('/v1/documents')
          .attach(
            'resume',
            Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
            'cv.doc',
          ),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'zip that is not a DOCX',
      () => request(server.url).post('/v1/documents').attach('resume', join(FIXTURES, 'not-a-docx.zip')),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'junk starting with PK',
      () =>
        request(server.url)
          .post('/v1/documents')
          .attach('resume', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), 'x.docx'),
      422,
      'UNREADABLE_DOCUMENT',
    ],
    [
      'password-protected PDF',
      () => request(server.url).post('/v1/documents').attach('resume', join(FIXTURES, 'password.pdf')),
      422,
      'ENCRYPTED_DOCUMENT',
    ],
    [
      'truncated PDF',
      () =>
        request(server.url)
          .post('/v1/documents')
          .attach('resume', readFileSync(join(FIXTURES, 'two-column.pdf')).subarray(0, 2000), 'cut.pdf'),
      422,
      'UNREADABLE_DOCUMENT',
    ],
    [
      'too little text',
      () => request(server.url).post('/v1/documents').send({ text: 'Jane Doe' }),
      422,
      'NO_TEXT',
    ],
    [
      'text/plain body',
      () => request(server.url).post('/v1/documents').set('content-type', 'text/plain').send('hello'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ];
  it.each(errorCases)('%s -> %i %s', async (_name, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body).toEqual({
      statusCode: status,
      code,
      error: expect.any(String),
      message: expect.any(String),
    });
  });

  it('refuses PDFs over the page limit before extracting', async () => {
    const small = await startServer({ MAX_PAGES: 1 });
    try {
      const res = await request(small.url)
        .post('/v1/documents')
        .attach('resume', join(FIXTURES, 'livecareer-front-desk-clerk.pdf'));
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('TOO_MANY_PAGES');
    } finally {
      await small.close();
    }
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await request(server.url).get('/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
