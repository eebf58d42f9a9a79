// Process-tree memory from /proc (Linux only): the server and every process it spawned, summed.
import { readdirSync, readFileSync } from 'node:fs';

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    } catch {
      // The task ended while we read.
    }
  }
  return out;
}

/** `pid` and all its descendants that are alive now. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i += 1) all.push(...childrenOf(all[i]!));
  return all;
}

/** The executable name the kernel reports ("node", "esbuild"), or '' when the process is gone. */
export function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * The server and its Node descendants (extraction children). Other executables are left out: under tsx
 * the tree also holds esbuild's transpiler service, which a production (built) server does not run.
 */
export function nodeTree(pid: number): number[] {
  return processTree(pid).filter((p) => p === pid || commOf(p) === 'node');
}

/** Resident set size in bytes, 0 when the process is gone. */
export function rssBytes(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function treeRssBytes(pid: number): { total: number; processes: number } {
  const pids = nodeTree(pid);
  return { total: pids.reduce((acc, p) => acc + rssBytes(p), 0), processes: pids.length };
}

/** Samples the tree's RSS on a timer; `peak` since start, `window()` peaks since the last call. */
export class RssSampler {
  peak = 0;
  peakProcesses = 0;
  private windowPeak = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pid: number,
    private readonly everyMs = 50,
  ) {}

  sample(): void {
    const { total, processes } = treeRssBytes(this.pid);
    if (total > this.peak) this.peak = total;
    if (total > this.windowPeak) this.windowPeak = total;
    if (processes > this.peakProcesses) this.peakProcesses = processes;
  }

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
  }

  /** Peak since the previous call (or start), then starts a new window. */
  window(): number {
    this.sample();
    const peak = this.windowPeak;
    this.windowPeak = 0;
    return peak;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU time (ms) used so far by the server's Node tree: the server with its reaped children (cutime,
 * cstime: recycled extraction children) plus the live children.
 */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of nodeTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      // Fields after the ")" that closes the command name; utime is field 14 of the whole line.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
      if (p === pid) ticks += Number(f[13]) + Number(f[14]);
    } catch {
      // Gone between listing and reading.
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU time (ms) used so far by the server process alone (its own threads, no child process). */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU time (ms) used so far by the main thread of process `pid` alone (the thread that runs its event
 * loop; not V8's helper threads nor libuv's pool). An upper bound on how long its requests held the loop.
 */
export function mainThreadCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * The extraction and text-work children of `pid` (or with `parsersOnly`, the extraction children alone),
 * found by their entry script (tsx's helpers are not ours).
 */
export function extractionChildrenOf(pid: number, parsersOnly = false): number[] {
  const entry = parsersOnly ? /extraction\/child\.(ts|js)/ : /extraction\/(text-)?child\.(ts|js)/;
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'latin1');
      if (ppid === pid && entry.test(cmdline)) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Running, not gone and not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
