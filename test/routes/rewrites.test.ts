import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RewriteResponseSchema } from '../../src/schemas/rewrites.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

describe('POST /v1/rewrites', () => {
  it('rewrites each bullet in order with changes, slots and scores', async () => {
    const res = await request(server.url)
      .post('/v1/rewrites')
      .send({
        bullets: [
          'Responsible for handling escalated customer complaints and billing inquiries.',
          'Trained new hires on Salesforce and Zendesk, 3 per month',
          'Answered inbound calls',
          'Customer Service Agent',
        ],
        targetRole: 'project-coordinator',
      });
    expect(res.status).toBe(200);
    const body = RewriteResponseSchema.parse(res.body);
    expect(body.targetRole).toBe('project-coordinator');
    expect(body.rewrites.map((r) => r.bulletId)).toEqual(['b1', 'b2', 'b3']);
    const [complaints, training, calls] = body.rewrites;
    expect(complaints!.rewrite).toBe('Handled [N] client escalations and billing requests.');
    expect(complaints!.scoreAfter).toBeGreaterThan(complaints!.scoreBefore);
    expect(complaints!.changes.map((c) => c.rule)).toEqual(
      expect.arrayContaining(['weak-opener', 'term-map:complaints-to-escalations', 'term-map:inquiries-to-requests']),
    );
    expect(training!.rewrite).toBe('Onboarded and trained new hires on Salesforce and Zendesk, 3 per month.');
    expect(complaints!.competencyIds).toContain('conflict-resolution');
    expect(training!.competencyIds).toEqual(expect.arrayContaining(['leadership', 'tools-and-technology']));
    expect(calls!.rewrite).toBe('Answered [N] inbound calls.');
    expect(calls!.slots).toEqual([{ token: '[N]', question: 'How many calls did you handle per day?' }]);
    // A job title is a fact: not rewritten, reported with the reason, and the other ids keep their position.
    expect(body.rewriteSkipped).toEqual([{ bulletId: 'b4', reason: 'title' }]);
    expect(complaints!.alternatives.map((a) => a.framing)).toEqual(['own-terms', 'no-placeholders']);
    expect(complaints!.alternatives[0]!.rewrite).toBe('Handled [N] escalated customer complaints and billing inquiries.');
  });

  it('uses the present tense when asked (current role)', async () => {
    const res = await request(server.url)
      .post('/v1/rewrites')
      .send({ bullets: ['Scheduled and coordinated 12 training sessions', 'Planned and led seven recovery missions'], tense: 'present' });
    expect(res.status).toBe(200);
    expect(res.body.rewrites[0].rewrite).toBe('Schedule and coordinate 12 training sessions.');
    // Completed work stays in the past under the current role.
    expect(res.body.rewrites[1].rewrite).toBe('Planned and led seven recovery missions.');
  });

  it.each([
    ['no bullets', { bullets: [] }],
    ['more than 100 bullets', { bullets: Array.from({ length: 101 }, () => 'Answered calls') }],
    ['a bullet that is not a string', { bullets: [42] }],
    ['a bullet over 2000 characters', { bullets: ['x'.repeat(2001)] }],
    ['an unknown field', { bullets: ['Answered calls'], extra: true }],
    ['a bad tense', { bullets: ['Answered calls'], tense: 'future' }],
  ])('answers 400 INVALID_REQUEST for %s', async (_name, payload) => {
    const res = await request(server.url).post('/v1/rewrites').send(payload);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_REQUEST' });
  });

  it('answers 400 UNKNOWN_ROLE for a target role that is not in data/roles.yaml', async () => {
    const res = await request(server.url)
      .post('/v1/rewrites')
      .send({ bullets: ['Answered calls'], targetRole: 'astronaut' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'UNKNOWN_ROLE' });
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await request(server.url)
      .post('/v1/rewrites')
      .set('content-type', 'application/json')
      .send('{"bullets": [');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
  });

  it('accepts 100 bullets of hostile text and keeps every number', async () => {
    const bullets = Array.from({ length: 100 }, (_, i) => `RESPONSIBLE FOR ${i} 📞 CALLS — 顧客 ${i * 7}%`);
    const res = await request(server.url).post('/v1/rewrites').send({ bullets });
    expect(res.status).toBe(200);
    expect(res.body.rewrites).toHaveLength(100);
    res.body.rewrites.forEach((r: { rewrite: string }, i: number) => {
      expect(r.rewrite.match(/\d+/g)).toEqual([String(i), String(i * 7)]);
    });
  });
});

describe('rewrites[] of POST /v1/analyses', () => {
  it('rewrites every experience bullet, present tense under the current role', async () => {
    const text = [
      'Jane Doe',
      'Experience',
      'Customer Service Lead 03/2021 to Current Company Name City , State',
      'Responsible for handling escalated customer complaints and billing inquiries.',
      'Trained new hires on Salesforce, 3 per month.',
      'Cashier 01/2018 to 02/2021 Company Name City , State',
      'Helped customers select merchandise at the register.',
      'Education',
      'High School Diploma 2017',
    ].join('\n');
    const res = await request(server.url).post('/v1/analyses').send({ text });
    expect(res.status).toBe(200);
    const work = res.body.document.bullets.filter((b: { section: string }) => b.section === 'experience');
    expect(res.body.rewrites.map((r: { bulletId: string }) => r.bulletId)).toEqual(work.map((b: { id: string }) => b.id));
    expect(res.body.rewrites.map((r: { rewrite: string }) => r.rewrite)).toEqual([
      'Handle [N] client escalations and billing requests.',
      'Onboard and train new hires on Salesforce, 3 per month.',
      'Guided [N] customers to select merchandise at the register.',
    ]);
    expect(res.body.rewrites[0].competencyIds).toContain('conflict-resolution');
  });
});
