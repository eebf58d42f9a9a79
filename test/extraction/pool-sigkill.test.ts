// SIGKILL of an extraction child in the middle of a document (issue 12): the request is retried once on
// a fresh child and answers 200 with the document, the pool heals (a new child, the old one gone), and
// the next documents read normally. A document that kills its child twice answers UNREADABLE_DOCUMENT.
// Real pool, real child processes, through the HTTP server.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolExtractor } from '../../src/extraction/pool.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { resumeLines, textPdf } from '../../bench/lib/generate-documents.js';
import { isRunning } from '../../bench/lib/proc.js';

let server: TestServer;
let pool: PoolExtractor;

beforeAll(async () => {
  server = await startServer({ POOL_SIZE: 1, PARSE_TIMEOUT_MS: 30_000 }, { extractor: 'pool' });
  pool = server.app.extractor as PoolExtractor;
});
afterAll(async () => server?.close());

async function untilWarm(): Promise<void> {
  const until = Date.now() + 60_000;
  while (pool.stats().warm < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}


// Long enough that the parse is still running when the test sees the child busy.
const lines = [...resumeLines('sigkill'), ...Array.from({ length: 4_000 }, (_, i) => `Handled customer call number ${i}`)];
const bigPdf = textPdf(lines);

/** Sends the PDF and SIGKILLs whichever child is parsing it, `kills` times. */
async function sendAndKill(kills: number): Promise<{ status: number; body: Record<string, unknown>; killed: number[] }> {
  await untilWarm();
  const killed: number[] = [];
  const pending = request(server.url).post('/v1/documents').attach('resume', bigPdf, 'big.pdf').then((r) => r);
  const until = Date.now() + 60_000;
  while (killed.length < kills && Date.now() < until) {
    const stats = pool.stats();
    const pid = stats.pids[0];
    if (stats.busy === 1 && pid !== undefined && !killed.includes(pid)) {
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    }
    await new Promise((r) => setImmediate(r));
  }
  const res = await pending;
  return { status: res.status, body: res.body, killed };
}

describe('SIGKILL of an extraction child mid-document', { timeout: 180_000 }, () => {
  it('retries the document once on a fresh child and the pool heals', async () => {
    const spawnedBefore = pool.stats().spawned;
    const { status, body, killed } = await sendAndKill(1);
    expect(killed).toHaveLength(1);
    expect(status).toBe(200);
    expect(String(body.text)).toContain('Handled customer call number 1');
    expect(pool.stats().spawned).toBeGreaterThan(spawnedBefore);
    await untilWarm();
    expect(pool.stats().pids).not.toContain(killed[0]);
    expect(isRunning(killed[0]!)).toBe(false);
    const next = await request(server.url).post('/v1/documents').attach('resume', textPdf(resumeLines()), 'ok.pdf');
    expect(next.status).toBe(200);
  });

  it('answers 422 UNREADABLE_DOCUMENT when the retry loses its child too, and still heals', async () => {
    const { status, body, killed } = await sendAndKill(2);
    expect(killed).toHaveLength(2);
    expect(status).toBe(422);
    expect(body.code).toBe('UNREADABLE_DOCUMENT');
    await untilWarm();
    expect(pool.stats().pids).toHaveLength(1);
    for (const pid of killed) expect(isRunning(pid)).toBe(false);
    const next = await request(server.url).post('/v1/documents').attach('resume', textPdf(resumeLines()), 'ok.pdf');
    expect(next.status).toBe(200);
  });
});
