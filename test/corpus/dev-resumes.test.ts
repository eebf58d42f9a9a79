// Every resume of ../shared/corpus/dev-resumes through the real HTTP server: 200, offsets that slice
// back to their text, and the section kinds a reader sees in the LiveCareer resumes.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusName, listFiles, SHARED_CORPUS } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

const DEV = join(SHARED_CORPUS, 'dev-resumes');
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

describe.skipIf(!existsSync(DEV))('dev-resumes corpus', () => {
  const files = existsSync(DEV) ? listFiles(DEV) : [];

  it.each(files.map((f) => [corpusName(f), f]))('%s', async (_name, file) => {
    const res = await request(server.url)
      .post('/v1/documents')
      .attach('resume', readFileSync(file), basename(file));
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.characters).toBe(doc.text.length);
    expect(doc.bullets.length).toBeGreaterThan(5);
    for (const b of doc.bullets) {
      expect(doc.text.slice(b.start, b.end)).toBe(b.text);
      expect(b.text.trim()).toBe(b.text);
      expect(b.text.length).toBeGreaterThan(0);
    }
    for (const r of doc.roles) {
      expect(r.start).toBeLessThan(r.end);
      expect(r.end).toBeLessThanOrEqual(doc.text.length);
      if (r.startDate) expect(r.startDate).toMatch(/^\d{4}(-\d{2})?$/);
      if (r.endDate) expect(r.endDate).toMatch(/^\d{4}(-\d{2})?$/);
      expect(r.current && r.endDate !== undefined).toBe(false);
    }
    expect(doc.text).not.toMatch(/Â|ï¬|\uFB01|\uFB02/);
    // LiveCareer resumes always carry an experience section whose roles carry dates, except the few
    // written with none (a title line over "Company Name - City , State"), which still have a title.
    if (/customer_service|bpo_call_center|project_management/.test(file)) {
      const kinds = new Set(doc.sections.map((s: { kind: string }) => s.kind));
      expect(kinds.has('experience')).toBe(true);
      expect(doc.roles.length).toBeGreaterThan(0);
      expect(doc.roles.every((r: { startDate?: string; title: string }) => r.startDate || r.title)).toBe(true);
      expect(doc.roles.filter((r: { startDate?: string }) => r.startDate).length).toBeGreaterThan(0);
    }
  });
});
