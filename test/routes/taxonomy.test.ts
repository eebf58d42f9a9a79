import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

describe('GET /v1/taxonomy', () => {
  it('lists the 19 competencies with identifiers, links and pattern counts', async () => {
    const res = await request(server.url).get('/v1/taxonomy');
    expect(res.status).toBe(200);
    const md = readFileSync(join(SHARED_DIR, 'COMPETENCIES.md'), 'utf8');
    const ids = [...md.matchAll(/^\| ([a-z-]+) \|/gm)].map((m) => m[1]).filter((id) => id !== 'ID');
    expect(res.body.competencies.map((c: { id: string }) => c.id)).toEqual(ids);
    const communication = res.body.competencies[0];
    expect(communication).toMatchObject({
      id: 'communication',
      pmName: 'Stakeholder communication',
      talentTriangle: 'Power Skills',
      pmbokDomain: 'Stakeholders',
    });
    expect(communication.onet.skills).toContainEqual({
      id: '2.A.1.b',
      url: 'https://www.onetonline.org/find/descriptor/result/2.A.1.b',
    });
    expect(communication.onet.tasks).toContainEqual({ occupation: '43-4051.00', taskId: '18565' });
    expect(communication.esco[0]).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\//);
    for (const c of res.body.competencies) {
      expect(c.patternCount).toBe(c.patterns.length);
      expect(c.phraseCount).toBeGreaterThanOrEqual(c.patternCount);
    }
  });
});
