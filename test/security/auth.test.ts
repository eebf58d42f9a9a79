// API keys: every /v1 route (whatever it is) needs a valid key; the refusal comes before the body is
// read; health, readiness, metrics and docs stay open; without API_KEYS nothing is asked.
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

const TEXT = { text: 'Customer service lead who scheduled weekly stakeholder updates and trained new hires.' };
const KEYS = ['alpha-0123456789abcdef', 'beta-fedcba9876543210'];

describe('with API_KEYS set', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ API_KEYS: KEYS });
  });
  afterAll(async () => server.close());

  it('refuses a /v1 request without a key with 401 UNAUTHORIZED in the error shape', async () => {
    const res = await request(server.url).post('/v1/documents').send(TEXT);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      error: 'Unauthorized',
      message: 'A valid API key is required',
    });
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it.each([
    ['a wrong bearer key', { authorization: 'Bearer alpha-0123456789abcdeX' }],
    ['a prefix of a key', { authorization: 'Bearer alpha' }],
    ['a key with a suffix', { authorization: `Bearer ${KEYS[0]}x` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['basic auth', { authorization: `Basic ${Buffer.from(`x:${KEYS[0]}`).toString('base64')}` }],
    ['a wrong X-API-Key', { 'x-api-key': 'nope' }],
  ])('refuses %s', async (_name, headers) => {
    const res = await request(server.url).post('/v1/documents').set(headers).send(TEXT);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHORIZED');
  });

  it('accepts either key as a bearer token or as X-API-Key', async () => {
    const bearer = await request(server.url)
      .post('/v1/documents')
      .set('authorization', `Bearer ${KEYS[1]}`)
      .send(TEXT);
    expect(bearer.status).toBe(200);
    const header = await request(server.url).post('/v1/documents').set('x-api-key', KEYS[0]!).send(TEXT);
    expect(header.status).toBe(200);
  });

  it('covers every /v1 route by prefix, including GET routes and unknown paths', async () => {
    for (const path of ['/v1/taxonomy', '/v1/roles', '/v1/no-such-route', '/%761/taxonomy', '/v1/%74axonomy']) {
      const res = await request(server.url).get(path);
      expect(res.status, path).toBe(401);
    }
    // Other spellings of a /v1 path are refused (401, or 400 from the static files plugin) or not
    // found; never served.
    for (const path of ['/v1//taxonomy', '/V1/taxonomy', '/x/../v1/taxonomy', '/docs/static/../../v1/taxonomy']) {
      const res = await request(server.url).get(path);
      expect([400, 401, 404], path).toContain(res.status);
    }
    const ok = await request(server.url).get('/v1/taxonomy').set('x-api-key', KEYS[0]!);
    expect(ok.status).toBe(200);
  });

  it('leaves health, readiness, metrics and docs open', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics', '/docs/json']) {
      const res = await request(server.url).get(path);
      expect(res.status, path).toBe(200);
    }
  });

  it('answers 401 before reading the body', async () => {
    // Announce 5 MB and send none of it: the answer must still come.
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v1/documents',
          headers: { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.flushHeaders();
      setTimeout(() => reject(new Error('no answer without a body')), 5_000).unref();
    });
    expect(status).toBe(401);
  });
});

describe('without API_KEYS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ API_KEYS: [] });
  });
  afterAll(async () => server.close());

  it('asks for no key', async () => {
    const res = await request(server.url).post('/v1/documents').send(TEXT);
    expect(res.status).toBe(200);
  });
});
