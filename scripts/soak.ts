// npm run soak [-- --minutes N]: a bounded soak of the real server on loopback (default 10 minutes).
// Compiles src/ to scratch/soak-dist (production JS: children start in about 0.3 s, against 1-8 s for
// tsx children on a busy machine) and starts that server as its own process with the production
// extraction and text pools (SOAK_MODE=tsx runs src/server.ts through tsx instead), then sends
// a steady mix at a fixed rate from two lanes: valid PDFs, DOCX and text resumes from
// ../shared/corpus/dev-resumes and test/fixtures, the hostile files of ../shared/corpus/adversarial,
// a few generated bombs, and 200k-character text bodies. Checks, printed at the end (exit 1 on a failure):
//   - no 5xx answer, no connection error;
//   - every answer within its deadline: PARSE_TIMEOUT_MS + 5 s, plus OCR_TIMEOUT_MS for a PDF or an
//     image, whose pool deadline grows by OCR's budget once a page image is rendered for OCR;
//   - server RSS growth under 10% from the end of warm-up (the first fifth, at least 1 minute when
//     the soak is 5 minutes or longer) to the end (medians of the samples around each point);
//   - no leaked child: never more children than POOL_SIZE + TEXT_POOL_SIZE (plus ones being replaced),
//     and none left once the server has exited after SIGTERM.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from '../test/helpers/corpus.js';
import * as gen from '../bench/lib/generate-documents.js';
import { extractionChildrenOf, isRunning } from '../bench/lib/proc.js';
import { detectType } from '../src/pipeline/read/detect-type.js';
import { SHARED_CORPUS } from '../bench/lib/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = SHARED_CORPUS;
const minutesArg = process.argv.indexOf('--minutes');
const MINUTES = minutesArg !== -1 ? Number(process.argv[minutesArg + 1]) : 10;
if (!(MINUTES > 0 && MINUTES <= 120)) throw new Error('--minutes must be in (0, 120]');
const DURATION_MS = MINUTES * 60_000;
const WARMUP_MS = Math.max(Math.min(60_000, DURATION_MS / 2), DURATION_MS / 5);
const PARSE_TIMEOUT_MS = 10_000;
const OCR_TIMEOUT_MS = 30_000;
const DEADLINE_MS = PARSE_TIMEOUT_MS + 5_000;
/** Inputs that may be read by OCR: what the server's own sniffing (detectType) takes for a PDF or an image. */
function mayUseOcr(body: Buffer): boolean {
  try {
    const { kind } = detectType(body);
    return kind === 'pdf' || kind === 'image';
  } catch {
    return false;
  }
}
const POOL_SIZE = 2;
const TEXT_POOL_SIZE = 1;
// Two lanes, one request every 400 ms each: about 5 requests a second, a steady rate the 2-core
// machine sustains; overload is `npm run load`'s job.
const LANES = 2;
const INTERVAL_MS = 400;

const log = (line = '') => process.stdout.write(`${line}\n`);

interface Input {
  name: string;
  kind: 'valid' | 'hostile' | 'large-text';
  body: Buffer;
  json: boolean;
}

function inputs(): Input[] {
  const out: Input[] = [];
  const valid = listFiles(join(CORPUS, 'dev-resumes'), (p) => ['.pdf', '.docx', '.txt'].includes(extname(p)));
  const fixtures = ['livecareer-front-desk-clerk.pdf', 'office-coordinator-2.docx', 'sample-resume.txt', 'two-column.pdf'];
  for (const p of [...valid, ...fixtures.map((f) => join(ROOT, 'test', 'fixtures', f))]) {
    out.push({ name: basename(p), kind: 'valid', body: readFileSync(p), json: false });
  }
  for (const p of listFiles(join(CORPUS, 'adversarial'), (p) => extname(p) !== '.md')) {
    out.push({ name: basename(p), kind: 'hostile', body: readFileSync(p), json: false });
  }
  const generated: Array<[string, Buffer]> = [
    ['many-pages.pdf', gen.manyPagesPdf()],
    ['page-tree-cycle.pdf', gen.pageTreeCyclePdf()],
    ['deep-nesting.pdf', gen.deepNestingPdf()],
    ['zip-bomb-lying.docx', gen.zipBombDocx(512, true)],
    ['xxe.docx', gen.xxeDocx()],
    ['billion-laughs.docx', gen.billionLaughsDocx()],
  ];
  for (const [name, body] of generated) out.push({ name, kind: 'hostile', body, json: false });
  const sample = readFileSync(join(ROOT, 'test', 'fixtures', 'sample-resume.txt'), 'utf8');
  const large = sample.repeat(Math.ceil(200_000 / sample.length)).slice(0, 200_000);
  out.push({ name: 'text-200k', kind: 'large-text', body: Buffer.from(JSON.stringify({ text: large })), json: true });
  out.push({ name: 'short-lines-200k', kind: 'large-text', body: Buffer.from(JSON.stringify({ text: 'a\n'.repeat(100_000) })), json: true });
  return out;
}

