// Faults a batch must survive, on a real Redis with real worker processes: a webhook receiver that
// fails twice, a worker SIGKILLed mid-batch, two API replicas and two workers, a Redis restart.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { startWorker, waitForBatch, type WorkerProcess } from '../helpers/batches.js';
import { FIXTURES, listFiles, SHARED_CORPUS } from '../helpers/corpus.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { startServer, type TestServer } from '../helpers/server.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const WEBHOOKS: Partial<Config> = {
  // Polling a batch for a minute on a loaded machine must not run into the per-minute request budget.
  RATE_LIMIT_MAX: 1_000_000,
  WEBHOOK_SECRET: SECRET,
  WEBHOOK_ALLOW_HTTP: true,
  WEBHOOK_ALLOW_PRIVATE: true,
  WEBHOOK_BACKOFF_MS: 200,
};
const PDFS = listFiles(join(SHARED_CORPUS, 'dev-resumes'), (p) => p.endsWith('.pdf'));
const TEXT = readFileSync(join(FIXTURES, 'sample-resume.txt'), 'utf8');

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A webhook receiver answering the given statuses in turn (then 200), recording every call. */
async function startReceiver(statuses: number[] = []): Promise<{ url: string; calls: Delivery[]; server: Server }> {
  const calls: Delivery[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const answered = statuses[calls.length] ?? 200;
      calls.push({ headers: req.headers, body, answered });
      res.statusCode = answered;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hooks/batches`, calls, server };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function uploadPdfs(files: string[], fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const file of files) form.append('resumes', new Blob([readFileSync(file)]), 'resume.pdf');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

async function expectEachItemOnce(base: string, id: string, total: number): Promise<void> {
  const res = (await (await fetch(`${base}/v1/batches/${id}/results`)).json()) as { items: { index: number }[] };
  expect(res.items.map((i) => i.index)).toEqual(Array.from({ length: total }, (_, i) => i));
}

describe.each([
  ['in-process queue', false],
  ['BullMQ on a real Redis', true],
])('webhook with the %s', (_name, useRedis) => {
  let redis: TestRedis | undefined;
  let server: TestServer;
  beforeAll(async () => {
    if (useRedis) redis = await startRedis();
    server = await startServer({ ...WEBHOOKS, ...(redis ? { REDIS_URL: redis.url } : {}) });
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('is delivered on the third attempt after 500, 500, with the same webhook-id and a valid signature', async () => {
    const receiver = await startReceiver([500, 500, 200]);
    try {
      const res = await fetch(`${server.url}/v1/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ text: TEXT }, { text: ' ' }], webhookUrl: receiver.url }),
      });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };
      await until(() => receiver.calls.length >= 3, 20_000, 'three webhook attempts');
      await new Promise((r) => setTimeout(r, 1_000));
      expect(receiver.calls.map((c) => c.answered)).toEqual([500, 500, 200]);
      const ids = new Set(receiver.calls.map((c) => c.headers['webhook-id']));
      expect(ids.size).toBe(1);
      const last = receiver.calls[2]!;
      const verified = new Webhook(SECRET).verify(last.body, last.headers as Record<string, string>);
      expect(verified).toEqual({
        type: 'batch.completed',
        data: { id, status: 'completed', total: 2, completed: 1, failed: 1 },
      });
      expect(() =>
        new Webhook('whsec_' + Buffer.from('another secret entirely').toString('base64')).verify(
          last.body,
          last.headers as Record<string, string>,
        ),
      ).toThrow();
    } finally {
      receiver.server.close();
    }
  });
});

