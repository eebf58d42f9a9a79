// Runs every section of the benchmark in one process and returns one report object (see report.ts for
// the Markdown). Sections can be skipped for development; the smoke test runs all of them, tiny.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { buildDocument } from '../../src/pipeline/read/build-document.js';
import type { ResumeDocument } from '../../src/schemas/document.js';
import { type BatchBenchOptions, type BatchBenchReport, benchBatches } from './batches.js';
import { type CorpusFile, DEFAULT_CORPUS, listResumes, REPO_ROOT, sampleResumes } from './corpus.js';
import { combineFloors, type FloorKind, type FloorResult, measureFloor } from './floor.js';
import { type Cell, chooseEndpoint, extractionProcesses, jsonBody, multipartBody, type Probe, probe, type RequestBody, prepareServerCode, runCell, type ServerMode, startServer } from './http.js';
import { loadBenchKnowledge } from './knowledge.js';
import { type LoopRound, measureLoopUnderLargeTexts, repeatedText } from './event-loop.js';
import { RssSampler } from './proc.js';
import { benchLengthScaling, benchTaxonomyScaling, benchTextScaling, type LengthScale, type TaxonomyScale, type TextScale } from './scaling.js';
import { benchStages, extractRaw, type StageReport } from './stages.js';
import { benchOcr, type OcrReport } from './ocr.js';
import { median, type RepeatOptions } from './stats.js';

export type Section = 'stages' | 'taxonomy' | 'length' | 'text' | 'loop' | 'http' | 'batches' | 'ocr';
export const SECTIONS: readonly Section[] = ['stages', 'taxonomy', 'length', 'text', 'loop', 'http', 'batches', 'ocr'];

export interface BenchOptions {
  preset: string;
  sections: readonly Section[];
  corpus: string;
  /** Resumes per format for section 1 (all when undefined). */
  perFormat?: number;
  stageRepeat: StageReport['repeat'];
  taxonomyFactors: number[];
  /** How many corpus documents the taxonomy scaling matches (spread over formats). */
  taxonomyDocsPerFormat: number;
  lengthFactors: number[];
  /** Sizes (characters) of the hostile text shapes run through the whole text path. */
  textSizes: number[];
  scalingRepeat: RepeatOptions;
  /** Scaling rounds: factors are measured in turn, round after round; the median per factor is kept. */
  scalingRounds: number;
  /** Reads of the two-page scan, and of the text PDF with OCR on and off, in the OCR section. */
  ocr: { reps: number; textReps: number };
  /** Rounds of `concurrency` analyses of a `chars`-character text at once, on the real server (section 3c). */
  loop: { rounds: number; concurrency: number; chars: number };
  http: {
    mode: ServerMode;
    connections: number[];
    durationS: number;
    warmupS: number;
    floorDurationS: number;
    /** Floor processes; by default as many as the server extracts on. */
    floorProcesses?: number;
    /** Paths relative to the corpus. */
    pdf: string;
    docx: string;
    txt: string;
    cpuProfDir?: string;
    /** Extra server environment (the quick run shrinks the extraction pool to boot faster). */
    serverEnv?: Record<string, string>;
  };
  batches: BatchBenchOptions;
}

export const FULL: BenchOptions = {
  preset: 'full',
  sections: SECTIONS,
  corpus: DEFAULT_CORPUS,
  stageRepeat: {
    extract: { minMs: 150, minReps: 5, maxReps: 50 },
    analysis: { minMs: 40, minReps: 10, maxReps: 2000 },
  },
  taxonomyFactors: [1, 10, 100],
  taxonomyDocsPerFormat: 6,
  lengthFactors: [1, 10, 100],
  textSizes: [10_000, 50_000, 100_000, 200_000],
  scalingRepeat: { minMs: 40, minReps: 5, maxReps: 500 },
  scalingRounds: 5,
  ocr: { reps: 3, textReps: 30 },
  loop: { rounds: 5, concurrency: 5, chars: 200_000 },
  http: {
    mode: 'build',
    connections: [1, 8, 32],
    durationS: 4,
    warmupS: 2,
    floorDurationS: 5,
    pdf: 'customer_service/HEALTHCARE_75744306.pdf',
    docx: 'templates/soupboss/01-Office_Coordinator.docx',
    txt: 'customer_service/HEALTHCARE_75744306.txt',
  },
  batches: { items: 500, concurrency: 4, perBatch: 100, children: 2 },
};

