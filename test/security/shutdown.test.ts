// The real server as a process (src/server.ts through tsx): on SIGTERM an upload in flight still gets
// its answer, new /v1 requests get 503 SHUTTING_DOWN with Retry-After, /readyz turns unready, the
// process exits 0 and its extraction children are gone. Past the grace period it exits anyway; killed
// outright, it leaves no orphan child either. The process's own stdout/stderr never carry the canary
// of a parsed resume (child output is drained).
import { type ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { multipartResume } from '../../bench/lib/multipart.js';
import { REPO_ROOT } from '../helpers/corpus.js';
import { resumeLines, textPdf } from '../../bench/lib/generate-documents.js';
import { extractionChildrenOf, isRunning } from '../../bench/lib/proc.js';

const CANARY = `shutdowncanary${Date.now().toString(36)}`;

interface Running {
  proc: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

async function startProcess(env: Record<string, string>): Promise<Running> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', POOL_SIZE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc);
  let out = '';
  proc.stdout!.on('data', (d) => (out += String(d)));
  proc.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 45_000);
    const check = () => {
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', () => reject(new Error(`server exited:\n${out}`)));
  });
  return { proc, port, output: () => out, exited };
}



interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends the head and the first half of the body now; `finish()` sends the rest. */
function upload(port: number, file: Buffer, name: string): { finish: () => void; answer: Promise<Answer> } {
  const { body, contentType } = multipartResume(file, name, 'application/pdf');
  let finish = () => undefined as void;
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/documents',
        headers: { 'content-type': contentType, 'content-length': String(body.length) },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += String(d)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.subarray(0, half));
    finish = () => req.end(body.subarray(half));
  });
  return { finish, answer };
}

async function get(port: number, path: string): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
}

const resume = textPdf(resumeLines(CANARY));

describe('graceful shutdown of the real process', () => {
  it('drains on SIGTERM: in-flight finishes, new requests get 503, no child is left', async () => {
    const server = await startProcess({ SHUTDOWN_GRACE_MS: '20000' });
    const first = upload(server.port, resume, `${CANARY}.pdf`);
    first.finish();
    expect((await first.answer).status).toBe(200);

    const children = extractionChildrenOf(server.proc.pid!);
    expect(children.length).toBeGreaterThanOrEqual(1);

    const inFlight = upload(server.port, resume, `${CANARY}.pdf`);
    await new Promise((r) => setTimeout(r, 300));
    server.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));

    const refused = await fetch(`http://127.0.0.1:${server.port}/v1/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: resumeLines().join('\n') }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { code: string }).code).toBe('SHUTTING_DOWN');
    const ready = await get(server.port, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: 'unready', reason: 'shutting down' });
    expect((await get(server.port, '/healthz')).status).toBe(200);

    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).text).toContain(CANARY);

    expect(await server.exited).toBe(0);
    const until = Date.now() + 5_000;
    while (children.some(isRunning) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    for (const pid of children) expect(isRunning(pid)).toBe(false);
    expect(extractionChildrenOf(server.proc.pid!)).toEqual([]);
    expect(server.output()).toContain('draining');
    expect(server.output()).not.toContain(CANARY);
  }, 90_000);

  it('leaves no orphan when the server itself is SIGKILLed', async () => {
    const server = await startProcess({});
    const warm = upload(server.port, resume, 'warm.pdf');
    warm.finish();
    expect((await warm.answer).status).toBe(200);
    const children = extractionChildrenOf(server.proc.pid!);
    expect(children.length).toBeGreaterThanOrEqual(1);
    server.proc.kill('SIGKILL');
    await server.exited;
    // Children notice their IPC channel closing and exit on their own.
    const until = Date.now() + 5_000;
    while (children.some(isRunning) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    for (const pid of children) expect(isRunning(pid)).toBe(false);
  }, 90_000);

  it('exits after the grace period when a request never completes, killing its children', async () => {
    const server = await startProcess({ SHUTDOWN_GRACE_MS: '1500' });
    const warm = upload(server.port, resume, 'warm.pdf');
    warm.finish();
    expect((await warm.answer).status).toBe(200);
    const children = extractionChildrenOf(server.proc.pid!);
    const stuck = upload(server.port, resume, 'stuck.pdf');
    stuck.answer.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1500 + 6_000);
    // Children notice their IPC channel closing and exit on their own; on a loaded machine that can take
    // longer than a fixed pause.
    const until = Date.now() + 5_000;
    while (children.some(isRunning) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    for (const pid of children) expect(isRunning(pid)).toBe(false);
  }, 90_000);
});
