// Runs the whole benchmark with tiny parameters so it cannot rot: every section, the real server as a
// child process, autocannon with Buffer bodies, the floor workers, and the report files. It asserts that
// the run measured what it claims (2xx answers that read the whole PDF, one row per factor, every target
// evaluated), never how fast anything was: timing targets live in the benchmark report.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QUICK } from '../../bench/lib/bench.js';
import { FORMATS } from '../../bench/lib/corpus.js';
import { STAGES } from '../../bench/lib/stages.js';
import { runAndWrite, updateSummaryDoc, type Written } from '../../bench/run.js';

const out = mkdtempSync(join(tmpdir(), 'skillbridge-bench-'));
let run: Written | undefined;
async function quickRun(): Promise<Written> {
  run ??= await runAndWrite(QUICK, out, () => undefined);
  return run;
}

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench --quick', () => {
  it('writes a Markdown and a JSON report naming the machine, Node version and date', async () => {
    const { files, markdown, report } = await quickRun();
    expect(files.map((f) => existsSync(f))).toEqual([true, true]);
    const json = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as typeof report;
    expect(json.machine.node).toBe(process.version);
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(markdown).toContain(report.machine.cpu);
    expect(markdown).toContain(process.version);
    expect(markdown).toContain(report.machine.date);
  }, 400_000);

  it('times every stage on resumes of every format', async () => {
    const { report } = await quickRun();
    for (const format of FORMATS) {
      const group = report.stages!.byFormat[format];
      expect(group.extract.n).toBeGreaterThan(0);
      for (const stage of STAGES) expect(group[stage].median).toBeGreaterThan(0);
    }
  }, 400_000);

  it('adds synthetic patterns through the compiler and repeats the text for the scaling sections', async () => {
    const { report } = await quickRun();
    const [base, scaled] = report.taxonomy!.rows;
    expect(scaled!.patterns).toBe(base!.patterns * QUICK.taxonomyFactors[1]!);
    const [one, more] = report.length!.rows;
    expect(more!.characters).toBeGreaterThan(one!.characters * (QUICK.lengthFactors[1]! - 0.1));
  }, 400_000);

  it('loads /v1/analyses over HTTP with intact binary bodies and no error answers', async () => {
    const { report } = await quickRun();
    const http = report.http!;
    expect(http.endpoint).toBe('/v1/analyses');
    const pdf = http.bodies.find((b) => b.label === 'pdf')!;
    // A PDF corrupted by a text read still "parses" to a few dozen characters; this one has thousands.
    expect(pdf.probe.status).toBe(200);
    expect(pdf.probe.characters).toBeGreaterThan(1000);
    expect(http.cells).toHaveLength(QUICK.http.connections.length * 3);
    for (const cell of http.cells) {
      expect(cell.ok).toBeGreaterThan(0);
      expect(cell.non2xx + cell.errors + cell.timeouts).toBe(0);
    }
    // A PDF answer's CPU splits between the server process and the extraction children it parses in.
    for (const cell of http.cells.filter((c) => c.body === 'pdf')) {
      expect(cell.mainCpuMsPerOk).toBeGreaterThan(0);
      expect(cell.serverCpuMsPerOk).toBeGreaterThan(cell.mainCpuMsPerOk);
    }
    expect(http.floor).toMatchObject({ kind: 'pdf-parse' });
    expect(http.ownExtraction).toMatchObject({ kind: 'extract-text' });
    expect(http.floor.documents).toBeGreaterThan(0);
    expect(http.ownExtraction.documents).toBeGreaterThan(0);
    expect(http.peakRss).toBeGreaterThan(0);
  }, 400_000);

  it('sends the same resumes through the synchronous endpoint and through batches on Redis', async () => {
    const { report } = await quickRun();
    const b = report.batches!;
    expect(b.items).toBe(QUICK.batches.items);
    expect(b.batches).toMatchObject({ batches: Math.ceil(QUICK.batches.items / QUICK.batches.perBatch), workers: 2, failed: 0 });
    expect(b.sync.failed).toBe(0);
    expect(b.sync.wallMs).toBeGreaterThan(0);
    expect(b.batches.wallMs).toBeGreaterThan(0);
    // CPU time was read from the processes that did the work (parsing alone is milliseconds per resume).
    expect(b.sync.cpuMsPerItem).toBeGreaterThan(1);
    expect(b.batches.cpuMsPerItem).toBeGreaterThan(1);
  }, 400_000);

  it('measures the real server\'s event loop under concurrent long texts (section 3c)', async () => {
    const { report } = await quickRun();
    const loop = report.loop!;
    expect(loop.rounds).toHaveLength(QUICK.loop.rounds);
    for (const r of loop.rounds) {
      expect(r.statuses).toEqual(Array(QUICK.loop.concurrency).fill(200));
      expect(r.lagMaxMs).toBeGreaterThan(0);
      expect(Math.min(...r.answerBytes)).toBeGreaterThan(QUICK.loop.chars);
    }
  }, 400_000);

  it('evaluates every target against a measured figure', async () => {
    const { targets, markdown } = await quickRun();
    expect(targets.map((t) => t.id)).toEqual([
      'analysis-ratio',
      'taxonomy-scaling',
      'linear-length',
      'event-loop-hold',
      'throughput',
      'p99-c8',
      'rss-c32',
      'batch-throughput',
      'ocr-two-page-scan',
    ]);
    for (const t of targets.slice(0, 4)) expect(t.met).toBeTypeOf('boolean');
    expect(targets.at(-1)!.met).toBeTypeOf('boolean');
    for (const t of targets) expect(markdown).toContain(t.target);
  }, 400_000);

  it('reads the two-page scan by OCR in the OCR section', async () => {
    const { report } = await quickRun();
    expect(report.ocr!.pages).toBe(2);
    expect(report.ocr!.confidence).toBeGreaterThan(50);
    expect(report.ocr!.textPdfMsOcrOn).toBeGreaterThan(0);
  }, 300_000);

  it('refreshes only the generated block of the summary page', async () => {
    const written = await quickRun();
    const file = join(out, 'benchmarks.md');
    writeFileSync(
      file,
      '# Benchmarks\n\nWhat was tried.\n\n<!-- bench:start (written by npm run bench; do not edit by hand) -->\nold figures\n<!-- bench:end -->\n\nMore prose.\n',
    );
    expect(updateSummaryDoc(written, file)).toBe(true);
    const doc = readFileSync(file, 'utf8');
    expect(doc).not.toContain('old figures');
    expect(doc).toContain('What was tried.');
    expect(doc).toContain('More prose.');
    expect(doc).toContain(written.report.machine.node);
    for (const t of written.targets) expect(doc).toContain(t.target);
  }, 400_000);
});
