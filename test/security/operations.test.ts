// Pressure and observability over HTTP with the real pool: past the queue 503 OVERLOADED with
// Retry-After, /readyz unready while the queue is more than half full, and /metrics exposing request
// duration by route and status, parse duration by format, errors by code and the queue depth.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressureReason } from '../../src/plugins/availability.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { resumeLines, textExplosionPdf, textPdf } from '../../bench/lib/generate-documents.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer(
    { POOL_SIZE: 1, POOL_QUEUE_MAX: 2, PARSE_TIMEOUT_MS: 2_000 },
    { extractor: 'pool' },
  );
});
afterAll(async () => server.close());

const resume = textPdf(resumeLines());
const slow = textExplosionPdf(1_000_000);
const post = (file: Buffer) => request(server.url).post('/v1/documents').attach('resume', file, 'r.pdf');

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

describe('under pressure', () => {
  it('turns unready, then refuses past the queue with 503 OVERLOADED and Retry-After', async () => {
    expect((await post(resume)).status).toBe(200);
    expect((await request(server.url).get('/readyz')).body).toEqual({ status: 'ready' });

    const busy = post(slow).then((r) => r);
    const metric = async (line: string) => (await request(server.url).get('/metrics')).text.includes(line);
    await until(() => metric('skillbridge_extraction_busy_children 1'));
    const queued = [post(resume).then((r) => r), post(resume).then((r) => r)];
    await until(() => metric('skillbridge_extraction_queue_depth 2'));
    const ready = await request(server.url).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unready', reason: 'extraction queue 2/2' });
    expect((await request(server.url).get('/metrics')).text).toContain('skillbridge_extraction_queue_depth 2');

    const refused = await post(resume);
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('OVERLOADED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    expect((await busy).body.code).toBe('EXTRACTION_TIMEOUT');
    for (const r of await Promise.all(queued)) expect(r.status).toBe(200);
    expect((await request(server.url).get('/readyz')).status).toBe(200);
  }, 60_000);

  it('exposes Prometheus metrics by route, status, format and code', async () => {
    const res = await request(server.url).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(text).toMatch(
      /skillbridge_http_request_duration_seconds_count\{method="POST",route="\/v1\/documents",status="200"\} [1-9]/,
    );
    expect(text).toMatch(/skillbridge_http_request_duration_seconds_count\{method="GET",route="\/readyz",status="503"\} [1-9]/);
    expect(text).toMatch(/skillbridge_parse_duration_seconds_count\{format="pdf",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/skillbridge_parse_duration_seconds_count\{format="pdf",outcome="EXTRACTION_TIMEOUT"\} 1/);
    expect(text).toMatch(/skillbridge_errors_total\{code="OVERLOADED",status="503"\} 1/);
    expect(text).toMatch(/skillbridge_errors_total\{code="EXTRACTION_TIMEOUT",status="422"\} 1/);
    expect(text).toContain('skillbridge_extraction_queue_depth 0');
    expect(text).toContain('skillbridge_process_resident_memory_bytes');
  });
});

describe('readiness rule', () => {
  const stats = { size: 2, busy: 0, warm: 2, queued: 0, queueMax: 32, spawned: 2, pids: [] };
  it('is ready with a warm child and a queue under half full', () => {
    expect(pressureReason(stats)).toBeUndefined();
    expect(pressureReason({ ...stats, warm: 1, busy: 2, queued: 15 })).toBeUndefined();
  });
  it('is unready while no child has loaded the parsers, or from half a queue', () => {
    expect(pressureReason({ ...stats, warm: 0 })).toBe('no extraction child is ready');
    expect(pressureReason({ ...stats, queued: 16 })).toBe('extraction queue 16/32');
  });
});