/** Seconds, not minutes: every code path runs once, no figure means anything. */
export const QUICK: BenchOptions = {
  ...FULL,
  preset: 'quick',
  perFormat: 1,
  stageRepeat: {
    extract: { minMs: 0, minReps: 1, maxReps: 1 },
    analysis: { minMs: 0, minReps: 2, maxReps: 2 },
  },
  taxonomyFactors: [1, 2],
  taxonomyDocsPerFormat: 1,
  lengthFactors: [1, 2],
  textSizes: [2_000, 4_000],
  scalingRepeat: { minMs: 0, minReps: 1, maxReps: 1 },
  scalingRounds: 1,
  ocr: { reps: 0, textReps: 3 },
  // Past TEXT_WORK_MIN_CHARS (20k), so the text child is on the path.
  loop: { rounds: 1, concurrency: 2, chars: 30_000 },
  http: {
    ...FULL.http,
    mode: 'tsx',
    connections: [2],
    durationS: 0.3,
    warmupS: 0,
    floorDurationS: 0.3,
    floorProcesses: 1,
    serverEnv: { POOL_SIZE: '1' },
  },
  batches: { items: 6, concurrency: 2, perBatch: 3, children: 2 },
};

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  date: string;
  loadAverageAtStart: number[];
  commit: string;
  /** True when src/ or data/ differ from the commit (other work in the tree). */
  dirty: boolean;
}

export interface HttpReport {
  endpoint: string;
  serverMode: ServerMode;
  serverCommand: string;
  /** Extraction child processes the server ran (0: it parses on its main thread). */
  extractionChildren: number;
  bodies: Array<{ label: string; source: string; bytes: number; probe: Probe }>;
  cells: Cell[];
  /** Bare pdf-parse as installed: the floor. */
  floor: FloorResult;
  /** The server's own extraction call (extractPdfText) on the same processes. */
  ownExtraction: FloorResult;
  peakRss: number;
  peakRssAt32: number | undefined;
  peakProcesses: number;
}

export interface BenchReport {
  machine: Machine;
  options: BenchOptions;
  durationS: number;
  /** Wall time of each section, seconds. */
  sectionS: Partial<Record<Section, number>>;
  stages?: StageReport;
  taxonomy?: { documents: string[]; rows: TaxonomyScale[] };
  length?: { document: string; rows: LengthScale[] };
  text?: { rows: TextScale[] };
  loop?: { chars: number; serverCommand: string; rounds: LoopRound[] };
  http?: HttpReport;
  batches?: BatchBenchReport;
  ocr?: OcrReport;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryBytes: totalmem(),
    node: process.version,
    os: `${platform()} ${release()}`,
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    dirty: git(['status', '--porcelain', '--', 'src', 'data']) !== '',
  };
}

/** The scaling sections run factor after factor, round after round; keep each factor's median row. */
function medianRows<T extends { factor: number; matchMs: number }>(rounds: T[][]): T[] {
  const first = rounds[0] ?? [];
  return first.map((_, i) => {
    const candidates = rounds.map((r) => r[i]!).sort((a, b) => a.matchMs - b.matchMs);
    return candidates[Math.floor((candidates.length - 1) / 2)]!;
  });
}

