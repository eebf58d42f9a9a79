import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { REQUIRED_ROLE_IDS } from '../helpers/competency-ids.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

describe('GET /v1/roles', () => {
  it('lists every profile with its O*NET code', async () => {
    const res = await request(server.url).get('/v1/roles');
    expect(res.status).toBe(200);
    const ids = res.body.roles.map((r: { id: string }) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining(REQUIRED_ROLE_IDS),
    );
    expect(res.body.roles.find((r: { id: string }) => r.id === 'project-manager')).toMatchObject({
      title: 'Project Manager',
      onetCode: '13-1082.00',
    });
  });
});

describe('GET /v1/roles/{id}', () => {
  it('returns one profile with requirements, credentials and next steps resolved', async () => {
    const res = await request(server.url).get('/v1/roles/project-manager');
    expect(res.status).toBe(200);
    expect(res.body.onet.code).toBe('13-1082.00');
    expect(res.body.esco[0].uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/occupation\//);
    expect(res.body.requirements).toContainEqual({
      competencyId: 'project-delivery',
      level: 'strong',
      weight: 3,
    });
    const pmp = res.body.credentials.find((c: { id: string }) => c.id === 'pmp');
    expect(pmp.eligibility.paths).toContainEqual({ degree: 'bachelor', monthsLeadingProjects: 36 });
    expect(res.body.nextSteps.map((s: { id: string }) => s.id)).toContain('volunteer-project');
  });

  it('answers 404 NOT_FOUND in the shared error shape for an unknown role', async () => {
    const res = await request(server.url).get('/v1/roles/astronaut');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(res.body.message).toMatch(/astronaut/);
  });
});
