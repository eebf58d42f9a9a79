// Large texts do not stall the server (issue 12, item 1): while five 200k-character analyses run at
// once, /healthz keeps answering quickly and the HTTP process's event loop is never held for long,
// because texts past TEXT_WORK_MIN_CHARS are read and analysed in a text-work child. Real server and
// real child processes. The bounds are generous (the machine is shared); without the text pool the
// same requests hold the loop for seconds (about 1-2 s each, measured here).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureLoopUnderLargeTexts, repeatedText } from '../../bench/lib/event-loop.js';
import { prepareServerCode, startServer as startServerProcess } from '../../bench/lib/http.js';
import { FIXTURES } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ TEXT_WORK_MIN_CHARS: 20_000, TEXT_POOL_SIZE: 1, POOL_SIZE: 1 }, { extractor: 'pool' });
});
afterAll(async () => server?.close());

const sample = readFileSync(`${FIXTURES}/sample-resume.txt`, 'utf8');
const big = repeatedText(sample, 200_000);

describe('large texts run off the event loop', { timeout: 240_000 }, () => {
  it('keeps /healthz fast while five 200k-character analyses run', async () => {
    // Warm-up: the text child loads the taxonomy and the code paths get compiled.
    expect((await request(server.url).post('/v1/analyses').send({ text: big })).status).toBe(200);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const health: number[] = [];
    let running = true;
    const poll = (async () => {
      while (running) {
        const started = performance.now();
        const res = await request(server.url).get('/healthz');
        expect(res.status).toBe(200);
        health.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => request(server.url).post('/v1/analyses').send({ text: big })),
    );
    running = false;
    await poll;
    delay.disable();

    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.body.document.characters).toBeGreaterThan(150_000);
    }
    const maxDelayMs = delay.max / 1e6;
    const worstHealthMs = Math.max(...health);
    const detail = `event-loop max ${maxDelayMs.toFixed(0)} ms, healthz worst ${worstHealthMs.toFixed(0)} ms over ${health.length} polls`;
    console.info(detail);
    expect(health.length, detail).toBeGreaterThan(3);
    expect(worstHealthMs, detail).toBeLessThan(1_000);
    expect(maxDelayMs, detail).toBeLessThan(750);
  });

  it('answers 1 MB of text without a newline without holding the event loop', async () => {
    // Fits the JSON body limit (1 MiB) but not MAX_TEXT_CHARS: read as far as the limit allows, off the loop.
    const line = 'Handled customer calls and escalations, scheduled the team. '.repeat(Math.ceil(1_000_000 / 60)).slice(0, 1_000_000);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const res = await request(server.url).post('/v1/analyses').send({ text: line });
    delay.disable();
    const maxDelayMs = delay.max / 1e6;
    expect([200, 413], `status ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
    if (res.status === 200) expect(res.body.document.characters).toBeLessThanOrEqual(200_000);
    else expect(res.body.code).toBe('FILE_TOO_LARGE');
    expect(maxDelayMs, `event-loop max ${maxDelayMs.toFixed(0)} ms`).toBeLessThan(750);
    expect((await request(server.url).get('/healthz')).status).toBe(200);
  });
});

describe('a full list of long bullets to rewrite', { timeout: 120_000 }, () => {
  it('is rewritten off the event loop', async () => {
    // 100 bullets of 2,000 characters (the request's limits): 90-260 ms of rewriting in-process here
    // (built code, loaded machine), depending on the shape; one 2,000-letter word is the slowest. Past
    // TEXT_WORK_MIN_CHARS in all, the text-work child does it: this test measured 69 ms of delay (client
    // included), and 802 ms with the rewriting forced in-process.
    const bullets = Array.from({ length: 100 }, (_, i) => 'a'.repeat(2_000 - (i % 7)));
    await request(server.url).post('/v1/rewrites').send({ bullets }); // the child is warm from here
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const res = await request(server.url).post('/v1/rewrites').send({ bullets });
    delay.disable();
    expect(res.status).toBe(200);
    expect(res.body.rewrites.length + res.body.rewriteSkipped.length).toBe(100);
    const maxDelayMs = delay.max / 1e6;
    console.info(`rewrites: event-loop max ${maxDelayMs.toFixed(0)} ms`);
    expect(maxDelayMs, `event-loop max ${maxDelayMs.toFixed(0)} ms`).toBeLessThan(300);
  });
});

describe('the server process itself, measured from outside', { timeout: 300_000 }, () => {
  it('spends little main-thread time on each large analysis: the child writes the answer', async () => {
    // The real server as its own process (through tsx), so neither the test's client nor its answer checks
    // share the event loop being measured. Main-thread CPU per request bounds how long a request held the
    // loop whatever else runs on the machine. Before the text child wrote the answer's bytes itself, each
    // 200k-character analysis (a 1.8 MB answer) cost the HTTP process 116-128 ms of main-thread CPU per
    // round here (this test on that code, a loaded machine); since, 36-74 ms (median round 38). `npm run bench` (section 3c) reports it on a quiet machine
    // against the 50 ms, with the event-loop delay the server recorded.
    const proc = await startServerProcess(prepareServerCode('tsx'), {
      env: { TEXT_WORK_MIN_CHARS: '20000', TEXT_POOL_SIZE: '1', POOL_SIZE: '1', CHILD_RECYCLE_RSS_MB: '2048', CHILD_RSS_MB: '2048' },
    });
    try {
      const rounds = await measureLoopUnderLargeTexts(proc, big, { rounds: 3, concurrency: 5 });
      const detail = rounds
        .map((r) => `main CPU ${r.mainCpuMsPerRequest.toFixed(0)} ms/request, loop max ${r.lagMaxMs.toFixed(0)} ms`)
        .join('; ');
      console.info(detail);
      for (const r of rounds) {
        expect(r.statuses, detail).toEqual([200, 200, 200, 200, 200]);
        expect(Math.min(...r.answerBytes), detail).toBeGreaterThan(1_000_000);
      }
      const cpu = rounds.map((r) => r.mainCpuMsPerRequest).sort((a, b) => a - b)[1]!;
      expect(cpu, detail).toBeLessThan(65);
      expect(Math.min(...rounds.map((r) => r.lagMaxMs)), detail).toBeLessThan(750);
    } finally {
      await proc.stop();
    }
  });
});
