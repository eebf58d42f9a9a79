// The production Extractor: PDF/DOCX parsing in a small pool of child processes (workerpool, process
// workers). Each slot is a one-child workerpool Pool, so this file decides which child takes a task and
// when a child is retired: once its resident memory passes `recycleRssMb` after a document, after
// `recycleAfter` documents, after any refused document, crash or timeout. Work only goes to a child
// that has loaded the parsers; a replacement takes from the queue once it has. The child runs with a V8 heap cap; a parse past its deadline is SIGKILLed and answers
// EXTRACTION_TIMEOUT, a crash answers UNREADABLE_DOCUMENT, and a fresh child replaces either one. A
// document the child reads by OCR (it says so once its first page image is rendered) gets `ocrTimeoutMs` more.
// Past `queueMax` waiting documents the pool refuses with OVERLOADED instead of queueing without bound.
// A child that dies mid-document for any other reason (killed from outside, OOM killer, a crash) gets
// the document retried once, first in line, on a fresh child; a second death answers UNREADABLE_DOCUMENT.
// The heap cap bounds the JS heap only, so a watch on the child's resident memory (Linux /proc) kills it
// past `rssMb`: a flate bomb's ArrayBuffers are stopped there. Limits: the watch polls every 100 ms, so
// a child can overshoot the cap briefly; off Linux only the heap cap and the deadline apply.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import workerpool from 'workerpool';
import { appError, type ErrorCode, ERROR_DEFINITIONS } from '../errors.js';
import type { Config } from '../config.js';
import type { ExtractLimits } from './extract-text.js';
import type { RawText } from '../pipeline/read/build-document.js';
import type { ChildReply } from './child.js';
import { type BinaryFormat, type Extractor, extractLimitsFromConfig, OCR_STARTED } from './extractor.js';

export interface PoolOptions {
  size: number;
  queueMax: number;
  timeoutMs: number;
  heapMb: number;
  /** V8 semi-space of a child (--max-semi-space-size). */
  semiSpaceMb: number;
  /** Resident-memory cap of a child (heap, ArrayBuffers and native memory); 0 disables the watch. */
  rssMb: number;
  /** Resident memory past which a child is replaced after its current document (0: never). */
  recycleRssMb: number;
  recycleAfter: number;
  limits: ExtractLimits;
}

export interface PoolStats {
  size: number;
  busy: number;
  /** Children that have loaded the parsers. */
  warm: number;
  queued: number;
  queueMax: number;
  /** Children started since boot (each recycle starts one). */
  spawned: number;
  /** Process ids of the live children. */
  pids: number[];
}

/** Outcome of one extraction, reported to observers (metrics) without any document content. */
export interface ExtractionEvent {
  format: BinaryFormat;
  seconds: number;
  outcome: 'ok' | ErrorCode;
}

export interface PoolExtractor extends Extractor {
  stats(): PoolStats;
  /** Seconds a refused client should wait, from the work ahead of it. */
  retryAfterSeconds(): number;
}

interface Slot {
  pool: workerpool.Pool;
  /** The child has loaded the parsers (or gave up loading): it may take a document. */
  warm: boolean;
  done: number;
  busy: boolean;
}

interface Task {
  format: BinaryFormat;
  bytes: Uint8Array;
  /** The document already lost one child: another death is the document's fault. */
  retried: boolean;
  resolve: (raw: RawText) => void;
  reject: (err: unknown) => void;
}

const here = fileURLToPath(import.meta.url);
const fromSource = here.endsWith('.ts');

/** Built JS forks `<name>.js` beside this file; TypeScript sources (tests, tsx) fork `<name>.ts` through tsx. */
export function childEntry(name = 'child'): { script: string; execArgv: string[] } {
  if (!fromSource) return { script: join(dirname(here), `${name}.js`), execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { script: join(dirname(here), `${name}.ts`), execArgv: ['--import', tsx] };
}

const PAGE_BYTES = 4096;
const RSS_POLL_MS = 100;
const STARTUP_WAIT_MS = 30_000;

/** Resident bytes of a process from /proc (Linux); undefined elsewhere or once it is gone. */
function residentBytes(pid: number): number | undefined {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]);
    return Number.isFinite(pages) ? pages * PAGE_BYTES : undefined;
  } catch {
    return undefined;
  }
}

function childPid(pool: workerpool.Pool): number | undefined {
  // workerpool keeps its handlers private; the pid is needed to SIGKILL a child stuck in a parse.
  const workers = (pool as unknown as { workers: { worker?: ChildProcess | null }[] }).workers;
  return workers[0]?.worker?.pid;
}

