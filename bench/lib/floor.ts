// The physical floor: bare PDF extraction throughput over one PDF on N processes at once (N = the number
// of processes the server extracts on), either pdf-parse as installed or the server's own extraction call
// (floor-worker.mjs says how they differ). Each process warms up, then all start together on a signal.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './corpus.js';

const WORKER = fileURLToPath(new URL('../floor-worker.mjs', import.meta.url));

/** 'pdf-parse': the library as installed; 'extract-text': the server's extractPdfText. */
export type FloorKind = 'pdf-parse' | 'extract-text';

export interface FloorResult {
  kind: FloorKind;
  processes: number;
  durationMs: number;
  documents: number;
  /** Sum over processes of documents / elapsed. */
  perSecond: number;
  /** CPU ms per document, averaged over processes. */
  cpuMsPerDocument: number;
  /** PDFs/s of each sample when several were combined (combineFloors). */
  samples?: number[];
}

/**
 * Several samples of one floor (taken before and after the HTTP cells) as one: mean throughput and CPU per
 * document. The host's speed drifts over a run; one sample would set the whole ratio by its moment.
 */
export function combineFloors(samples: readonly FloorResult[]): FloorResult {
  const first = samples[0]!;
  const documents = samples.reduce((n, f) => n + f.documents, 0);
  return {
    kind: first.kind,
    processes: first.processes,
    durationMs: samples.reduce((n, f) => n + f.durationMs, 0),
    documents,
    perSecond: samples.reduce((n, f) => n + f.perSecond, 0) / samples.length,
    cpuMsPerDocument: samples.reduce((n, f) => n + f.cpuMsPerDocument * f.documents, 0) / Math.max(1, documents),
    samples: samples.map((f) => f.perSecond),
  };
}

interface Done {
  type: 'done';
  count: number;
  elapsedMs: number;
  cpuMs: number;
}

export async function measureFloor(
  kind: FloorKind,
  pdf: string,
  processes: number,
  opts: {
    warmupMs: number;
    durationMs: number;
    limits: { maxPages: number; maxTextChars: number };
    /**
     * The extract-text module the server runs (built JS, or the TypeScript source with tsx), and the
     * pdf-parse options module beside it.
     */
    code: { module: string; optionsModule: string; execArgv: string[] };
  },
): Promise<FloorResult> {
  const children = Array.from({ length: processes }, () =>
    fork(WORKER, [], { cwd: REPO_ROOT, execArgv: opts.code.execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }),
  );
  try {
    const ready = children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          child.once('message', () => resolve());
          child.once('exit', (code) => reject(new Error(`floor worker exited with ${code} before it was ready`)));
        }),
    );
    const job = {
      kind,
      pdf,
      warmupMs: opts.warmupMs,
      durationMs: opts.durationMs,
      limits: opts.limits,
      module: opts.code.module,
      optionsModule: opts.code.optionsModule,
    };
    for (const child of children) child.send(job);
    await Promise.all(ready);
    const done = children.map(
      (child) =>
        new Promise<Done>((resolve, reject) => {
          child.once('message', (m: Done) => resolve(m));
          child.once('exit', (code) => reject(new Error(`floor worker exited with ${code}`)));
        }),
    );
    for (const child of children) child.send({ type: 'go' });
    const results = await Promise.all(done);
    const documents = results.reduce((n, r) => n + r.count, 0);
    return {
      kind,
      processes,
      durationMs: opts.durationMs,
      documents,
      perSecond: results.reduce((n, r) => n + (1000 * r.count) / r.elapsedMs, 0),
      cpuMsPerDocument: results.reduce((n, r) => n + r.cpuMs, 0) / Math.max(1, documents),
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}
