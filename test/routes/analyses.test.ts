import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

interface Body {
  taxonomyVersion: string;
  document: { text: string; bullets: Array<{ id: string }> };
  competencies: Array<{
    id: string;
    name: string;
    pmName: string;
    level: string;
    score: number;
    evidence: Array<{ quote: string; start: number; end: number; strength: string; patternId: string; bulletId?: string }>;
  }>;
}

function expectVerifiable(body: Body) {
  expect(body.competencies).toHaveLength(19);
  for (const c of body.competencies) {
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(100);
    expect(c.level === 'none').toBe(c.evidence.length === 0);
    for (const e of c.evidence) {
      expect(e.quote).toBe(body.document.text.slice(e.start, e.end));
      if (e.bulletId) expect(body.document.bullets.some((b) => b.id === e.bulletId)).toBe(true);
    }
  }
}

describe('POST /v1/analyses', () => {
  it('analyzes an uploaded PDF: every competency, verifiable evidence', async () => {
    const res = await request(server.url)
      .post('/v1/analyses')
      .attach('resume', join(SAMPLES, 'call-center-representative.pdf'));
    expect(res.status).toBe(200);
    const body = res.body as Body;
    expect(body.taxonomyVersion).toMatch(/\S/);
    expectVerifiable(body);
    const byId = new Map(body.competencies.map((c) => [c.id, c]));
    expect(byId.get('communication')!.evidence.some((e) => e.strength === 'strong')).toBe(true);
    expect(byId.get('communication')!.pmName).toBe('Stakeholder communication');
  });

  it('analyzes JSON text and answers byte-identical JSON for the same input', async () => {
    const text = readFileSync(join(SAMPLES, 'customer-service-representative.txt'), 'utf8');
    const a = await request(server.url).post('/v1/analyses').send({ text });
    const b = await request(server.url).post('/v1/analyses').send({ text });
    expect(a.status).toBe(200);
    expect(a.text).toBe(b.text);
    expectVerifiable(a.body as Body);
    const scored = (a.body as Body).competencies.filter((c) => c.score > 0).map((c) => c.id);
    expect(scored).toEqual(expect.arrayContaining(['communication', 'problem-solving', 'conflict-resolution']));
  });

  it('scores nothing for a resume with only job titles', async () => {
    const text =
      'Experience\nProject Manager 01/2020 to Current Company Name City , State\nTeam Lead 01/2015 to 12/2019 Company Name City , State\n';
    const res = await request(server.url).post('/v1/analyses').send({ text });
    expect(res.status).toBe(200);
    const body = res.body as Body;
    expect(body.competencies.filter((c) => c.score > 0).map((c) => c.id)).toEqual([]);
  });

  it('gives a resume that only denies budget and project work no budget or delivery evidence (issue 14 probe)', async () => {
    const res = await request(server.url)
      .post('/v1/analyses')
      .send({ text: 'Experience\nCustomer Service Representative 01/2020 to 12/2022 Telco City , State\nNever managed a budget.\nNo formal project experience.\n' });
    expect(res.status).toBe(200);
    const body = res.body as Body & { gapReport: { facts: { monthsLeadingProjects: number } } };
    expectVerifiable(body);
    const evidenceOf = (id: string) => body.competencies.find((c) => c.id === id)!.evidence;
    expect(evidenceOf('budget-and-cost')).toEqual([]);
    expect(evidenceOf('project-delivery')).toEqual([]);
    expect(body.gapReport.facts.monthsLeadingProjects).toBe(0);
    // Affirmed, the same lines are evidence: the probe can fail.
    const affirmed = await request(server.url)
      .post('/v1/analyses')
      .send({ text: 'Experience\nCustomer Service Representative 01/2020 to 12/2022 Telco City , State\nManaged a budget of $40K.\nManaged the migration project for 2,000 accounts.\n' });
    const a = affirmed.body as Body;
    expect(a.competencies.find((c) => c.id === 'budget-and-cost')!.evidence.length).toBeGreaterThan(0);
    expect(a.competencies.find((c) => c.id === 'project-delivery')!.evidence.length).toBeGreaterThan(0);
  });

  it('reports the same taxonomy version as GET /v1/taxonomy', async () => {
    const [analysis, taxonomy] = await Promise.all([
      request(server.url).post('/v1/analyses').send({ text: 'Experience\nAnswered customer inquiries by phone and resolved billing issues for members.' }),
      request(server.url).get('/v1/taxonomy'),
    ]);
    expect(analysis.body.taxonomyVersion).toBe(taxonomy.body.version);
  });

  it('answers 400 MISSING_RESUME without a resume', async () => {
    const res = await request(server.url).post('/v1/analyses').send({ text: '   ' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MISSING_RESUME');
  });
});
