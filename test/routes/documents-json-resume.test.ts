// POST /v1/documents as JSON Resume: real files through the real server, validated with the official
// schema package (@jsonresume/schema), and the same reading as the SkillBridge document.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_CORPUS } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

type Validate = (resume: unknown, callback: (errors: unknown, valid: boolean) => void) => void;
const { validate } = createRequire(import.meta.url)('@jsonresume/schema') as { validate: Validate };

function schemaErrors(resume: unknown): unknown {
  let out: unknown = 'not called';
  validate(resume, (errors) => {
    out = errors;
  });
  return out;
}

const DEV = join(SHARED_CORPUS, 'dev-resumes');
const FILES = [
  'templates/soupboss/01-Accountant.pdf',
  'templates/soupboss/01-Accountant.docx',
  'templates/resume-matcher/modern-single-column.pdf',
  'customer_service/HEALTHCARE_75744306.pdf',
  'project_management/INFORMATION-TECHNOLOGY_27485716.pdf',
];

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

describe('POST /v1/documents as JSON Resume', () => {
  it.each(FILES)('%s validates against the official schema and keeps the reading', async (file) => {
    const bytes = readFileSync(join(DEV, file));
    const res = await request(server.url).post('/v1/documents?format=jsonresume').attach('resume', bytes, 'resume');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/vnd\.jsonresume\+json/);
    expect(schemaErrors(res.body)).toBeNull();
    const doc = (await request(server.url).post('/v1/documents').attach('resume', bytes, 'resume')).body;
    const work = doc.roles.filter((r: { start: number }) => !doc.sections.some((s: { kind: string; start: number; end: number }) => s.kind === 'volunteer' && s.start <= r.start && r.start < s.end));
    expect(res.body.work).toHaveLength(work.length);
    expect(res.body.work.map((w: { position?: string }) => w.position ?? '')).toEqual(work.map((r: { title: string }) => r.title));
    expect(res.body.work.flatMap((w: { highlights: string[] }) => w.highlights).length).toBeGreaterThan(0);
  });

  it('answers JSON Resume for Accept: application/vnd.jsonresume+json, with contact and dates', async () => {
    const bytes = readFileSync(join(DEV, 'templates/soupboss/01-Accountant.pdf'));
    const res = await request(server.url)
      .post('/v1/documents')
      .set('Accept', 'application/vnd.jsonresume+json')
      .attach('resume', bytes, 'resume');
    expect(res.status).toBe(200);
    expect(schemaErrors(res.body)).toBeNull();
    expect(res.body.basics.name).toBe('Ebony Moore');
    expect(res.body.basics.email).toBe('emoore@email.com');
    expect(res.body.work[0]).toMatchObject({ name: 'Gilmore Financial', position: 'Certified Public Accountant', startDate: '2021-10' });
    expect(res.body.work[0].endDate).toBeUndefined();
    expect(res.body.certificates.map((c: { name: string }) => c.name)).toContain('Certified Public Accountant (CPA)');
  });

  it('refuses an unknown format with 400 INVALID_REQUEST', async () => {
    const res = await request(server.url).post('/v1/documents?format=pdf').send({ text: 'Experience\nAnswered calls all day long for customers of the bank.' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
  });
});