describe('two API replicas and two worker processes on one Redis', () => {
  let redis: TestRedis;
  const replicas: TestServer[] = [];
  const workers: WorkerProcess[] = [];
  const stalledMs = 1_000;
  beforeAll(async () => {
    redis = await startRedis();
    const shared = { REDIS_URL: redis.url, BATCH_WORKER: false, ...WEBHOOKS };
    replicas.push(await startServer(shared), await startServer(shared));
    const env = {
      REDIS_URL: redis.url,
      WORKER_CONCURRENCY: '1',
      BATCH_STALLED_MS: String(stalledMs),
      WEBHOOK_SECRET: SECRET,
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    };
    workers.push(...(await Promise.all([startWorker(env), startWorker(env)])));
  }, 180_000);
  afterAll(async () => {
    for (const w of workers) await w.stop();
    for (const r of replicas) await r.close();
    await redis?.stop();
  });

  it('serves a batch made on one replica from the other', async () => {
    const [one, two] = replicas as [TestServer, TestServer];
    const res = await fetch(`${one.url}/v1/batches`, { method: 'POST', body: uploadPdfs(PDFS.slice(0, 4), { targetRole: 'project-coordinator' }) });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const done = await waitForBatch(two.url, id);
    expect(done).toMatchObject({ total: 4, completed: 4, failed: 0 });
    await expectEachItemOnce(two.url, id, 4);
    expect((await fetch(`${two.url}/v1/batches/${id}/ranking`)).status).toBe(200);
    expect((await fetch(`${two.url}/v1/batches/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${one.url}/v1/batches/${id}`)).status).toBe(404);
  }, 120_000);

  it('finishes every item exactly once and fires the webhook once when a worker is SIGKILLed mid-batch', async () => {
    const receiver = await startReceiver();
    try {
      const [one] = replicas as [TestServer];
      const files = PDFS.slice(0, 14);
      const res = await fetch(`${one.url}/v1/batches`, { method: 'POST', body: uploadPdfs(files, { webhookUrl: receiver.url }) });
      const { id } = (await res.json()) as { id: string };
      // Kill as soon as the batch is under way, while both workers hold a job.
      let started = false;
      const deadline = Date.now() + 30_000;
      while (!started && Date.now() < deadline) {
        const batch = (await (await fetch(`${one.url}/v1/batches/${id}`)).json()) as { completed: number; failed: number };
        started = batch.completed + batch.failed >= 2;
        if (!started) await new Promise((r) => setTimeout(r, 20));
      }
      expect(started).toBe(true);
      const victim = workers[0]!;
      victim.child.kill('SIGKILL');
      const mid = (await (await fetch(`${one.url}/v1/batches/${id}`)).json()) as { status: string };
      expect(mid.status).toBe('running');

      const done = await waitForBatch(one.url, id, {}, 90_000);
      expect(done).toMatchObject({ total: files.length, completed: files.length, failed: 0 });
      await expectEachItemOnce(one.url, id, files.length);
      await until(() => receiver.calls.length >= 1, 20_000, 'the webhook');
      await new Promise((r) => setTimeout(r, stalledMs * 2));
      expect(receiver.calls).toHaveLength(1);
    } finally {
      receiver.server.close();
    }
  }, 150_000);
});

describe('Redis restarted during a batch', () => {
  let redis: TestRedis;
  let server: TestServer;
  beforeAll(async () => {
    redis = await startRedis({ persistent: true });
    server = await startServer({ REDIS_URL: redis.url, BATCH_STALLED_MS: 1_000, WORKER_CONCURRENCY: 1, RATE_LIMIT_MAX: 1_000_000 });
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('loses no item, answers 503 QUEUE_UNAVAILABLE with Retry-After while down, and recovers without a restart', async () => {
    const files = PDFS.slice(0, 10);
    const res = await fetch(`${server.url}/v1/batches`, { method: 'POST', body: uploadPdfs(files, {}) });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const before = (await (await fetch(`${server.url}/v1/batches/${id}`)).json()) as { completed: number; failed: number };
    expect(before.completed + before.failed).toBeLessThan(files.length);
    let whileDown: Response | undefined;
    let readDown: Response | undefined;
    await redis.restart(1_500, async () => {
      whileDown = await fetch(`${server.url}/v1/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ text: TEXT }] }),
      });
      readDown = await fetch(`${server.url}/v1/batches/${id}`);
    });
    expect(whileDown!.status).toBe(503);
    expect(whileDown!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await whileDown!.json()).toMatchObject({ code: 'QUEUE_UNAVAILABLE' });
    expect(readDown!.status).toBe(503);

    const done = await waitForBatch(server.url, id, {}, 90_000);
    expect(done).toMatchObject({ total: files.length, completed: files.length, failed: 0 });
    await expectEachItemOnce(server.url, id, files.length);

    const after = await fetch(`${server.url}/v1/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ text: TEXT }] }),
    });
    expect(after.status).toBe(202);
  }, 150_000);
});
