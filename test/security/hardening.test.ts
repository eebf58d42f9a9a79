// Issue 12's attacks, each reproduced through the real server on loopback: field caps that hold for
// JSON and multipart alike, stalled bodies cut at the configured time, a JSON body limit of its own,
// an over-long multipart boundary, failed-authentication limits per address, HTML dressed as a PDF or
// text, duplicated fields, no-store caching, and framework-level errors in the API's shape.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_DEFINITIONS } from '../../src/errors.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { resumeLines } from '../../bench/lib/generate-documents.js';
import { rawRequest } from '../hostile/raw-http.js';

const RESUME = resumeLines().join('\n');
const KEY = 'hardening-test-key-0123456789';
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ API_KEYS: [KEY], REQUEST_TIMEOUT_MS: 1_500, AUTH_FAILURE_LIMIT: 5 });
});
afterAll(async () => server?.close());

const post = (url: string) => request(server.url).post(url).set('x-api-key', KEY);

function expectErrorShape(body: Record<string, unknown>, status: number, code: string): void {
  expect(body).toEqual({ statusCode: status, code, error: expect.any(String), message: expect.any(String) });
  expect(ERROR_DEFINITIONS[code as keyof typeof ERROR_DEFINITIONS]?.status).toBe(status);
}

describe('field caps are the same for JSON and multipart', () => {
  const longPosting = `Project coordinator wanted. ${'schedule stakeholders budget '.repeat(4_000)}`;
  it.each([
    ['jobDescription', longPosting.slice(0, 100_001)],
    ['targetRole', 'r'.repeat(101)],
  ])('%s over its cap is 400 INVALID_REQUEST either way', async (field, value) => {
    const json = await post('/v1/analyses').send({ text: RESUME, [field]: value });
    const form = await post('/v1/analyses').field('text', RESUME).field(field, value);
    for (const res of [json, form]) {
      expect(res.status).toBe(400);
      expectErrorShape(res.body, 400, 'INVALID_REQUEST');
      expect(res.body.message).toContain(field);
    }
  });

  it('a field sent twice in multipart is refused, not silently overwritten', async () => {
    const res = await post('/v1/analyses')
      .field('text', RESUME)
      .field('targetRole', 'astronaut')
      .field('targetRole', 'project-manager');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
    expect(res.body.message).toContain('targetRole');
  });
});

