// The child-process pool on its own: codes cross the process boundary, a parse past its deadline is
// killed (EXTRACTION_TIMEOUT), a crashed child answers UNREADABLE_DOCUMENT, the queue is bounded
// (OVERLOADED), and in every case a fresh child takes the next document.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import { createPoolExtractor, type PoolExtractor } from '../../src/extraction/pool.js';
import { resumeLines, textExplosionPdf, textPdf } from '../../bench/lib/generate-documents.js';
import { isRunning } from '../../bench/lib/proc.js';

const LIMITS = { maxPages: 20, maxTextChars: 200_000 };
const resume = textPdf(resumeLines());
const slow = textExplosionPdf(1_000_000);


async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (err) {
    expect(isAppError(err)).toBe(true);
    return (err as { code: string }).code;
  }
}

async function waitFor(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

// Children load through tsx here (1-8 s each on a busy machine), hence the generous timeouts.
describe('extraction pool', { timeout: 90_000 }, () => {
  let pool: PoolExtractor;
  beforeAll(() => {
    pool = createPoolExtractor({
      size: 1,
      queueMax: 1,
      timeoutMs: 1_500,
      heapMb: 256,
      semiSpaceMb: 8,
      rssMb: 1024,
      recycleRssMb: 0,
      recycleAfter: 3,
      limits: LIMITS,
    });
  });
  afterAll(async () => pool.close());

  it('parses in a child and carries refusal codes back as AppErrors', async () => {
    const raw = await pool.extract('pdf', resume);
    expect(raw.text).toContain('Customer Service Representative');
    const pid = pool.stats().pids[0]!;
    expect(pid).not.toBe(process.pid);
    const err = await pool.extract('pdf', readFileSync('test/fixtures/password.pdf')).catch((e: unknown) => e);
    expect(isAppError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'ENCRYPTED_DOCUMENT', statusCode: 422 });
    // A refused document retires its child.
    await waitFor(() => !isRunning(pid));
    expect(isRunning(pid)).toBe(false);
    expect((await pool.extract('pdf', resume)).text).toContain('Acme Retail');
  });

  it.runIf(process.platform === 'linux')('starts each child with the heap cap and the semi-space size', async () => {
    await pool.extract('pdf', resume);
    const argv = readFileSync(`/proc/${pool.stats().pids[0]!}/cmdline`, 'latin1').split('\0');
    expect(argv).toContain('--max-old-space-size=256');
    expect(argv).toContain('--max-semi-space-size=8');
  });

  it('kills a parse past its deadline with EXTRACTION_TIMEOUT and heals', async () => {
    await pool.extract('pdf', resume);
    const pid = pool.stats().pids[0]!;
    const started = Date.now();
    expect(await codeOf(pool.extract('pdf', slow))).toBe('EXTRACTION_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1_500 + 8_000);
    await waitFor(() => !isRunning(pid));
    expect(isRunning(pid)).toBe(false);
    expect((await pool.extract('pdf', resume)).text).toContain('Acme Retail');
  });

  it('answers UNREADABLE_DOCUMENT when the child dies mid-parse twice (one retry) and heals', async () => {
    await pool.extract('pdf', resume);
    const pid = pool.stats().pids[0]!;
    const pending = codeOf(pool.extract('pdf', slow));
    await waitFor(() => pool.stats().busy === 1);
    await new Promise((r) => setTimeout(r, 200));
    process.kill(pid, 'SIGKILL');
    // The document is retried once on a fresh child; that child dies too.
    await waitFor(() => pool.stats().busy === 1 && pool.stats().pids[0] !== pid, 60_000);
    await new Promise((r) => setTimeout(r, 200));
    process.kill(pool.stats().pids[0]!, 'SIGKILL');
    expect(await pending).toBe('UNREADABLE_DOCUMENT');
    expect((await pool.extract('pdf', resume)).text).toContain('Acme Retail');
  });

  it('queues up to queueMax and refuses past it with OVERLOADED', async () => {
    await pool.extract('pdf', resume);
    const first = codeOf(pool.extract('pdf', slow));
    const second = codeOf(pool.extract('pdf', resume));
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 1 });
    expect(await codeOf(pool.extract('pdf', resume))).toBe('OVERLOADED');
    expect(pool.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    expect(await first).toBe('EXTRACTION_TIMEOUT');
    expect(await second).toBe('OK');
  });

  it('replaces a child after recycleAfter documents', async () => {
    await pool.extract('docx', readFileSync('test/fixtures/office-coordinator-2.docx'));
    const spawned = pool.stats().spawned;
    for (let i = 0; i < 3; i++) await pool.extract('pdf', resume);
    expect(pool.stats().spawned).toBeGreaterThan(spawned);
  });

  it('replaces a child whose resident memory passed recycleRssMb, between documents', async () => {
    // A 1 MB soft cap: every child is past it after its first document (a warm child holds ~100 MB).
    const lean = createPoolExtractor({
      size: 1,
      queueMax: 4,
      timeoutMs: 5_000,
      heapMb: 256,
      semiSpaceMb: 8,
      rssMb: 1024,
      recycleRssMb: 1,
      recycleAfter: 1_000_000,
      limits: LIMITS,
    });
    try {
      // Three documents at once: the second and third wait in the queue for the replacements.
      const answers = await Promise.all([0, 1, 2].map(() => lean.extract('pdf', resume)));
      for (const raw of answers) expect(raw.text).toContain('Acme Retail');
      expect(lean.stats().spawned).toBe(4);
    } finally {
      await lean.close();
    }
  });

  it('refuses new work once closed, and leaves no child behind', async () => {
    const pids = pool.stats().pids;
    await pool.close();
    expect(await codeOf(pool.extract('pdf', resume))).toBe('SHUTTING_DOWN');
    await waitFor(() => pids.every((p) => !isRunning(p)));
    for (const p of pids) expect(isRunning(p)).toBe(false);
  });
});
