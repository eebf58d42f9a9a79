// CORS from the CORS_ORIGINS allow-list (preflights pass without a key, refusals stay readable by the
// allowed origin), and the security headers, with Swagger UI still loadable under its CSP.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

const ALLOWED = 'https://coach.example';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ CORS_ORIGINS: [ALLOWED, 'http://localhost:5173'], API_KEYS: ['cors-key-123456'] });
});
afterAll(async () => server.close());

describe('CORS', () => {
  it('answers a preflight from an allowed origin, without asking for a key', async () => {
    const res = await request(server.url)
      .options('/v1/documents')
      .set('origin', ALLOWED)
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization,content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-allow-methods']).toContain('POST');
    expect(res.headers['access-control-allow-headers']?.toLowerCase()).toContain('authorization');
  });

  it('gives no CORS grant to an origin outside the list', async () => {
    const res = await request(server.url)
      .options('/v1/documents')
      .set('origin', 'https://evil.example')
      .set('access-control-request-method', 'POST');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const get = await request(server.url).get('/healthz').set('origin', 'https://evil.example');
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the allowed origin read refusals and their headers', async () => {
    const res = await request(server.url).post('/v1/documents').set('origin', ALLOWED).send({ text: 'x' });
    expect(res.status).toBe(401);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-expose-headers']).toContain('Retry-After');
  });
});

describe('security headers', () => {
  it('sets them on API answers', async () => {
    const res = await request(server.url).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('keeps Swagger UI loadable: every script and stylesheet is same-origin', async () => {
    const page = await request(server.url).get('/docs/').redirects(2);
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^https?:/);
      const res = await request(server.url).get(new URL(asset, `${server.url}/docs/`).pathname);
      expect(res.status, asset).toBe(200);
    }
    const init = await request(server.url).get('/docs/static/swagger-initializer.js');
    expect(init.status).toBe(200);
  });
});
