// One process of the bare-extraction floor: parses the same PDF with pdf-parse through extractPdfText (the
// exact call the server's extraction child makes) in a loop, with no HTTP and no analysis, and reports how
// many it finished. Plain JavaScript so it runs the same module the server runs: the built one, or the
// TypeScript source under tsx. Started by lib/floor.ts over IPC; not meant to be run by hand.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

async function loop(extract, bytes, limits, ms) {
  const t0 = performance.now();
  let count = 0;
  while (performance.now() - t0 < ms) {
    await extract(bytes, limits);
    count += 1;
  }
  return { count, elapsedMs: performance.now() - t0 };
}

process.once('message', (job) => {
  void (async () => {
    const { extractPdfText } = await import(job.module);
    const bytes = new Uint8Array(readFileSync(job.pdf));
    await loop(extractPdfText, bytes, job.limits, job.warmupMs);
    process.send({ type: 'ready' });
    process.once('message', () => {
      void (async () => {
        const cpu0 = process.cpuUsage();
        const result = await loop(extractPdfText, bytes, job.limits, job.durationMs);
        const cpu = process.cpuUsage(cpu0);
        process.send({ type: 'done', ...result, cpuMs: (cpu.user + cpu.system) / 1000 });
        process.disconnect();
      })();
    });
  })();
});
