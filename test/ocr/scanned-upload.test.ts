// Scanned resumes through the real server and the production extraction pool: an image-only PDF made
// with pdftoppm + img2pdf from a real LiveCareer resume, a PDF whose first page has a text layer and
// whose second is a scan, and the second page as PNG, TIFF (CCITT G4) and JPEG. OCR=off restores the
// answers from before OCR: 422 NO_TEXT for the scan, 415 for images.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

const ORIGINAL = join(FIXTURES, 'livecareer-front-desk-clerk.pdf');
const SCANNED = join(FIXTURES, 'scanned-front-desk-clerk.pdf');
const MIXED = join(FIXTURES, 'mixed-text-and-scan.pdf');
const PAGE_TWO = {
  png: join(FIXTURES, 'scanned-front-desk-clerk-p2.png'),
  tiff: join(FIXTURES, 'scanned-front-desk-clerk-p2.tif'),
  jpeg: join(FIXTURES, 'scanned-front-desk-clerk-p2-top.jpg'),
};
const OCR_TEST_MS = 300_000;
// Behaviour, not speed, is tested here (hostile-scans.test.ts holds the deadlines): the budgets are wide
// so a machine shared by many test runs still reads the scans.
const WIDE_BUDGETS = { PARSE_TIMEOUT_MS: 120_000, OCR_TIMEOUT_MS: 240_000 };

interface Warning {
  code: string;
  message: string;
}
interface Doc {
  format: string;
  pages?: number;
  text: string;
  warnings: Warning[];
  bullets: Array<{ text: string; start: number; end: number }>;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z]{3,}/g) ?? [];
}

/** Share of the reference's words (with multiplicity) that the candidate also has. */
function wordRecall(reference: string, candidate: string): number {
  const have = new Map<string, number>();
  for (const w of words(candidate)) have.set(w, (have.get(w) ?? 0) + 1);
  const ref = words(reference);
  let hit = 0;
  for (const w of ref) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      hit += 1;
      have.set(w, n - 1);
    }
  }
  return hit / ref.length;
}

function ocrWarning(doc: Doc): Warning | undefined {
  return doc.warnings.find((w) => w.code === 'OCR_USED');
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer(WIDE_BUDGETS, { extractor: 'pool' });
});
afterAll(async () => server.close());

describe('scanned PDF', () => {
  it(
    'analyses a two-page scan: 200 with competencies, gap report, rewrites and OCR_USED',
    async () => {
      const res = await request(server.url).post('/v1/analyses').attach('resume', SCANNED, 'scan.pdf');
      expect(res.status).toBe(200);
      const doc = res.body.document as Doc;
      expect(doc.format).toBe('pdf');
      expect(doc.pages).toBe(2);
      expect(ocrWarning(doc)?.message).toMatch(/^2 pages had no text layer and were read by OCR \(mean confidence \d+\/100\)/);
      expect(doc.text).toContain('Answered multiline phones.');
      for (const b of doc.bullets) expect(doc.text.slice(b.start, b.end)).toBe(b.text);
      const found = (res.body.competencies as Array<{ level: string; evidence: Array<{ quote: string; start: number; end: number }> }>)
        .filter((c) => c.level !== 'none');
      expect(found.length).toBeGreaterThan(3);
      for (const c of found) for (const e of c.evidence) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
      expect(res.body.gapReport.targetRole.id).toBe('project-coordinator');
      expect(res.body.rewrites.length).toBeGreaterThan(0);

      const original = await request(server.url).post('/v1/documents').attach('resume', ORIGINAL, 'original.pdf');
      expect(original.status).toBe(200);
      expect(ocrWarning(original.body as Doc)).toBeUndefined();
      expect(wordRecall((original.body as Doc).text, doc.text)).toBeGreaterThan(0.95);
    },
    OCR_TEST_MS,
  );

  it(
    'keeps the text layer of a text page and reads only the scanned page of a mixed PDF',
    async () => {
      const res = await request(server.url).post('/v1/documents').attach('resume', MIXED, 'mixed.pdf');
      expect(res.status).toBe(200);
      const doc = res.body as Doc;
      expect(doc.pages).toBe(2);
      expect(ocrWarning(doc)?.message).toMatch(/^1 page had no text layer/);
      const original = (await request(server.url).post('/v1/documents').attach('resume', ORIGINAL, 'o.pdf')).body as Doc;
      // Page one comes from the text layer, character for character, up to where page two begins.
      const pageOneEnd = original.text.indexOf('Arranged 30 interviews');
      expect(pageOneEnd).toBeGreaterThan(1000);
      expect(doc.text.startsWith(original.text.slice(0, pageOneEnd).trimEnd())).toBe(true);
      expect(doc.text).toContain('Answered multiline phones.');
    },
    OCR_TEST_MS,
  );
});

describe('image uploads', () => {
  it.each(Object.entries(PAGE_TWO))(
    'reads a %s scan of a page',
    async (kind, file) => {
      const res = await request(server.url).post('/v1/documents').attach('resume', readFileSync(file), 'upload.bin');
      expect(res.status, kind).toBe(200);
      const doc = res.body as Doc;
      expect(doc.format).toBe('image');
      expect(doc.pages).toBe(1);
      expect(ocrWarning(doc)?.message).toMatch(/^1 page had no text layer/);
      expect(doc.text).toMatch(/Arranged 30 interviews for office supervisor per week/);
    },
    OCR_TEST_MS,
  );
});

describe('OCR=off', () => {
  let off: TestServer;
  beforeAll(async () => {
    off = await startServer({ ...WIDE_BUDGETS, OCR: 'off' }, { extractor: 'pool' });
  });
  afterAll(async () => off.close());

  it('answers 422 NO_TEXT for a scanned PDF, as before OCR', async () => {
    const res = await request(off.url).post('/v1/documents').attach('resume', SCANNED, 'scan.pdf');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NO_TEXT');
  }, OCR_TEST_MS);

  it('answers 415 for an image, as before OCR', async () => {
    const res = await request(off.url).post('/v1/documents').attach('resume', PAGE_TWO.png, 'page.png');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  }, OCR_TEST_MS);
});
