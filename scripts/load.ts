// npm run load: a bounded load test of the real server on loopback (at most 30 s of load).
//   1. Pool overhead: the same PDF parsed in-process and through the child-process pool, sequentially.
//   2. Nominal: 16 concurrent clients upload a two-page PDF resume (autocannon's programmatic API with a
//      Buffer body; the CLI's -i reads files as UTF-8 and corrupts PDFs). Expect only 200s.
//   3. Overload: 128 concurrent clients against a pool of POOL_SIZE children and a queue of
//      POOL_QUEUE_MAX. Expect only 200s and 503 OVERLOADED answers, every 503 with Retry-After.
// The server is compiled to scratch/load-dist (production JS, children fork child.js) unless
// LOAD_MODE=tsx. Reports throughput, p50/p99 and errors; exits 1 when a check fails.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { multipartResume } from '../bench/lib/multipart.js';
import { loadConfig } from '../src/config.js';
import { resumeLines, textPdf } from '../bench/lib/generate-documents.js';

type Options = Parameters<typeof autocannon>[0];
type Result = Awaited<ReturnType<typeof autocannon>>;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODE = process.env.LOAD_MODE === 'tsx' ? 'tsx' : 'build';
const OUT = join(ROOT, 'scratch', 'load-dist');
const NOMINAL_SECONDS = 12;
const OVERLOAD_SECONDS = 10;
const PDF = readFileSync(join(ROOT, 'test', 'fixtures', 'livecareer-front-desk-clerk.pdf'));
const SMALL_PDF = textPdf(resumeLines());

const log = (line = '') => process.stdout.write(`${line}\n`);
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

