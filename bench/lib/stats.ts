// Small statistics and timing helpers for the benchmark. Times are in milliseconds (floats).
// Pure functions are timed per call with process.hrtime.bigint after warm-up, repeated until a minimum
// wall time or repetition count is reached, and summarized by the median so a GC pause does not skew it.

/** Value at quantile q (0..1) of `values`, nearest rank on a sorted copy; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p95 = (values: readonly number[]): number => quantile(values, 0.95);
export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export interface Summary {
  n: number;
  median: number;
  p95: number;
}

export function summarize(values: readonly number[]): Summary {
  return { n: values.length, median: median(values), p95: p95(values) };
}

export interface RepeatOptions {
  /** Keep repeating until this much time was spent... */
  minMs: number;
  /** ...and at least this many calls were timed... */
  minReps: number;
  /** ...but never more calls than this. */
  maxReps: number;
}

/** Keeps results reachable so the optimizer cannot drop a call whose value is unused. */
export const sink: unknown[] = [];
function keep(value: unknown): void {
  sink[0] = value;
}

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Median ms per call of a synchronous function. */
export function timeSync(fn: () => unknown, opts: RepeatOptions): number {
  const times: number[] = [];
  const begin = nowMs();
  while (times.length < opts.maxReps && (times.length < opts.minReps || nowMs() - begin < opts.minMs)) {
    const t0 = process.hrtime.bigint();
    keep(fn());
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

/** Median ms per call of an asynchronous function (awaited one at a time). */
export async function timeAsync(fn: () => Promise<unknown>, opts: RepeatOptions): Promise<number> {
  const times: number[] = [];
  const begin = nowMs();
  while (times.length < opts.maxReps && (times.length < opts.minReps || nowMs() - begin < opts.minMs)) {
    const t0 = process.hrtime.bigint();
    keep(await fn());
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

/** Rounds for display and JSON: 3 significant decimals below 10, fewer above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 1 : abs >= 10 ? 2 : abs >= 1 ? 3 : 4;
  return Number(value.toFixed(digits));
}
