// One process of a bare-extraction floor: parses the same PDF in a loop with no HTTP and no analysis, and
// reports how many it finished. Two kinds (job.kind):
// - 'pdf-parse': the library as installed, called the way src/extraction/extract-text.ts calls it (the
//   options of pdf-parse-options.ts; load, getText, destroy) and nothing else: the issue's "bare
//   pdf-parse" floor.
// - 'extract-text': extractPdfText itself, the exact call the server's extraction child makes, which also
//   restores the engine's Array.prototype.push that pdfjs-dist's core-js replaces (native-push.ts).
// Plain JavaScript so it runs the same module the server runs: the built one, or the TypeScript source
// under tsx. Started by lib/floor.ts over IPC; not meant to be run by hand.
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

async function extractor(job) {
  if (job.kind === 'extract-text') return (await import(job.module)).extractPdfText;
  const { PDFParse } = await import('pdf-parse');
  const { GET_TEXT_OPTIONS, pdfParseOptions } = await import(job.optionsModule);
  return async (bytes) => {
    const parser = new PDFParse(pdfParseOptions(bytes));
    try {
      await parser.load();
      return (await parser.getText(GET_TEXT_OPTIONS)).text;
    } finally {
      await parser.destroy();
    }
  };
}

process.once('message', (job) => {
  void (async () => {
    const extract = await extractor(job);
    const bytes = new Uint8Array(readFileSync(job.pdf));
    await loop(extract, bytes, job.limits, job.warmupMs);
    process.send({ type: 'ready' });
    process.once('message', () => {
      void (async () => {
        const cpu0 = process.cpuUsage();
        const result = await loop(extract, bytes, job.limits, job.durationMs);
        const cpu = process.cpuUsage(cpu0);
        process.send({ type: 'done', ...result, cpuMs: (cpu.user + cpu.system) / 1000 });
        process.disconnect();
      })();
    });
  })();
});
