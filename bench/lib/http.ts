// Section 4 and 5 of the report: the real server started as a child process on loopback, loaded with
// autocannon's programmatic API (Buffer bodies: the CLI's `-i` reads files as UTF-8 and corrupts PDFs),
// one bounded cell per body and concurrency, while the server's process tree RSS is sampled from /proc.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { REPO_ROOT } from './corpus.js';
import { multipartResume } from './multipart.js';
import { extractionChildrenOf, processCpuMs, type RssSampler, treeCpuMs } from './proc.js';

/** tsx: src/ through tsx; dist: the repository's dist/ as it is; build: src/ compiled afresh to BUILD_DIR. */
export type ServerMode = 'tsx' | 'dist' | 'build';

export const BUILD_DIR = join(REPO_ROOT, 'scratch', 'bench-dist');

/** How to run the server's code, and the same code's extract-text module for the floor workers. */
export interface ServerCode {
  mode: ServerMode;
  entry: string;
  execArgv: string[];
  extractModule: string;
  /** The same code's pdf-parse options module, for the bare pdf-parse floor. */
  pdfOptionsModule: string;
  env: Record<string, string>;
  /** The command line, for the report. */
  command: string;
}

/**
 * Resolves (and for `build`, compiles) the server code. A build writes to scratch/ (git-ignored) rather
 * than dist/, which other people may be using; type errors elsewhere in the tree do not stop tsc emitting.
 */
