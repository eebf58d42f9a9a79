// /v1/batches through a real server, once with the in-process queue and once on a real Redis (the API
// process working the jobs): byte-identical analyses, NDJSON, ranking, limits, ownership, idempotency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildOptions } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { extractionChildrenOf } from '../../bench/lib/proc.js';
import { waitForBatch } from '../helpers/batches.js';
import { FIXTURES, SHARED_CORPUS } from '../helpers/corpus.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { startServer, type TestServer } from '../helpers/server.js';

const CS = join(SHARED_CORPUS, 'dev-resumes', 'customer_service');
const FILES = [
  join(CS, 'ADVOCATE_13342150.pdf'),
  join(FIXTURES, 'office-coordinator-2.docx'),
  join(FIXTURES, 'password.pdf'),
  join(CS, 'BANKING_10329506.pdf'),
];
const POSTING = readFileSync(join(FIXTURES, 'postings', 'onet-13-1082.00-project-management-specialists.txt'), 'utf8');

function upload(files: string[], fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const file of files) form.append('resumes', new Blob([readFileSync(file)]), file.split('/').pop());
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

async function analyseAlone(base: string, file: string, fields: Record<string, string>): Promise<string> {
  const form = new FormData();
  form.append('resume', new Blob([readFileSync(file)]), 'r');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${base}/v1/analyses`, { method: 'POST', body: form });
  expect(res.status).toBe(200);
  return res.text();
}

const modes: [string, boolean][] = [
  ['in-process queue', false],
  ['BullMQ on a real Redis', true],
];

describe.each(modes)('batches with the %s', (_name, useRedis) => {
  let redis: TestRedis | undefined;
  const servers: TestServer[] = [];
  const start = async (overrides: Partial<Config> = {}, options: BuildOptions = {}) => {
    const server = await startServer(
      {
        ...(redis ? { REDIS_URL: redis.url } : {}),
        // Polling a batch on a loaded machine must not run into the per-minute request budget.
        RATE_LIMIT_MAX: 1_000_000,
        ...overrides,
      },
      options,
    );
    servers.push(server);
    return server;
  };
  beforeAll(async () => {
    if (useRedis) redis = await startRedis();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await redis?.stop();
  });

  it('analyses every file like POST /v1/analyses, byte for byte, in submission order; a bad file fails only its item', async () => {
    const { url } = await start();
    const fields = { targetRole: 'project-coordinator' };
    const res = await fetch(`${url}/v1/batches`, { method: 'POST', body: upload(FILES, fields) });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { id: string; status: string; total: number };
    expect(accepted).toMatchObject({ status: 'queued', total: 4 });
    expect(res.headers.get('location')).toBe(`/v1/batches/${accepted.id}`);

    const done = await waitForBatch(url, accepted.id);
    expect(done).toMatchObject({ status: 'completed', total: 4, completed: 3, failed: 1 });

    const raw = await (await fetch(`${url}/v1/batches/${accepted.id}/results`)).text();
    const results = JSON.parse(raw) as { items: { index: number; filename?: string; status: string; error?: { code: string } }[] };
    expect(results.items.map((i) => [i.index, i.status])).toEqual([
      [0, 'completed'],
      [1, 'completed'],
      [2, 'failed'],
      [3, 'completed'],
    ]);
    expect(results.items[1]!.filename).toBe('office-coordinator-2.docx');
    expect(results.items[2]!.error).toMatchObject({ statusCode: 422, code: 'ENCRYPTED_DOCUMENT' });
    for (const index of [0, 1, 3]) {
      // Every JSON answer ends with a newline; the analysis inside the results is the JSON before it.
      const alone = (await analyseAlone(url, FILES[index]!, fields)).trimEnd();
      expect(raw).toContain(`"index":${index},`);
      expect(raw.includes(`"analysis":${alone}}`)).toBe(true);
    }

    const ndjson = await fetch(`${url}/v1/batches/${accepted.id}/results`, { headers: { accept: 'application/x-ndjson' } });
    expect(ndjson.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await ndjson.text()).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { index: number }).index)).toEqual([0, 1, 2, 3]);

    const ranking = (await (await fetch(`${url}/v1/batches/${accepted.id}/ranking`)).json()) as {
      rankedBy: string;
      items: { index: number; readiness: number; strengths: string[]; gaps: string[] }[];
    };
    expect(ranking.rankedBy).toBe('readiness');
    expect(ranking.items).toHaveLength(3);
    for (let i = 1; i < ranking.items.length; i += 1) {
      const [a, b] = [ranking.items[i - 1]!, ranking.items[i]!];
      expect(a.readiness > b.readiness || (a.readiness === b.readiness && a.index < b.index)).toBe(true);
    }
    for (const item of ranking.items) {
      const alone = JSON.parse(await analyseAlone(url, FILES[item.index]!, fields)) as { gapReport: { readiness: number } };
      expect(item.readiness).toBe(alone.gapReport.readiness);
      expect(item.strengths.length + item.gaps.length).toBeGreaterThan(0);
    }
  });

  it.runIf(!useRedis)('analyses a long item in a text-work child, off the API\'s event loop, byte for byte as the route', { timeout: 120_000 }, async () => {
    const textChildren = () => extractionChildrenOf(process.pid).length - extractionChildrenOf(process.pid, true).length;
    const before = textChildren();
    const { url } = await start({ TEXT_WORK_MIN_CHARS: 2_000, TEXT_POOL_SIZE: 1, POOL_SIZE: 1 }, { extractor: 'pool' });
    const text = `${readFileSync(join(CS, 'ADVOCATE_13342150.txt'), 'utf8')}\n`.repeat(3);
    expect(text.length).toBeGreaterThan(2_000);
    const res = await fetch(`${url}/v1/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ text }] }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect(await waitForBatch(url, id)).toMatchObject({ status: 'completed', completed: 1 });
    // The text child starts on the first long text: here, the batch item's.
    expect(textChildren()).toBe(before + 1);
    const raw = await (await fetch(`${url}/v1/batches/${id}/results`)).text();
    const alone = await fetch(`${url}/v1/analyses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    expect(raw.includes(`"analysis":${(await alone.text()).trimEnd()}}`)).toBe(true);
  });

  it('takes JSON items and ranks by posting coverage when a jobDescription is sent', async () => {
    const { url } = await start();
    const texts = ['ADVOCATE_13342150.txt', 'BANKING_10329506.txt', 'CHEF_21334981.txt'].map((f) => readFileSync(join(CS, f), 'utf8'));
    const res = await fetch(`${url}/v1/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: texts.map((text, i) => ({ id: `cand-${i}`, text })), jobDescription: POSTING }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    await waitForBatch(url, id);
    const ranking = (await (await fetch(`${url}/v1/batches/${id}/ranking`)).json()) as {
      rankedBy: string;
      items: { itemId: string; jobDescriptionCoverage: number }[];
    };
    expect(ranking.rankedBy).toBe('jobDescriptionCoverage');
    expect(ranking.items.map((i) => i.itemId).sort()).toEqual(['cand-0', 'cand-1', 'cand-2']);
    const coverages = ranking.items.map((i) => i.jobDescriptionCoverage);
    expect([...coverages].sort((a, b) => b - a)).toEqual(coverages);
    const single = await fetch(`${url}/v1/analyses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: texts[0], jobDescription: POSTING }),
    });
    const results = await (await fetch(`${url}/v1/batches/${id}/results`)).text();
    expect(results).toContain(`"itemId":"cand-0","status":"completed","analysis":${(await single.text()).trimEnd()}}`);
  });

  it('answers 413 past BATCH_MAX_ITEMS and BATCH_MAX_BYTES', async () => {
    const { url } = await start({ BATCH_MAX_ITEMS: 3, BATCH_MAX_BYTES: 200_000 });
    const many = await fetch(`${url}/v1/batches`, { method: 'POST', body: upload([FILES[1]!, FILES[1]!, FILES[1]!, FILES[1]!]) });
    expect(many.status).toBe(413);
    expect(await many.json()).toMatchObject({ code: 'TOO_MANY_FILES' });
    const json = await fetch(`${url}/v1/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [1, 2, 3, 4].map(() => ({ text: 'x' })) }),
    });
    expect(json.status).toBe(413);
    expect(await json.json()).toMatchObject({ code: 'TOO_MANY_FILES' });
    const big = await fetch(`${url}/v1/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ text: 'y'.repeat(250_000) }] }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('keeps a batch to the API key that made it; DELETE answers 204 and then 404', async () => {
    const { url } = await start({ API_KEYS: ['key-a', 'key-b'] });
    const a = { authorization: 'Bearer key-a' };
    const b = { authorization: 'Bearer key-b' };
    const res = await fetch(`${url}/v1/batches`, {
      method: 'POST',
      headers: { ...a, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ text: readFileSync(join(FIXTURES, 'sample-resume.txt'), 'utf8') }], targetRole: 'project-coordinator' }),
    });
    const { id } = (await res.json()) as { id: string };
    await waitForBatch(url, id, a);
    for (const path of ['', '/results', '/ranking']) {
      const other = await fetch(`${url}/v1/batches/${id}${path}`, { headers: b });
      expect(other.status).toBe(404);
      expect(await other.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await fetch(`${url}/v1/batches/${id}`, { method: 'DELETE', headers: b })).status).toBe(404);
    expect((await fetch(`${url}/v1/batches/${id}`, { method: 'DELETE', headers: a })).status).toBe(204);
    expect((await fetch(`${url}/v1/batches/${id}`, { headers: a })).status).toBe(404);
    expect((await fetch(`${url}/v1/batches/${id}/results`, { headers: a })).status).toBe(404);
  });

  it.runIf(useRedis)('keeps the owner when another replica lists the keys in another order, with a new key first', async () => {
    const one = await start({ API_KEYS: ['key-a', 'key-b'] });
    const two = await start({ API_KEYS: ['key-new', 'key-b', 'key-a'] });
    const a = { authorization: 'Bearer key-a' };
    const res = await fetch(`${one.url}/v1/batches`, {
      method: 'POST',
      headers: { ...a, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ text: readFileSync(join(FIXTURES, 'sample-resume.txt'), 'utf8') }] }),
    });
    const { id } = (await res.json()) as { id: string };
    await waitForBatch(one.url, id, a);
    expect((await fetch(`${two.url}/v1/batches/${id}`, { headers: a })).status).toBe(200);
    for (const key of ['key-new', 'key-b']) {
      expect((await fetch(`${two.url}/v1/batches/${id}`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(404);
    }
  });

  it('answers the same batch for the same Idempotency-Key and body, 409 for another body', async () => {
    const { url } = await start();
    const send = (text: string) =>
      fetch(`${url}/v1/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `req-${useRedis}` },
        body: JSON.stringify({ items: [{ text }] }),
      });
    const text = readFileSync(join(FIXTURES, 'sample-resume.txt'), 'utf8');
    const first = await send(text);
    const second = await send(text);
    expect([first.status, second.status]).toEqual([202, 202]);
    const [one, two] = (await Promise.all([first.json(), second.json()])) as { id: string }[];
    expect(two!.id).toBe(one!.id);
    const other = await send(`${text}\nMore.`);
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('refuses webhook URLs that are not https, or that name a private address', async () => {
    const { url } = await start({ WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
    for (const webhookUrl of ['http://example.com/hook', 'https://127.0.0.1/hook', 'https://[::1]/hook', 'https://169.254.169.254/latest']) {
      const res = await fetch(`${url}/v1/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ text: 'Jane' }], webhookUrl }),
      });
      expect(res.status, webhookUrl).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    }
  });
});