describe('request bodies', () => {
  it('a JSON body over MAX_JSON_BYTES is 413 before it is parsed, whatever the route', async () => {
    const bullets = Array.from({ length: 60 }, () => 'x'.repeat(20_000));
    const res = await post('/v1/rewrites').send({ bullets });
    expect(res.status).toBe(413);
    expectErrorShape(res.body, 413, 'FILE_TOO_LARGE');
    // 200k characters of resume text still fit.
    const fits = await post('/v1/documents').send({ text: `${RESUME}\n${'Handled customer calls. '.repeat(8_000)}` });
    expect(fits.status).toBe(200);
  });

  it('a multipart boundary longer than busboy takes is 400, not 500', async () => {
    const boundary = 'b'.repeat(300);
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n${RESUME}\r\n--${boundary}--\r\n`;
    const res = await post('/v1/documents').set('content-type', `multipart/form-data; boundary=${boundary}`).send(body);
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 400, 'INVALID_REQUEST');
  });
});

describe('slow clients are cut at the configured time', () => {
  it('sets every server timeout and a connection cap explicitly', () => {
    const s = server.app.server;
    expect(s.requestTimeout).toBe(1_500);
    expect(s.headersTimeout).toBeLessThanOrEqual(1_500);
    expect(s.headersTimeout).toBeGreaterThan(0);
    expect(s.keepAliveTimeout).toBeGreaterThan(0);
    expect(s.keepAliveTimeout).toBeLessThan(s.headersTimeout);
    expect(s.maxConnections).toBeGreaterThan(0);
  });

  const head = (type: string, extra = '') =>
    `POST /v1/documents HTTP/1.1\r\nHost: x\r\nX-API-Key: ${KEY}\r\nContent-Type: ${type}\r\n${extra}\r\n`;
  it.each([
    ['JSON', [head('application/json', 'Content-Length: 5000\r\n'), '{"text": "Handled']],
    ['chunked', [head('application/json', 'Transfer-Encoding: chunked\r\n'), '10\r\n{"text": "Handle']],
    ['multipart', [head('multipart/form-data; boundary=xyz', 'Content-Length: 5000\r\n'), '--xyz\r\nContent-Disposition: form-data; name="text"\r\n\r\nHandled']],
    ['headers', ['POST /v1/documents HTTP/1.1\r\nHost: x\r\nX-Slow: ']],
  ])('a stalled %s is closed with 408 REQUEST_TIMEOUT near REQUEST_TIMEOUT_MS', async (_name, chunks) => {
    const res = await rawRequest(server.url, chunks as string[], 10_000);
    expect(res.ms).toBeLessThan(5_000);
    expect(res.status).toBe(408);
    expectErrorShape(JSON.parse(res.body), 408, 'REQUEST_TIMEOUT');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('framework errors answer in the API shape with the security headers', () => {
  it.each([
    ['a bad URL escape', () => rawRequest(server.url, [`GET /v1/roles/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-API-Key: ${KEY}\r\n\r\n`]), 400, 'INVALID_REQUEST'],
    ['an over-long URL', () => rawRequest(server.url, [`GET /v1/roles/${'r'.repeat(5_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-API-Key: ${KEY}\r\n\r\n`]), 414, 'URI_TOO_LONG'],
    ['oversized headers', () => rawRequest(server.url, [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'h'.repeat(20_000)}\r\n\r\n`]), 431, 'HEADERS_TOO_LARGE'],
  ])('%s', async (_name, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectErrorShape(JSON.parse(res.body), status, code);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(JSON.stringify(res.body)).not.toContain('FST_');
  });
});

describe('responses that carry resume data are not cached', () => {
  it('sets Cache-Control: no-store and Pragma: no-cache', async () => {
    const res = await post('/v1/documents').send({ text: RESUME });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.pragma).toBe('no-cache');
  });
});

describe('HTML is not a resume, however it is dressed', () => {
  const html = '<html><body><h1>Jordan</h1><p>Handled customer calls and scheduled projects.</p></body></html>';
  it.each([
    ['with %PDF- in its first KB', `<!DOCTYPE html>\n<!-- %PDF-1.7 -->\n${html}`],
    ['after a BOM', `\uFEFF${html}`],
    ['after text before its first tag', `Resume of Jordan\n${html}`],
    ['with a script tag', `Jordan\nHandled calls\n<script>alert(1)</script>\n${'Handled customer calls. '.repeat(10)}`],
  ])('HTML %s is 415', async (_name, content) => {
    const res = await post('/v1/documents').attach('resume', Buffer.from(content), 'resume.pdf');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
  it('a resume that mentions a tag in its prose is still text', async () => {
    const text = `${RESUME}\nBuilt pages with <div> layouts and a < b comparisons.`;
    const res = await post('/v1/documents').attach('resume', Buffer.from(text), 'resume.txt');
    expect(res.status).toBe(200);
  });
});

describe('failed authentications are limited per client address', () => {
  it('answers 429 RATE_LIMITED with Retry-After once AUTH_FAILURE_LIMIT wrong keys were tried', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await request(server.url).post('/v1/documents').set('x-api-key', `guess-${i}`).send({ text: 'x' });
      statuses.push(res.status);
      if (res.status === 429) {
        expectErrorShape(res.body, 429, 'RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // The address stays blocked for the window, valid key or not: a lucky guess must not be confirmed.
    const valid = await post('/v1/documents').send({ text: RESUME });
    expect(valid.status).toBe(429);
    // Open routes are not affected.
    expect((await request(server.url).get('/healthz')).status).toBe(200);
  });
});