function multipart(name: string, bytes: Buffer): { body: Buffer; type: string } {
  const boundary = `soak${Math.random().toString(36).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="resume"; filename="${name.replace(/"/g, '')}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'latin1');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}



function serverCommand(): string[] {
  if (process.env.SOAK_MODE === 'tsx') return ['--import', 'tsx', 'src/server.ts'];
  const out = join(ROOT, 'scratch', 'soak-dist');
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', out], { cwd: ROOT, stdio: 'ignore' });
  return [join(out, 'server.js')];
}

async function startServer(): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, serverCommand(), {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: join(ROOT, 'data'),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      POOL_SIZE: String(POOL_SIZE),
      TEXT_POOL_SIZE: String(TEXT_POOL_SIZE),
      PARSE_TIMEOUT_MS: String(PARSE_TIMEOUT_MS),
      OCR_TIMEOUT_MS: String(OCR_TIMEOUT_MS),
      RATE_LIMIT_MAX: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let head = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${head}`)), 60_000);
    proc.stdout!.on('data', (d) => {
      if (head.length < 100_000) head += String(d);
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(head);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.stderr!.on('data', (d) => (head += String(d)));
    proc.once('exit', () => reject(new Error(`server exited:\n${head}`)));
  });
  return { proc, port };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const all = inputs();
  log(`soak: ${MINUTES} min, ${all.length} inputs (${all.filter((i) => i.kind === 'valid').length} valid, ${all.filter((i) => i.kind === 'hostile').length} hostile, ${all.filter((i) => i.kind === 'large-text').length} large texts), ${LANES} lanes every ${INTERVAL_MS} ms`);
  const { proc, port } = await startServer();
  const pid = proc.pid!;
  const started = Date.now();
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const rss: Array<{ at: number; bytes: number }> = [];
  let maxChildren = 0;
  let slowest = 0;
  let requests = 0;
  let pastParseDeadline = 0;

  const sampler = setInterval(() => {
    rss.push({ at: Date.now() - started, bytes: rssBytes(pid) });
    maxChildren = Math.max(maxChildren, extractionChildrenOf(pid).length);
  }, 5_000);

  const lane = async (offset: number) => {
    for (let i = offset; Date.now() - started < DURATION_MS; i += LANES) {
      const input = all[i % all.length]!;
      const t0 = Date.now();
      const deadline = DEADLINE_MS + (mayUseOcr(input.body) ? OCR_TIMEOUT_MS : 0);
      const { body, type } = input.json ? { body: input.body, type: 'application/json' } : multipart(input.name, input.body);
      const url = `http://127.0.0.1:${port}/${i % 3 === 0 ? 'v1/analyses' : 'v1/documents'}`;
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body, signal: AbortSignal.timeout(deadline + 5_000) });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) failures.push(`${res.status} for ${input.kind} ${input.name}`);
      } catch (err) {
        failures.push(`connection error for ${input.kind} ${input.name}: ${(err as Error).name}`);
      }
      const ms = Date.now() - t0;
      requests += 1;
      slowest = Math.max(slowest, ms);
      if (ms > DEADLINE_MS) pastParseDeadline += 1;
      if (ms > deadline) failures.push(`${ms} ms for ${input.kind} ${input.name} (deadline ${deadline} ms)`);
      await new Promise((r) => setTimeout(r, Math.max(0, INTERVAL_MS - ms)));
    }
  };
  await Promise.all(Array.from({ length: LANES }, (_, k) => lane(k)));
  clearInterval(sampler);

  const children = extractionChildrenOf(pid);
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
  const until = Date.now() + 5_000;
  while (children.some(isRunning) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  const leaked = children.filter(isRunning);

  const window = 60_000;
  const base = median(rss.filter((s) => s.at >= WARMUP_MS && s.at < WARMUP_MS + window).map((s) => s.bytes));
  const end = median(rss.filter((s) => s.at >= DURATION_MS - window).map((s) => s.bytes));
  const growth = base > 0 ? (end - base) / base : 0;
  const mb = (b: number) => (b / 1024 / 1024).toFixed(0);

  log(`requests: ${requests}, statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  log(`slowest answer: ${slowest} ms; ${pastParseDeadline} past ${DEADLINE_MS} ms (deadline ${DEADLINE_MS} ms, ${DEADLINE_MS + OCR_TIMEOUT_MS} ms for a PDF or an image)`);
  log(`server RSS: after warm-up ${mb(base)} MB, at the end ${mb(end)} MB, growth ${(growth * 100).toFixed(1)}%, peak ${mb(Math.max(...rss.map((s) => s.bytes)))} MB`);
  log(`children: at most ${maxChildren} at a sample (pools ${POOL_SIZE} + ${TEXT_POOL_SIZE}), ${leaked.length} left after exit`);
  if (growth >= 0.1) failures.push(`RSS grew ${(growth * 100).toFixed(1)}% after warm-up`);
  if (leaked.length > 0) failures.push(`${leaked.length} children left after the server exited`);
  if (maxChildren > POOL_SIZE + TEXT_POOL_SIZE + POOL_SIZE) failures.push(`${maxChildren} children at once`);
  for (const f of failures.slice(0, 20)) log(`  FAIL ${f}`);
  log(failures.length === 0 ? 'soak: ok' : `soak: ${failures.length} failure(s)`);
  process.exit(failures.length === 0 ? 0 : 1);
}

main().catch((err: unknown) => {
  process.stderr.write(`soak failed to run: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