export function prepareServerCode(mode: ServerMode, log: (line: string) => void = () => undefined): ServerCode {
  if (mode === 'tsx') {
    return {
      mode,
      entry: join(REPO_ROOT, 'src', 'server.ts'),
      execArgv: ['--import', 'tsx'],
      extractModule: pathToFileURL(join(REPO_ROOT, 'src', 'extraction', 'extract-text.ts')).href,
      pdfOptionsModule: pathToFileURL(join(REPO_ROOT, 'src', 'extraction', 'pdf-parse-options.ts')).href,
      env: {},
      command: 'node --import tsx src/server.ts',
    };
  }
  const dir = mode === 'dist' ? join(REPO_ROOT, 'dist') : BUILD_DIR;
  if (mode === 'build') {
    const t0 = performance.now();
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--outDir', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (r.status !== 0) log(`  tsc reported errors (emitted anyway): ${r.stdout.split('\n').slice(0, 3).join(' | ')}`);
    log(`  compiled src/ to ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const entry = join(dir, 'server.js');
  if (!existsSync(entry)) throw new Error(`${entry} does not exist${mode === 'dist' ? ': run npm run build' : ''}`);
  return {
    mode,
    entry,
    execArgv: [],
    extractModule: pathToFileURL(join(dir, 'extraction', 'extract-text.js')).href,
    pdfOptionsModule: pathToFileURL(join(dir, 'extraction', 'pdf-parse-options.js')).href,
    // Compiled elsewhere than dist/, the config's default data directory would not resolve.
    env: { DATA_DIR: join(REPO_ROOT, 'data') },
    command: mode === 'dist' ? 'node dist/server.js' : 'node server.js (src/ compiled by tsc for this run)',
  };
}

export interface RunningServer {
  url: string;
  pid: number;
  code: ServerCode;
  headers: Record<string, string>;
  stop: () => Promise<void>;
  stderr: () => string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready after ${timeoutMs} ms`);
}

export async function startServer(
  code: ServerCode,
  opts: { cpuProfDir?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const apiKey = randomBytes(16).toString('hex');
  const execArgv = [...code.execArgv, ...(opts.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProfDir] : [])];
  const child = spawn(process.execPath, [...execArgv, code.entry], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...code.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      // The benchmark sends far more than a client is allowed to; the limiter must not answer 429.
      RATE_LIMIT_MAX: '1000000',
      API_KEYS: apiKey,
      NODE_ENV: 'production',
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitReady(url, child, 60_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${stderr}`, { cause: err });
  }
  return {
    url,
    pid: child.pid!,
    code,
    // Whichever header the auth plugin reads, the key is there; without API auth both are ignored.
    headers: { 'x-api-key': apiKey, authorization: `Bearer ${apiKey}` },
    stop,
    stderr: () => stderr,
  };
}

export interface RequestBody {
  label: string;
  /** What the body holds, for the report. */
  source: string;
  contentType: string;
  body: Buffer;
}

export function multipartBody(label: string, source: string, filename: string, bytes: Buffer): RequestBody {
  const { body, contentType } = multipartResume(bytes, filename);
  return { label, source, contentType, body };
}

export function jsonBody(label: string, source: string, text: string): RequestBody {
  return { label, source, contentType: 'application/json', body: Buffer.from(JSON.stringify({ text })) };
}

export interface Probe {
  status: number;
  bytes: number;
  /** For a 2xx: what the answer held (characters read, competencies scored), to show the body was read. */
  characters?: number;
  competencies?: number;
  error?: string;
}

/** One request, to check the route answers 2xx with a real reading of the body before loading it. */
export async function probe(server: RunningServer, path: string, body: RequestBody): Promise<Probe> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { ...server.headers, 'content-type': body.contentType },
    body: body.body,
  });
  const text = await res.text();
  const out: Probe = { status: res.status, bytes: text.length };
  try {
    const json = JSON.parse(text) as {
      characters?: number;
      document?: { characters?: number };
      competencies?: unknown[];
      code?: string;
    };
    const characters = json.document?.characters ?? json.characters;
    if (characters !== undefined) out.characters = characters;
    if (json.competencies) out.competencies = json.competencies.length;
    if (!res.ok) out.error = json.code ?? text.slice(0, 200);
  } catch {
    if (!res.ok) out.error = text.slice(0, 200);
  }
  return out;
}

/** POST /v1/analyses when the server has it, else /v1/documents. */
export async function chooseEndpoint(server: RunningServer, body: RequestBody): Promise<string> {
  const res = await fetch(`${server.url}/v1/analyses`, {
    method: 'POST',
    headers: { ...server.headers, 'content-type': body.contentType },
    body: body.body,
  });
  await res.arrayBuffer();
  return res.status === 404 ? '/v1/documents' : '/v1/analyses';
}

export interface Cell {
  body: string;
  connections: number;
  durationS: number;
  requests: number;
  ok: number;
  /** 2xx responses per second. */
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Peak RSS (bytes) of the server's process tree during this cell. */
  peakRss: number;
  /** CPU ms the server's process tree spent per 2xx answer. */
  serverCpuMsPerOk: number;
  /** The part of it spent by the server process itself (HTTP, analysis); the rest is extraction children. */
  mainCpuMsPerOk: number;
  /** Cores the server's process tree kept busy on average during the cell. */
  serverCores: number;
  /** Share of one core the load generator (this process) used. */
  clientCpuCores: number;
}

/**
 * Waits until the server's process tree is idle (under 0.1 core for 250 ms): autocannon stops sending at
 * the end of a cell but the server still finishes what it had accepted, which would eat into the next cell.
 */
export async function drain(server: RunningServer, maxMs = 20_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const cpu0 = treeCpuMs(server.pid);
    await new Promise((r) => setTimeout(r, 250));
    const used = treeCpuMs(server.pid) - cpu0;
    if (used < 25 || performance.now() - t0 > maxMs) return performance.now() - t0;
  }
}

export async function runCell(
  server: RunningServer,
  path: string,
  body: RequestBody,
  connections: number,
  durationS: number,
  sampler: RssSampler,
): Promise<Cell> {
  await drain(server);
  sampler.window();
  const cpu0 = treeCpuMs(server.pid);
  const main0 = processCpuMs(server.pid);
  const client0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await autocannon({
    url: `${server.url}${path}`,
    method: 'POST',
    headers: { ...server.headers, 'content-type': body.contentType },
    body: body.body,
    connections,
    duration: durationS,
    timeout: 30,
  });
  const wallMs = performance.now() - t0;
  const client = process.cpuUsage(client0);
  const serverCpuMs = treeCpuMs(server.pid) - cpu0;
  const mainCpuMs = processCpuMs(server.pid) - main0;
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats)) statusCodes[code] = s.count;
  return {
    body: body.label,
    connections,
    durationS: r.duration,
    requests: r.requests.total,
    ok: r['2xx'],
    perSecond: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes,
    peakRss: sampler.window(),
    serverCpuMsPerOk: r['2xx'] > 0 ? serverCpuMs / r['2xx'] : Number.NaN,
    mainCpuMsPerOk: r['2xx'] > 0 ? mainCpuMs / r['2xx'] : Number.NaN,
    serverCores: serverCpuMs / wallMs,
    clientCpuCores: (client.user + client.system) / 1000 / wallMs,
  };
}

/**
 * Processes the server extracts on: its extraction children, or itself when it parses inline. The
 * text-work child (long texts only) parses nothing, so the floor does not count it.
 */
export function extractionProcesses(pid: number): { children: number; workers: number } {
  const children = extractionChildrenOf(pid, true).length;
  return { children, workers: Math.max(1, children) };
}