async function benchHttp(opts: BenchOptions, log: (line: string) => void): Promise<HttpReport> {
  const h = opts.http;
  const read = (p: string) => readFileSync(join(opts.corpus, p));
  const bodies: RequestBody[] = [
    multipartBody('pdf', h.pdf, basename(h.pdf), read(h.pdf)),
    multipartBody('docx', h.docx, basename(h.docx), read(h.docx)),
    jsonBody('json', h.txt, read(h.txt).toString('utf8')),
  ];
  const k = loadBenchKnowledge();
  const code = prepareServerCode(h.mode, log);
  const server = await startServer(code, {
    ...(h.cpuProfDir ? { cpuProfDir: h.cpuProfDir } : {}),
    ...(h.serverEnv ? { env: h.serverEnv } : {}),
  });
  const sampler = new RssSampler(server.pid);
  sampler.start();
  try {
    const endpoint = await chooseEndpoint(server, bodies[2]!);
    log(`  server pid ${server.pid} (${h.mode}), endpoint ${endpoint}`);
    const probed = [];
    for (const body of bodies) {
      probed.push({ label: body.label, source: body.source, bytes: body.body.length, probe: await probe(server, endpoint, body) });
    }
    log('  probed; warming up');
    if (h.warmupS > 0) for (const body of bodies) await runCell(server, endpoint, body, 4, h.warmupS, sampler);
    const { children } = extractionProcesses(server.pid);
    const workers = h.floorProcesses ?? extractionProcesses(server.pid).workers;
    log(`  extraction children: ${children}; floor on ${workers} process(es)`);
    const floorOf = (kind: FloorKind) =>
      measureFloor(kind, join(opts.corpus, h.pdf), workers, {
        warmupMs: Math.min(2000, Math.max(300, h.warmupS * 1000)),
        durationMs: h.floorDurationS * 1000,
        limits: k.extractLimits,
        code: { module: code.extractModule, optionsModule: code.pdfOptionsModule, execArgv: code.execArgv },
      });
    const floorSample = async () => {
      const bare = await floorOf('pdf-parse');
      const own = await floorOf('extract-text');
      log(
        `  floor: pdf-parse ${bare.perSecond.toFixed(1)} PDFs/s, extractPdfText ${own.perSecond.toFixed(1)} PDFs/s ` +
          `on ${workers} process(es)`,
      );
      return { bare, own };
    };
    // Sampled before and after the cells, and averaged: the host's speed drifts during a run.
    const before = await floorSample();
    const cells: Cell[] = [];
    for (const connections of h.connections) {
      for (const body of bodies) {
        const cell = await runCell(server, endpoint, body, connections, h.durationS, sampler);
        cells.push(cell);
        log(
          `  ${body.label} c=${connections}: ${cell.perSecond.toFixed(1)}/s p50 ${cell.p50} ms p99 ${cell.p99} ms, ` +
            `non2xx ${cell.non2xx} errors ${cell.errors}, rss ${(cell.peakRss / 2 ** 20).toFixed(0)} MB`,
        );
      }
    }
    sampler.stop();
    const after = await floorSample();
    const floor = combineFloors([before.bare, after.bare]);
    const ownExtraction = combineFloors([before.own, after.own]);
    const at32 = cells.filter((c) => c.connections === 32).map((c) => c.peakRss);
    return {
      endpoint,
      serverMode: h.mode,
      serverCommand: code.command,
      extractionChildren: children,
      bodies: probed,
      cells,
      floor,
      ownExtraction,
      peakRss: sampler.peak,
      peakRssAt32: at32.length > 0 ? Math.max(...at32) : undefined,
      peakProcesses: sampler.peakProcesses,
    };
  } finally {
    sampler.stop();
    await server.stop();
    log('  server stopped');
  }
}

