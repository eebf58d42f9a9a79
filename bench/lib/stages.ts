// Section 1 of the report: each pipeline step timed in-process, per resume, over the whole dev corpus.
// Every step is called with exactly the inputs the server gives it. Extraction of a TXT upload is its
// decoding (the step that stands where pdf.js or mammoth stands for the binary formats).
import { decodeText } from '../../src/pipeline/read/decode-text.js';
import { detectType } from '../../src/pipeline/read/detect-type.js';
import { extractDocxText, extractImageText, extractPdfText } from '../../src/extraction/extract-text.js';
import { type RawText } from '../../src/pipeline/read/build-document.js';
import { reportGaps } from '../../src/pipeline/report/gaps.js';
import { competencyOf, matchEvidence } from '../../src/pipeline/match/collect-evidence.js';
import { buildDocument } from '../../src/pipeline/read/build-document.js';
import { rewriteResume } from '../../src/pipeline/rewrite/rewrite-bullet.js';
import { scoreCompetencies } from '../../src/pipeline/match/score.js';
import type { ResumeDocument } from '../../src/schemas/document.js';
import type { CorpusFile, Format } from './corpus.js';
import { FORMATS } from './corpus.js';
import type { BenchKnowledge } from './knowledge.js';
import { type RepeatOptions, round, type Summary, summarize, timeAsync, timeSync } from './stats.js';

// `read` is the whole reading step the server runs after extraction (buildDocument: normalize, segment and
// the structured fields); until 2026-12-02 the bench timed only normalize and segment, and so left the
// fields (contact, education, certifications, skills) out of the analysis it compared with extraction.
export const STAGES = ['extract', 'read', 'match', 'score', 'gaps', 'rewrite'] as const;
export type Stage = (typeof STAGES)[number];
/** Everything after extraction. */
export const ANALYSIS_STAGES: readonly Stage[] = STAGES.filter((s) => s !== 'extract');

/** Fixed so gap reports do not depend on the day the benchmark runs. */
export const AS_OF = '2026-11';

export interface ResumeTiming {
  name: string;
  format: Format;
  pages?: number;
  characters: number;
  bullets: number;
  evidence: number;
  /** Median ms per call of each stage. */
  ms: Record<Stage, number>;
  analysisMs: number;
  /** analysisMs / ms.extract */
  ratio: number;
}

export interface StageReport {
  repeat: { extract: RepeatOptions; analysis: RepeatOptions };
  resumes: ResumeTiming[];
  skipped: Array<{ name: string; reason: string }>;
  /** Per format, and 'all': each stage's median and p95 over resumes (ms), analysis and ratio too. */
  byFormat: Record<Format | 'all', Record<Stage | 'analysis' | 'ratio', Summary>>;
}

export function extractRaw(file: Pick<CorpusFile, 'bytes'>, k: BenchKnowledge): Promise<RawText> {
  const detected = detectType(file.bytes);
  switch (detected.kind) {
    case 'pdf':
      return extractPdfText(file.bytes, k.extractLimits);
    case 'zip':
      return extractDocxText(file.bytes, k.extractLimits);
    case 'txt':
      return Promise.resolve({ text: decodeText(file.bytes, detected.encoding), truncated: false });
    case 'image':
      return extractImageText(file.bytes, k.extractLimits);
  }
}

/** Runs every step once, untimed: the inputs of each step, and a warm-up of the code paths. */
export function runAnalysis(doc: ResumeDocument, k: BenchKnowledge) {
  const evidence = matchEvidence(doc, k.taxonomy);
  const competencies = scoreCompetencies(doc, evidence, k.taxonomy);
  const gaps = reportGaps(doc, competencies, { taxonomy: k.taxonomy, roles: k.roles }, { asOf: AS_OF });
  const rewrites = rewriteResume(doc, evidence, (e) => competencyOf(e, k.taxonomy), k.lexicon);
  return { evidence, competencies, gaps, rewrites };
}

async function timeResume(
  file: CorpusFile,
  k: BenchKnowledge,
  repeat: StageReport['repeat'],
): Promise<ResumeTiming> {
  const raw = await extractRaw(file, k);
  const doc = buildDocument(file.format, raw, k.readLimits);
  const { evidence, competencies } = runAnalysis(doc, k);
  const { taxonomy, roles, lexicon } = k;
  const opts = repeat.analysis;
  const ms: Record<Stage, number> = {
    // Extraction is timed with the format's own extractor; TXT is decoding.
    extract:
      file.format === 'txt'
        ? timeSync(() => extractRaw(file, k), opts)
        : await timeAsync(() => extractRaw(file, k), repeat.extract),
    read: timeSync(() => buildDocument(file.format, raw, k.readLimits), opts),
    match: timeSync(() => matchEvidence(doc, taxonomy), opts),
    score: timeSync(() => scoreCompetencies(doc, evidence, taxonomy), opts),
    gaps: timeSync(() => reportGaps(doc, competencies, { taxonomy, roles }, { asOf: AS_OF }), opts),
    rewrite: timeSync(() => rewriteResume(doc, evidence, (e) => competencyOf(e, taxonomy), lexicon), opts),
  };
  const analysisMs = ANALYSIS_STAGES.reduce((acc, s) => acc + ms[s], 0);
  return {
    name: file.name,
    format: file.format,
    ...(raw.pages !== undefined ? { pages: raw.pages } : {}),
    characters: doc.characters,
    bullets: doc.bullets.length,
    evidence: evidence.length,
    ms,
    analysisMs,
    ratio: analysisMs / ms.extract,
  };
}

function summarizeGroup(list: readonly ResumeTiming[]): Record<Stage | 'analysis' | 'ratio', Summary> {
  const out = {} as Record<Stage | 'analysis' | 'ratio', Summary>;
  for (const s of STAGES) out[s] = summarize(list.map((r) => r.ms[s]));
  out.analysis = summarize(list.map((r) => r.analysisMs));
  out.ratio = summarize(list.map((r) => r.ratio));
  return out;
}

export async function benchStages(
  files: readonly CorpusFile[],
  k: BenchKnowledge,
  repeat: StageReport['repeat'],
  log: (line: string) => void = () => undefined,
): Promise<StageReport> {
  const skipped: StageReport['skipped'] = [];
  const usable: CorpusFile[] = [];
  // Warm-up: two untimed passes over every resume, so JIT tiers and caches are in steady state.
  for (let pass = 0; pass < 2; pass += 1) {
    for (const file of pass === 0 ? files : usable) {
      try {
        const raw = await extractRaw(file, k);
        runAnalysis(buildDocument(file.format, raw, k.readLimits), k);
        if (pass === 0) usable.push(file);
      } catch (err) {
        if (pass === 0) skipped.push({ name: file.name, reason: (err as Error).message });
      }
    }
  }
  const resumes: ResumeTiming[] = [];
  for (const file of usable) {
    const t = await timeResume(file, k, repeat);
    resumes.push(t);
    log(
      `  ${file.name}: extract ${round(t.ms.extract)} ms, analysis ${round(t.analysisMs)} ms (${round(100 * t.ratio)}%)`,
    );
  }
  const byFormat = { all: summarizeGroup(resumes) } as StageReport['byFormat'];
  for (const f of FORMATS) byFormat[f] = summarizeGroup(resumes.filter((r) => r.format === f));
  return { repeat, resumes, skipped, byFormat };
}