/** workerpool reports a dead child's signal in its error text: SIGKILL means someone else killed it. */
function killedFromOutside(err: unknown): boolean {
  return err instanceof Error && /signalCode: `SIGKILL`/.test(err.message);
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function poolOptionsFromConfig(config: Config): PoolOptions {
  return {
    size: config.POOL_SIZE,
    queueMax: config.POOL_QUEUE_MAX,
    timeoutMs: config.PARSE_TIMEOUT_MS,
    heapMb: config.CHILD_HEAP_MB,
    semiSpaceMb: config.CHILD_SEMI_SPACE_MB,
    rssMb: config.CHILD_RSS_MB,
    recycleRssMb: config.CHILD_RECYCLE_RSS_MB,
    recycleAfter: config.RECYCLE_AFTER,
    limits: extractLimitsFromConfig(config),
  };
}

export function createPoolExtractor(
  options: PoolOptions,
  observe: (event: ExtractionEvent) => void = () => undefined,
): PoolExtractor {
  const entry = childEntry();
  const spawn = (): workerpool.Pool =>
    workerpool.pool(entry.script, {
      workerType: 'process',
      minWorkers: 1,
      maxWorkers: 1,
      // Drains the child's stdout/stderr into events nobody forwards: parser warnings and V8's
      // out-of-memory report never reach the server's own streams.
      emitStdStreams: true,
      workerTerminateTimeout: 200,
      forkOpts: {
        execArgv: [...entry.execArgv, `--max-old-space-size=${options.heapMb}`, `--max-semi-space-size=${options.semiSpaceMb}`],
        serialization: 'advanced',
      },
    });

  let spawned = 0;
  let closed = false;
  const queue: Task[] = [];
  /** Gives `slot` a fresh child. The slot takes work once the child has loaded the parsers. */
  const start = (slot: Slot): void => {
    spawned += 1;
    const pool = spawn();
    slot.pool = pool;
    slot.warm = false;
    let timer: NodeJS.Timeout | undefined;
    // A child that fails or hangs while loading still becomes the slot's child: the next document
    // meets its deadline there (or its crash), and that retires it.
    void Promise.race([
      Promise.resolve(pool.exec('ready', [])).catch(() => undefined),
      new Promise((r) => {
        timer = setTimeout(r, STARTUP_WAIT_MS);
        timer.unref();
      }),
    ]).then(() => {
      clearTimeout(timer);
      if (slot.pool !== pool || closed) return;
      slot.warm = true;
      takeNext(slot);
    });
  };
  const newSlot = (): Slot => {
    const slot = { done: 0, busy: false } as Slot;
    start(slot);
    return slot;
  };
  const slots: Slot[] = Array.from({ length: options.size }, newSlot);
  let averageSeconds = 0.05;

  const retire = (slot: Slot, kill: boolean): void => {
    const old = slot.pool;
    if (kill) {
      const pid = childPid(old);
      if (pid !== undefined) killPid(pid);
    }
    void old.terminate(true).catch(() => undefined);
    if (!closed) start(slot);
    slot.done = 0;
  };

  /** Runs the oldest queued document on `slot` when the slot can take it. */
  function takeNext(slot: Slot): void {
    if (closed || slot.busy || !slot.warm) return;
    const next = queue.shift();
    if (next) void run(slot, next);
  }

  const run = async (slot: Slot, task: Task): Promise<void> => {
    slot.busy = true;
    const started = performance.now();
    let outcome: ExtractionEvent['outcome'] = 'ok';
    let overMemory = false;
    let retry = false;
    let timedOut = false;
    let watch: NodeJS.Timeout | undefined;
    try {
      const pid = childPid(slot.pool);
      if (options.rssMb > 0 && pid !== undefined) {
        // The heap cap misses ArrayBuffers (a flate bomb's output): watch the whole process.
        watch = setInterval(() => {
          const rss = residentBytes(pid);
          if (rss !== undefined && rss > options.rssMb * 1024 * 1024) {
            overMemory = true;
            killPid(pid);
          }
        }, RSS_POLL_MS);
        watch.unref();
      }
      // The deadline is ours, not workerpool's `.timeout()`, so OCR can extend it once it starts.
      let deadline: NodeJS.Timeout | undefined;
      let cancel = (): void => undefined;
      const expire = (): void => {
        timedOut = true;
        cancel();
      };
      const extendForOcr = (payload: unknown): void => {
        const ocrMs = options.limits.ocr?.timeoutMs;
        if (payload !== OCR_STARTED || deadline === undefined || ocrMs === undefined) return;
        clearTimeout(deadline);
        const left = options.timeoutMs - (performance.now() - started);
        deadline = setTimeout(expire, Math.max(0, left) + ocrMs);
      };
      const execution = slot.pool.exec('extract', [task.format, task.bytes, options.limits], { on: extendForOcr });
      cancel = () => void execution.cancel();
      deadline = setTimeout(expire, options.timeoutMs);
      let reply: ChildReply;
      try {
        reply = (await execution) as ChildReply;
      } finally {
        // Not workerpool's own `finally`: with workerpool 10.0.3 it never settled here once the child had
        // sent an event (measured), and the request hung.
        clearTimeout(deadline);
        deadline = undefined;
      }
      slot.done += 1;
      if (reply.ok) {
        // Memory that only grows (a leak in a parser) is shed between documents, before the hard cap.
        const rss = options.recycleRssMb > 0 && pid !== undefined ? residentBytes(pid) : undefined;
        if (slot.done >= options.recycleAfter || (rss ?? 0) > options.recycleRssMb * 1024 * 1024) {
          retire(slot, false);
        }
        task.resolve(reply.raw);
      } else {
        retire(slot, false);
        const code: ErrorCode = reply.code in ERROR_DEFINITIONS ? (reply.code as ErrorCode) : 'UNREADABLE_DOCUMENT';
        const err = appError(code);
        err.message = reply.message;
        outcome = code;
        task.reject(err);
      }
    } catch (err) {
      retire(slot, true);
      if (closed) outcome = 'SHUTTING_DOWN';
      else if (timedOut) outcome = 'EXTRACTION_TIMEOUT';
      else outcome = 'UNREADABLE_DOCUMENT';
      // The child was killed from outside (an operator, the OOM killer), not at our hand (deadline,
      // memory cap) and not by the document itself (a V8 heap-limit abort recurs on every try): once, that
      // is the child's misfortune rather than the document's.
      retry = outcome === 'UNREADABLE_DOCUMENT' && !overMemory && !task.retried && killedFromOutside(err);
      if (retry) {
        task.retried = true;
        queue.unshift(task);
      } else task.reject(
        outcome === 'UNREADABLE_DOCUMENT'
          ? appError(
              'UNREADABLE_DOCUMENT',
              overMemory ? 'the document expands beyond the memory limit' : 'the parser stopped on this document',
            )
          : appError(outcome),
      );
    } finally {
      clearInterval(watch);
      const seconds = (performance.now() - started) / 1000;
      averageSeconds = averageSeconds * 0.9 + seconds * 0.1;
      if (!retry) observe({ format: task.format, seconds, outcome });
      slot.busy = false;
      // A retired slot's new child takes from the queue once it is warm (start); a retried document
      // goes to any other child that is free now.
      takeNext(slot);
      if (retry) {
        const idle = slots.find((s) => !s.busy && s.warm);
        if (idle) takeNext(idle);
      }
    }
  };

  return {
    extract(format, bytes) {
      if (closed) return Promise.reject(appError('SHUTTING_DOWN'));
      return new Promise<RawText>((resolve, reject) => {
        const task: Task = { format, bytes, retried: false, resolve, reject };
        // Only a warm child: one still loading the parsers (about 0.2 s) would hold the document
        // while another child may be free sooner; it takes from the queue once it is warm.
        const idle = slots.find((s) => !s.busy && s.warm);
        if (idle) void run(idle, task);
        else if (queue.length >= options.queueMax) {
          reject(appError('OVERLOADED', 'the document queue is full'));
        } else queue.push(task);
      });
    },
    stats: () => ({
      size: options.size,
      busy: slots.filter((s) => s.busy).length,
      warm: slots.filter((s) => s.warm).length,
      queued: queue.length,
      queueMax: options.queueMax,
      spawned,
      pids: slots.map((s) => childPid(s.pool)).filter((p): p is number => p !== undefined),
    }),
    retryAfterSeconds: () =>
      Math.max(1, Math.ceil(((queue.length + options.size) * averageSeconds) / options.size)),
    async close() {
      if (closed) return;
      closed = true;
      for (const task of queue.splice(0)) task.reject(appError('SHUTTING_DOWN'));
      await Promise.all(slots.map((s) => s.pool.terminate(true).catch(() => undefined)));
    },
  };
}
