// RATE_LIMIT_MAX requests a minute per key (per IP without keys) on /v1; past it 429 RATE_LIMITED in
// the error shape with the standard headers. Health and metrics are never limited.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

const TEXT = { text: 'Customer service lead who scheduled weekly stakeholder updates and trained new hires.' };

describe('rate limit per key', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ API_KEYS: ['key-one-abcdef', 'key-two-abcdef'], RATE_LIMIT_MAX: 3 });
  });
  afterAll(async () => server.close());

  it('answers 429 RATE_LIMITED with rate-limit headers past the budget, per key', async () => {
    const send = (key: string) => request(server.url).post('/v1/documents').set('x-api-key', key).send(TEXT);
    for (let i = 0; i < 3; i++) {
      const ok = await send('key-one-abcdef');
      expect(ok.status).toBe(200);
      expect(ok.headers['x-ratelimit-limit']).toBe('3');
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(2 - i));
    }
    const limited = await send('key-one-abcdef');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', error: 'Too Many Requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    // Another key has its own budget.
    expect((await send('key-two-abcdef')).status).toBe(200);
  });

  it('never limits health or metrics', async () => {
    for (let i = 0; i < 6; i++) {
      expect((await request(server.url).get('/healthz')).status).toBe(200);
    }
    expect((await request(server.url).get('/metrics')).status).toBe(200);
  });
});

describe('rate limit per IP without keys', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ API_KEYS: [], RATE_LIMIT_MAX: 2 });
  });
  afterAll(async () => server.close());

  it('counts every /v1 route against the same client', async () => {
    expect((await request(server.url).get('/v1/taxonomy')).status).toBe(200);
    expect((await request(server.url).post('/v1/documents').send(TEXT)).status).toBe(200);
    const limited = await request(server.url).get('/v1/roles');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
  });
});
