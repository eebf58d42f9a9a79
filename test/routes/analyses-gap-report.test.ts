import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, SHARED_CORPUS } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { REQUIRED_ROLE_IDS } from '../helpers/competency-ids.js';

// Real files: a LiveCareer front-desk clerk (customer service), a LiveCareer project manager, and a
// posting made of O*NET 13-1082.00's own description and task statements.
const CLERK = join(FIXTURES, 'livecareer-front-desk-clerk.pdf');
const PROJECT_MANAGER = join(SHARED_CORPUS, 'dev-resumes', 'project_management', 'HEALTHCARE_13575312.pdf');
const POSTING = join(FIXTURES, 'postings', 'onet-13-1082.00-project-management-specialists.txt');
const ROLE_IDS = REQUIRED_ROLE_IDS;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

const analyze = (file: string, fields: Record<string, string> = {}) => {
  let req = request(server.url).post('/v1/analyses').attach('resume', file);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req;
};

describe('POST /v1/analyses gapReport', () => {
  it('targets project-coordinator by default', async () => {
    const res = await analyze(CLERK);
    expect(res.status).toBe(200);
    expect(res.body.gapReport.targetRole).toEqual({
      id: 'project-coordinator',
      title: 'Project Coordinator',
      onetCode: '13-1082.00',
    });
    expect(res.body.gapReport.explanation).toContain(`${res.body.gapReport.readiness}% ready for Project Coordinator`);
    expect(res.body.gapReport.roleFit.map((r: { id: string }) => r.id).sort()).toEqual([...ROLE_IDS].sort());
    expect(res.body.gapReport.jobDescription).toBeUndefined();
  });

  it('answers 400 UNKNOWN_ROLE for a role that has no profile', async () => {
    const res = await request(server.url).post('/v1/analyses').send({ text: 'x'.repeat(10), targetRole: 'astronaut' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'UNKNOWN_ROLE' });
  });

  it.each(ROLE_IDS)('reports for %s', async (roleId) => {
    const res = await analyze(CLERK, { targetRole: roleId });
    expect(res.status).toBe(200);
    expect(res.body.gapReport.targetRole.id).toBe(roleId);
    for (const item of res.body.gapReport.items) expect(['strength', 'reframe', 'thin', 'gap']).toContain(item.status);
  });

  it('scores a real project manager well above a front-desk clerk for project-manager', async () => {
    const [pm, clerk] = await Promise.all([
      analyze(PROJECT_MANAGER, { targetRole: 'project-manager' }),
      analyze(CLERK, { targetRole: 'project-manager' }),
    ]);
    expect(pm.body.gapReport.readiness).toBeGreaterThan(clerk.body.gapReport.readiness + 25);
    const clerkPmp = clerk.body.gapReport.nextSteps.find((s: { id: string }) => s.id === 'pmp');
    if (clerkPmp) {
      expect(clerkPmp.eligible).toBe(false);
      const eligible = clerk.body.gapReport.nextSteps.filter((s: { eligible: boolean }) => s.eligible).length;
      expect(clerk.body.gapReport.nextSteps.indexOf(clerkPmp)).toBeGreaterThanOrEqual(eligible);
    }
  });

  it('compares the resume with a pasted job description', async () => {
    const posting = readFileSync(POSTING, 'utf8');
    const res = await request(server.url)
      .post('/v1/analyses')
      .send({ text: readFileSync(join(FIXTURES, 'sample-resume.txt'), 'utf8'), jobDescription: posting });
    expect(res.status).toBe(200);
    const jd = res.body.gapReport.jobDescription;
    expect(jd.competencies.map((c: { competencyId: string }) => c.competencyId)).toEqual(
      expect.arrayContaining(['planning-and-scheduling', 'budget-and-cost']),
    );
    expect(jd.coverage).toBeGreaterThanOrEqual(0);
    expect(jd.coverage).toBeLessThanOrEqual(100);
    expect(jd.items.length).toBe(jd.competencies.length);
  });

  it('reads the job description from a second file', async () => {
    const res = await request(server.url)
      .post('/v1/analyses')
      .attach('resume', CLERK)
      .attach('jobDescription', POSTING)
      .field('targetRole', 'project-manager');
    expect(res.status).toBe(200);
    expect(res.body.gapReport.targetRole.id).toBe('project-manager');
    expect(res.body.gapReport.jobDescription.competencies.length).toBeGreaterThan(3);
    expect(res.body.gapReport.jobDescription.missingTerms.length).toBeGreaterThan(0);
  });

  it('refuses a job description sent both as a file and as text', async () => {
    const res = await request(server.url)
      .post('/v1/analyses')
      .attach('resume', CLERK)
      .attach('jobDescription', POSTING)
      .field('jobDescription', 'Project coordinator wanted');
    expect(res.status).toBe(400);
  });
});