function compile(): { entry: string; execArgv: string[]; poolModule: string; extractorModule: string } {
  if (MODE === 'tsx') {
    return {
      entry: join(ROOT, 'src', 'server.ts'),
      execArgv: ['--import', 'tsx'],
      poolModule: pathToFileURL(join(ROOT, 'src', 'extraction', 'pool.ts')).href,
      extractorModule: pathToFileURL(join(ROOT, 'src', 'extraction', 'extractor.ts')).href,
    };
  }
  const t0 = performance.now();
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // Emits even when unrelated files of the tree have type errors; dist/ is left to `npm run build`.
  spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', OUT], { cwd: ROOT, stdio: 'ignore' });
  log(`compiled src/ to scratch/load-dist in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return {
    entry: join(OUT, 'server.js'),
    execArgv: [],
    poolModule: pathToFileURL(join(OUT, 'extraction', 'pool.js')).href,
    extractorModule: pathToFileURL(join(OUT, 'extraction', 'extractor.js')).href,
  };
}

async function measureOverhead(code: ReturnType<typeof compile>): Promise<void> {
  const { createPoolExtractor, poolOptionsFromConfig } = (await import(code.poolModule)) as typeof import(
    '../src/extraction/pool.js'
  );
  const { createInlineExtractor } = (await import(code.extractorModule)) as typeof import(
    '../src/extraction/extractor.js'
  );
  const limits = { maxPages: 20, maxTextChars: 200_000 };
  const inline = createInlineExtractor(limits);
  // One child with the server's default heap, young generation and memory cap (from the config, so they
  // cannot drift from it), never recycled during the measurement.
  const pool = createPoolExtractor({
    ...poolOptionsFromConfig(loadConfig({})),
    size: 1,
    queueMax: 10,
    timeoutMs: 10_000,
    recycleRssMb: 0,
    recycleAfter: 1_000_000,
    limits,
  });
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const tStart = performance.now();
  await pool.extract('pdf', PDF);
  const cold = performance.now() - tStart;
  log('pool overhead (sequential, one warm child; medians, inline and pool alternating per document):');
  for (const [name, bytes] of [
    ['one-page PDF, 1 KB', SMALL_PDF],
    ['two-page PDF, 32 KB', PDF],
  ] as const) {
    const inlineMs: number[] = [];
    const poolMs: number[] = [];
    for (let i = 0; i < 60; i++) {
      let t0 = performance.now();
      await inline.extract('pdf', bytes);
      if (i >= 10) inlineMs.push(performance.now() - t0);
      t0 = performance.now();
      await pool.extract('pdf', bytes);
      if (i >= 10) poolMs.push(performance.now() - t0);
    }
    const a = median(inlineMs);
    const b = median(poolMs);
    log(`  ${name.padEnd(20)} in-process ${a.toFixed(1)} ms, pool ${b.toFixed(1)} ms, overhead ${(b - a).toFixed(1)} ms/doc`);
  }
  log(`  first document on a cold child: ${cold.toFixed(0)} ms (child start and pdf.js load)`);
  await pool.close();
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(code: ReturnType<typeof compile>, port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [...code.execArgv, code.entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATA_DIR: join(ROOT, 'data'),
      RATE_LIMIT_MAX: '1000000',
      API_KEYS: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until || proc.exitCode !== null) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return proc;
}

interface Tally {
  byStatus: Map<number, number>;
  missingRetryAfter: number;
  wrongCode: number;
}

async function run(port: number, connections: number, duration: number): Promise<{ tally: Tally; result: Result }> {
  const { body, contentType } = multipartResume(PDF, 'resume.pdf', 'application/pdf');
  const tally: Tally = { byStatus: new Map(), missingRetryAfter: 0, wrongCode: 0 };
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/v1/documents',
        headers: { 'content-type': contentType },
        body,
        onResponse: (status: number, resBody: string, _context: unknown, headers: Record<string, string>) => {
          tally.byStatus.set(status, (tally.byStatus.get(status) ?? 0) + 1);
          if (status === 503) {
            if (!/^\d+$/.test(headers['retry-after'] ?? '')) tally.missingRetryAfter += 1;
            if (!resBody.includes('"code":"OVERLOADED"')) tally.wrongCode += 1;
          }
        },
      },
    ],
  } as Options);
  return { tally, result };
}

function report(name: string, connections: number, r: { tally: Tally; result: Result }): void {
  const { result, tally } = r;
  const statuses = [...tally.byStatus].sort().map(([s, n]) => `${s}: ${n}`).join(', ');
  log(`${name}: ${connections} connections, ${result.duration} s`);
  log(`  throughput  ${result.requests.average.toFixed(1)} req/s (${result.requests.total} requests)`);
  log(`  latency     p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  log(`  statuses    ${statuses || 'none'}`);
  log(`  errors      ${result.errors} (timeouts ${result.timeouts})`);
}

async function main(): Promise<void> {
  const code = compile();
  await measureOverhead(code);
  log();
  const port = await freePort();
  const server = await startServer(code, port);
  try {
    // Warm both children before measuring.
    await run(port, 2, 2);
    const nominal = await run(port, 16, NOMINAL_SECONDS);
    report('nominal', 16, nominal);
    const n = nominal.tally.byStatus;
    check((n.get(200) ?? 0) > 0 && [...n.keys()].every((s) => s === 200), '16 concurrent clients get only 200s');
    check(nominal.result.errors === 0, 'no connection errors or timeouts at 16 clients');

    const overload = await run(port, 128, OVERLOAD_SECONDS);
    report('overload', 128, overload);
    const o = overload.tally.byStatus;
    check((o.get(503) ?? 0) > 0, 'overload produces 503s');
    check([...o.keys()].every((s) => s === 200 || s === 503), 'overload produces only 200s and 503s');
    check(overload.tally.missingRetryAfter === 0, 'every 503 carries Retry-After');
    check(overload.tally.wrongCode === 0, 'every 503 is OVERLOADED');
    check(overload.result.errors === 0, 'no connection errors or timeouts under overload');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    check(health.status === 200, 'healthy after the run');
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (failures.length > 0) {
    log(`\n${failures.length} check(s) failed`);
    process.exit(1);
  }
  log('\nall checks passed');
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