export async function runBench(opts: BenchOptions, log: (line: string) => void = () => undefined): Promise<BenchReport> {
  const t0 = performance.now();
  const report: BenchReport = { machine: describeMachine(), options: opts, durationS: 0, sectionS: {} };
  let mark = performance.now();
  const done = (s: Section) => {
    const now = performance.now();
    report.sectionS[s] = Number(((now - mark) / 1000).toFixed(1));
    mark = now;
  };
  const k = loadBenchKnowledge();
  const all = listResumes(opts.corpus);
  const files = opts.perFormat === undefined ? all : sampleResumes(all, opts.perFormat);
  const has = (s: Section) => opts.sections.includes(s);

  if (has('stages')) {
    log(`1. per-stage time over ${files.length} resumes`);
    report.stages = await benchStages(files, k, opts.stageRepeat, log);
    done('stages');
  }

  if (has('taxonomy') || has('length') || has('text')) {
    const docsOf = async (list: readonly CorpusFile[]) => {
      const docs: Array<{ name: string; doc: ResumeDocument }> = [];
      for (const f of list) {
        try {
          docs.push({ name: f.name, doc: buildDocument(f.format, await extractRaw(f, k), k.readLimits) });
        } catch {
          // Unreadable resumes are listed as skipped in section 1.
        }
      }
      return docs;
    };
    if (has('taxonomy')) {
      const docs = await docsOf(sampleResumes(all, opts.taxonomyDocsPerFormat));
      log(`2. taxonomy scaling over ${docs.length} documents`);
      const rows = benchTaxonomyScaling(
        docs.map((d) => d.doc),
        k,
        opts.taxonomyFactors,
        opts.scalingRepeat,
        opts.scalingRounds,
      );
      for (const r of rows) log(`  ${r.factor}x: ${r.patterns} patterns, match ${r.matchMs.toFixed(2)} ms (${r.ratio.toFixed(2)}x)`);
      report.taxonomy = { documents: docs.map((d) => d.name), rows };
      done('taxonomy');
    }
    if (has('length')) {
      // The PDF resume of median length: a typical resume, repeated.
      const pdfs = (await docsOf(all.filter((f) => f.format === 'pdf' && !f.name.startsWith('templates/'))))
        .sort((a, b) => a.doc.characters - b.doc.characters);
      const pick = pdfs[Math.floor((pdfs.length - 1) / 2)] ?? (await docsOf(files))[0]!;
      log(`3. text length scaling on ${pick.name}`);
      const rounds = Array.from({ length: opts.scalingRounds }, () =>
        benchLengthScaling(pick.doc.text, k, opts.lengthFactors, opts.scalingRepeat, log),
      );
      // Times: each factor's median round. Ratios: the median of each round's own ratio to its own 1x,
      // so a slow spell of the host during one round does not set a factor against another round's 1x.
      const rows = medianRows(rounds).map((r, i) => ({
        ...r,
        perCharRatio: median(rounds.map((round) => round[i]!.perCharRatio)),
        scanPerCharRatio: median(rounds.map((round) => round[i]!.scanPerCharRatio)),
      }));
      report.length = { document: pick.name, rows };
      done('length');
    }
    if (has('text')) {
      log('3b. text steps per character, hostile shapes, whole text path');
      const sample = (await docsOf(files))[0]!;
      report.text = { rows: benchTextScaling(sample.doc.text, k, opts.textSizes, opts.scalingRepeat, log) };
      done('text');
    }
  }

  if (has('loop')) {
    log(`3c. event loop of the real server under ${opts.loop.concurrency} concurrent ${opts.loop.chars}-character analyses`);
    const code = prepareServerCode(opts.http.mode, log);
    const server = await startServer(code, { env: opts.http.serverEnv ?? {} });
    try {
      const sample = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'sample-resume.txt'), 'utf8');
      const rounds = await measureLoopUnderLargeTexts(server, repeatedText(sample, opts.loop.chars), opts.loop);
      for (const r of rounds) {
        log(`  main thread ${r.mainCpuMsPerRequest.toFixed(1)} ms CPU per request, event loop max ${r.lagMaxMs.toFixed(1)} ms, statuses ${r.statuses.join(',')}`);
      }
      report.loop = { chars: opts.loop.chars, serverCommand: code.command, rounds };
    } finally {
      await server.stop();
    }
    done('loop');
  }

  if (has('http')) {
    log('4-5. HTTP throughput, latency and RSS');
    report.http = await benchHttp(opts, log);
    done('http');
  }
  if (has('batches')) {
    log(`6. batches: ${opts.batches.items} resumes through Redis and two workers vs the synchronous endpoint`);
    report.batches = await benchBatches(prepareServerCode(opts.http.mode, log), all, opts.batches, log);
    done('batches');
  }
  if (has('ocr')) {
    log('7. OCR of a two-page scan, and the text path with OCR on vs off');
    report.ocr = await benchOcr(k, opts.ocr.reps, opts.ocr.textReps, log);
    done('ocr');
  }
  report.durationS = (performance.now() - t0) / 1000;
  return report;
}

