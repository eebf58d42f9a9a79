// Helpers for the batch tests: polling a batch to its end, and `npm run worker` as a real child process.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './corpus.js';

export interface BatchView {
  id: string;
  status: string;
  total: number;
  completed: number;
  failed: number;
}

export async function waitForBatch(
  base: string,
  id: string,
  headers: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<BatchView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${base}/v1/batches/${id}`, { headers });
    if (res.status === 200) {
      const batch = (await res.json()) as BatchView;
      if (batch.status === 'completed') return batch;
    }
    if (Date.now() > deadline) throw new Error(`batch ${id} did not complete (last status ${res.status})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  stop: () => Promise<void>;
}

/** Starts src/worker.ts (what `npm run worker` runs, from source) and waits until it takes jobs. */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = spawn(process.execPath, ['--import', tsx, join(REPO_ROOT, 'src', 'worker.ts')], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', POOL_SIZE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${out.slice(-500)}`)), 45_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('skillbridge worker ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}: ${out.slice(-500)}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    child,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
