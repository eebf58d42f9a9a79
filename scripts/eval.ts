// npm run eval: precision, recall and F1 of competency detection over the hand-labelled dev resumes.
// Each label file (eval/labels/*.json) names a PDF of ../shared/corpus/dev-resumes and says, for every
// competency, whether the resume holds evidence (strong or weak), with a proving quote. A competency is
// predicted present when the analyzer returns at least one piece of evidence for it. The PDFs go through
// the same pipeline as the API (extract -> normalize -> segment -> match -> score).
// Flags: --set heldout evaluates eval/heldout (labelled after tuning stopped) instead of eval/labels;
// --verbose prints every false positive (with the evidence quote) and false negative (with the
// label's quote); --json prints the figures as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createInlineExtractor } from '../src/extraction/extractor.js';
import { scoreResume } from '../src/pipeline/analyze.js';
import { readResumeBytes } from '../src/extraction/read-resume.js';
import { loadTaxonomy } from '../src/taxonomy/load-taxonomy.js';
import { DEFAULT_CORPUS } from '../bench/lib/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = DEFAULT_CORPUS;

const LabelSchema = z.object({
  file: z.string(),
  /** Who the resume belongs to, for calibrate: project_management, customer_service or other. */
  group: z.enum(['project_management', 'customer_service', 'other']).optional(),
  notes: z.string().optional(),
  competencies: z.record(
    z.string(),
    z.union([z.object({ present: z.literal(true), quote: z.string().min(1) }), z.object({ present: z.literal(false) })]),
  ),
});

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
function prf(c: Counts) {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  // Specificity: of the competencies a resume does not show, the share the analyzer left empty.
  return { precision, recall, f1, specificity: ratio(c.tn, c.tn + c.fp) };
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

async function main() {
  const verbose = process.argv.includes('--verbose');
  const asJson = process.argv.includes('--json');
  const setArg = process.argv.indexOf('--set');
  const set = setArg >= 0 ? process.argv[setArg + 1] : 'labels';
  if (set !== 'labels' && set !== 'heldout') throw new Error('--set must be "labels" or "heldout"');
  const LABELS = join(ROOT, 'eval', set);
  const taxonomy = loadTaxonomy(join(ROOT, 'data'));
  const extractor = createInlineExtractor({ maxPages: 20, maxTextChars: 200_000 });
  const limits = { maxTextChars: 200_000, minTextChars: 50, zip: { maxEntries: 2000, maxUncompressedBytes: 64 << 20 } };
  const perCompetency = new Map(taxonomy.competencies.map((c) => [c.id, { tp: 0, fp: 0, fn: 0, tn: 0 } as Counts]));
  const details: string[] = [];
  const files = readdirSync(LABELS)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) {
    console.log(`No label files in eval/${set}.`);
    return;
  }
  let quotesMissing = 0;

  for (const name of files) {
    const label = LabelSchema.parse(JSON.parse(readFileSync(join(LABELS, name), 'utf8')));
    // "eval/..." names a short text fixture in this repo (written for a probe); else a corpus PDF.
    const path = label.file.startsWith('eval/') ? join(ROOT, label.file) : join(CORPUS, label.file);
    const bytes = new Uint8Array(readFileSync(path));
    const doc = await readResumeBytes(bytes, extractor, limits);
    const analysis = scoreResume(doc, taxonomy);
    const text = squash(doc.text);
    for (const result of analysis.competencies) {
      const truth = label.competencies[result.id];
      if (!truth) throw new Error(`${name}: no label for ${result.id}`);
      if (truth.present && !text.includes(squash(truth.quote))) {
        quotesMissing += 1;
        details.push(`  ? ${name} ${result.id}: label quote not found verbatim in the document text`);
      }
      const predicted = result.evidence.length > 0;
      const counts = perCompetency.get(result.id)!;
      if (predicted && truth.present) counts.tp += 1;
      else if (!predicted && !truth.present) counts.tn += 1;
      else if (predicted && !truth.present) {
        counts.fp += 1;
        const e = result.evidence[0]!;
        details.push(`  FP ${name} ${result.id} [${e.patternId}, ${e.strength}]: ${e.quote.replace(/\s+/g, ' ').slice(0, 160)}`);
      } else if (!predicted && truth.present) {
        counts.fn += 1;
        details.push(`  FN ${name} ${result.id}: ${truth.quote.slice(0, 160)}`);
      }
    }
  }
  await extractor.close();

  const micro = [...perCompetency.values()].reduce(
    (a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }),
    { tp: 0, fp: 0, fn: 0, tn: 0 },
  );
  const rows = taxonomy.competencies.map((c) => ({ id: c.id, ...perCompetency.get(c.id)!, ...prf(perCompetency.get(c.id)!) }));
  if (asJson) {
    console.log(JSON.stringify({ set, taxonomyVersion: taxonomy.version, resumes: files.length, rows, micro: { ...micro, ...prf(micro) } }, null, 2));
    return;
  }
  const pct = (x: number) => x.toFixed(3);
  console.log(`SkillBridge evaluation (eval/${set}): ${files.length} labelled resumes, taxonomy ${taxonomy.version}\n`);
  console.log(
    `${'competency'.padEnd(24)} ${'TP'.padStart(3)} ${'FP'.padStart(3)} ${'FN'.padStart(3)} ${'TN'.padStart(3)}  precision  recall     F1  specificity`,
  );
  const line = (id: string, c: Counts) => {
    const f = prf(c);
    return `${id.padEnd(24)} ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)} ${String(c.tn).padStart(3)}  ${pct(f.precision).padStart(9)}  ${pct(f.recall).padStart(6)}  ${pct(f.f1).padStart(5)}  ${pct(f.specificity).padStart(11)}`;
  };
  for (const r of rows) console.log(line(r.id, r));
  console.log(line('micro', micro));
  if (quotesMissing > 0) console.log(`\n${quotesMissing} label quote(s) not found verbatim in the extracted text.`);
  if (verbose) console.log(`\n${details.join('\n')}`);
}

await main();
