// Section 6: batches. The same resumes through POST /v1/analyses (one server, POOL_SIZE parsing
// children, `concurrency` requests in flight) and through POST /v1/batches (one API that works no jobs,
// two `npm run worker` processes with one parsing child each, one Redis), so both runs parse on the same
// number of child processes. Throughput is resumes per wall-clock second from the first request to the
// last answer (sync) or to the last batch completed (batches); the queue overhead per item is the
// difference of the two wall times divided by the item count. Both set-ups also report the CPU time
// all their processes spent per resume (server tree; API, workers and their children, Redis), which a
// busy host inflates far less than wall time. The client polls each open batch every POLL_MS: often
// enough to stop the clock within a fraction of a second of a 20 s run, seldom enough that the polling
// itself is not a load on the API. Redis is Debian's redis-server.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { startRedis } from '../../test/helpers/redis.js';
import type { CorpusFile } from './corpus.js';
import { REPO_ROOT } from './corpus.js';
import { type ServerCode, startServer } from './http.js';
import { treeCpuMs } from './proc.js';
import { multipartResume } from './multipart.js';

const POLL_MS = 250;

export interface BatchBenchOptions {
  items: number;
  /** Requests in flight against the synchronous endpoint. */
  concurrency: number;
  /** Items per POST /v1/batches. */
  perBatch: number;
  /** Parsing children in total, in both set-ups. */
  children: number;
}

export interface BatchBenchReport {
  items: number;
  sync: { wallMs: number; perSecond: number; failed: number; cpuMsPerItem: number };
  batches: { wallMs: number; perSecond: number; failed: number; batches: number; workers: number; cpuMsPerItem: number };
  /** batches.perSecond / sync.perSecond */
  share: number;
  overheadMsPerItem: number;
}

function startWorkerProcess(code: ServerCode, env: Record<string, string>): Promise<ChildProcess> {
  const tsx = code.mode === 'tsx';
  const entry = tsx ? join(REPO_ROOT, 'src', 'worker.ts') : join(dirname(code.entry), 'worker.js');
  const child = spawn(process.execPath, [...code.execArgv, entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...code.env, LOG_LEVEL: 'info', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${out.slice(-400)}`)), 60_000);
    const onData = (d: Buffer) => {
      out = (out + d.toString()).slice(-4000);
      if (out.includes('skillbridge worker ready')) {
        clearTimeout(timer);
        child.stdout!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (c) => reject(new Error(`worker exited (${c}): ${out.slice(-400)}`)));
  });
}

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

function batchBody(files: CorpusFile[]): { body: Buffer; contentType: string } {
  const boundary = `----skillbridge-batch-${Date.now()}`;
  const parts = files.flatMap((f, i) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="resumes"; filename="r${i}.${f.format}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    f.bytes,
    Buffer.from('\r\n'),
  ]);
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function benchBatches(
  code: ServerCode,
  corpus: readonly CorpusFile[],
  opts: BatchBenchOptions,
  log: (line: string) => void,
): Promise<BatchBenchReport> {
  const files = Array.from({ length: opts.items }, (_, i) => corpus[i % corpus.length]!);

  const sync = await startServer(code, { env: { POOL_SIZE: String(opts.children) } });
  let syncWall: number;
  let syncCpu: number;
  let syncFailed = 0;
  try {
    let next = 0;
    const cpu0 = treeCpuMs(sync.pid);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        while (next < files.length) {
          const f = files[next++]!;
          const upload = multipartResume(f.bytes, `r.${f.format}`);
          const res = await fetch(`${sync.url}/v1/analyses`, {
            method: 'POST',
            headers: { ...sync.headers, 'content-type': upload.contentType },
            body: upload.body,
          });
          await res.arrayBuffer();
          if (res.status !== 200) syncFailed += 1;
        }
      }),
    );
    syncWall = performance.now() - t0;
    syncCpu = treeCpuMs(sync.pid) - cpu0;
  } finally {
    await sync.stop();
  }
  log(`  sync: ${files.length} resumes in ${(syncWall / 1000).toFixed(1)} s`);

  const redis = await startRedis();
  const workers: ChildProcess[] = [];
  const perWorker = Math.max(1, Math.floor(opts.children / 2));
  const api = await startServer(code, {
    env: { REDIS_URL: redis.url, BATCH_WORKER: 'false', POOL_SIZE: '1', BATCH_MAX_ITEMS: String(opts.perBatch) },
  });
  try {
    const workerEnv = { REDIS_URL: redis.url, POOL_SIZE: String(perWorker), WORKER_CONCURRENCY: String(perWorker * 2) };
    workers.push(...(await Promise.all([startWorkerProcess(code, workerEnv), startWorkerProcess(code, workerEnv)])));
    const chunks: CorpusFile[][] = [];
    for (let i = 0; i < files.length; i += opts.perBatch) chunks.push(files.slice(i, i + opts.perBatch));
    const pids = () => [api.pid, ...workers.map((w) => w.pid!), redis.pid()].filter((p): p is number => p !== undefined);
    const cpuNow = () => pids().reduce((sum, pid) => sum + treeCpuMs(pid), 0);
    const cpu0 = cpuNow();
    const split0 = pids().map(treeCpuMs);
    const t0 = performance.now();
    const ids: string[] = [];
    for (const chunk of chunks) {
      const { body, contentType } = batchBody(chunk);
      const res = await fetch(`${api.url}/v1/batches`, { method: 'POST', headers: { ...api.headers, 'content-type': contentType }, body });
      if (res.status !== 202) throw new Error(`POST /v1/batches answered ${res.status}: ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
    let failed = 0;
    const open = new Set(ids);
    while (open.size > 0) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      for (const id of [...open]) {
        const b = (await (await fetch(`${api.url}/v1/batches/${id}`, { headers: api.headers })).json()) as { status: string; failed: number };
        if (b.status === 'completed') {
          open.delete(id);
          failed += b.failed;
        }
      }
    }
    const wallMs = performance.now() - t0;
    const batchCpu = cpuNow() - cpu0;
    const split = pids().map((pid, i) => `${pid === api.pid ? 'api' : i <= workers.length ? `worker ${i}` : 'redis'} ${((treeCpuMs(pid) - split0[i]!) / files.length).toFixed(1)}`);
    log(`  batches: ${files.length} resumes in ${(wallMs / 1000).toFixed(1)} s`);
    log(`  CPU per resume: sync ${(syncCpu / files.length).toFixed(1)} ms, batches ${(batchCpu / files.length).toFixed(1)} ms (${split.join(', ')})`);
    const syncPerSecond = (files.length / syncWall) * 1000;
    const perSecond = (files.length / wallMs) * 1000;
    return {
      items: files.length,
      sync: { wallMs: syncWall, perSecond: syncPerSecond, failed: syncFailed, cpuMsPerItem: syncCpu / files.length },
      batches: {
        wallMs,
        perSecond,
        failed,
        batches: ids.length,
        workers: workers.length,
        cpuMsPerItem: batchCpu / files.length,
      },
      share: perSecond / syncPerSecond,
      overheadMsPerItem: (wallMs - syncWall) / files.length,
    };
  } finally {
    for (const w of workers) await stopChild(w);
    await api.stop();
    await redis.stop();
  }
}
