// npm run eval:rewrites: the blind A/B evaluation of bullet rewrites (procedure in eval/rewrites/README.md).
//   --make-sample        draws the fixed sample (eval/rewrites/sample.jsonl) from the dev corpus; run once.
//   --make-pairs <label> rewrites every sample bullet with the current code and writes the shuffled pairs
//                        (pairs-<label>.jsonl, for the reader) and the key (key-<label>.jsonl, never shown
//                        to the reader); --seed <n> sets the shuffle seed (default: derived from the label).
//   --score <label>      joins verdicts-<label>.jsonl with key-<label>.jsonl and prints the figures.
//   --measure            prints unchanged / surface-only / substantive shares of the current code (no reader);
//                        with --corpus, over every work bullet of every PDF in the dev corpus instead of the sample;
//                        --verbose prints every bullet (class, sample id or file and bullet id, before, after).
//   --represent <label>  re-applies the reader presentation (presentSide) to an existing pairs file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createInlineExtractor } from '../src/extraction/extractor.js';
import { readResumeBytes } from '../src/extraction/read-resume.js';
import { rewriteBullet } from '../src/pipeline/rewrite/rewrite-bullet.js';
import { skipReason } from '../src/pipeline/rewrite/skip-bullet.js';
import { loadLexicon, type RewriteLexicon } from '../src/taxonomy/load-lexicon.js';
import { seededRandom } from '../bench/lib/random.js';
import { DEFAULT_CORPUS, listResumes } from '../bench/lib/corpus.js';
import { WORK_SECTIONS } from '../src/schemas/document.js';


const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = DEFAULT_CORPUS;
const DIR = join(ROOT, 'eval', 'rewrites');
const SAMPLE_FILE = join(DIR, 'sample.jsonl');
const SAMPLE_DIRS = ['customer_service', 'bpo_call_center', 'project_management'];
const SAMPLE_SEED = 20261201;
const SAMPLE_SIZE = 160;

const SampleSchema = z.object({
  sampleId: z.string(),
  file: z.string(),
  bulletId: z.string(),
  tense: z.enum(['past', 'present']),
  text: z.string(),
});
type SampleBullet = z.infer<typeof SampleSchema>;

const PairSchema = z.object({ id: z.string(), A: z.string(), B: z.string() });
type Pair = z.infer<typeof PairSchema>;

const ChangeClassSchema = z.enum(['unchanged', 'surface', 'substantive']);
type ChangeClass = z.infer<typeof ChangeClassSchema>;
const KeySchema = z.object({
  id: z.string(),
  sampleId: z.string(),
  rewriteSide: z.enum(['A', 'B']),
  identical: z.boolean(),
  change: ChangeClassSchema,
  rules: z.array(z.string()),
});
type Key = z.infer<typeof KeySchema>;

export const VerdictSchema = z.object({
  id: z.string(),
  prefer: z.enum(['A', 'B', 'same']),
  grammarErrorsA: z.number().int().nonnegative(),
  grammarErrorsB: z.number().int().nonnegative(),
  factChanged: z.boolean(),
  note: z.string().optional(),
});

/** Fisher-Yates over a copy. */
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function seedOf(label: string): number {
  let h = 2166136261;
  for (const ch of label) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

const readJsonl = <T>(file: string, schema: z.ZodType<T>): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = schema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file} line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
const writeJsonl = (file: string, rows: readonly unknown[]) =>
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

async function makeSample(): Promise<void> {
  const extractor = createInlineExtractor({ maxPages: 20, maxTextChars: 200_000 });
  const limits = { maxTextChars: 200_000, minTextChars: 50, zip: { maxEntries: 2000, maxUncompressedBytes: 64 << 20 } };
  const all: SampleBullet[] = [];
  for (const dir of SAMPLE_DIRS) {
    const files = readdirSync(join(CORPUS, dir))
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    for (const f of files) {
      const doc = await readResumeBytes(new Uint8Array(readFileSync(join(CORPUS, dir, f))), extractor, limits);
      for (const b of doc.bullets) {
        if (b.section !== 'experience') continue;
        const current = b.roleIndex !== undefined && doc.roles[b.roleIndex]?.current === true;
        all.push({ sampleId: '', file: `${dir}/${f}`, bulletId: b.id, tense: current ? 'present' : 'past', text: b.text });
      }
    }
  }
  await extractor.close();
  const picked = shuffle(all, seededRandom(SAMPLE_SEED))
    .slice(0, SAMPLE_SIZE)
    .map((b, i) => ({ ...b, sampleId: `s${String(i + 1).padStart(3, '0')}` }));
  writeJsonl(SAMPLE_FILE, picked);
  console.log(`${all.length} experience bullets in ${SAMPLE_DIRS.join(', ')}; sampled ${picked.length} (seed ${SAMPLE_SEED}).`);
}

const WORD = /\[[^\]]*\]|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Classifies a rewrite against its original from the texts alone (not from the rewriter's own change
 * records): identical; "surface" when the words are the same up to case, punctuation, verb inflection
 * (lexicon forms) and dropped filler adverbs; otherwise "substantive".
 */
export function classifyChange(original: string, rewrite: string, lexicon: RewriteLexicon): ChangeClass {
  if (original.trim() === rewrite.trim()) return 'unchanged';
  const words = (s: string) =>
    (s.toLowerCase().match(WORD) ?? [])
      .filter((w) => !lexicon.leadFillers.has(w))
      // "are" -> "were", "need" -> "needed" in a clause put into the past is a change of tense too.
      .map((w) => lexicon.forms.get(w)?.base ?? lexicon.subordinatePast.get(w) ?? w);
  const a = words(original);
  const b = words(rewrite);
  return a.length === b.length && a.every((w, i) => w === b[i]) ? 'surface' : 'substantive';
}

function rewriteSample(lexicon: RewriteLexicon) {
  return readJsonl(SAMPLE_FILE, SampleSchema).map((s) => {
    // A line the rewriter skips (title, header, date) or empties is shown as it was on both sides.
    const original = s.text.replace(/\s+/g, ' ').trim();
    const reason = skipReason(s.text, lexicon);
    if (reason) return { sample: s, rewrite: original, rules: [`skipped:${reason}`] };
    const r = rewriteBullet(s.text, { tense: s.tense }, lexicon);
    return { sample: s, rewrite: r.rewrite || original, rules: [...new Set(r.changes.map((c) => c.rule))] };
  });
}

/**
 * How a side is shown to the reader: white space collapsed, first letter capitalized, closed with a
 * period when it ends without one. The rewriter always capitalizes and closes its sentence, so without
 * this the side with the added period would give the rewrite away. The cost: a period the old code
 * wrongly added to a title is not visible to the reader (it counts against no side).
 */
export function presentSide(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return t;
  const capitalized = t.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return /[.!?]["')\]]*$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

/** Re-presents an existing pairs file (both sides through presentSide); the key is unchanged. */
function representPairs(label: string): void {
  const file = join(DIR, `pairs-${label}.jsonl`);
  const pairs = readJsonl(file, PairSchema).map((p) => ({ id: p.id, A: presentSide(p.A), B: presentSide(p.B) }));
  writeJsonl(file, pairs);
  // `identical` says what the reader sees: both sides the same once presented.
  const shownSame = new Map(pairs.map((p) => [p.id, p.A === p.B]));
  const keyFile = join(DIR, `key-${label}.jsonl`);
  writeJsonl(keyFile, readJsonl(keyFile, KeySchema).map((k) => ({ ...k, identical: shownSame.get(k.id) ?? k.identical })));
  console.log(`re-presented ${pairs.length} pairs in eval/rewrites/pairs-${label}.jsonl (key: identical updated)`);
}

function makePairs(label: string, seed: number): void {
  const lexicon = loadLexicon(join(ROOT, 'data', 'rewrite-lexicon.yaml'));
  const random = seededRandom(seed);
  const rows = shuffle(rewriteSample(lexicon), random);
  const pairs: Pair[] = [];
  const keys: Key[] = [];
  rows.forEach(({ sample, rewrite, rules }, i) => {
    const id = `${label}-${String(i + 1).padStart(3, '0')}`;
    const rewriteSide = random() < 0.5 ? 'A' : 'B';
    const original = sample.text.replace(/\s+/g, ' ').trim();
    const [shownRewrite, shownOriginal] = [presentSide(rewrite), presentSide(original)];
    pairs.push({
      id,
      A: rewriteSide === 'A' ? shownRewrite : shownOriginal,
      B: rewriteSide === 'A' ? shownOriginal : shownRewrite,
    });
    keys.push({
      id,
      sampleId: sample.sampleId,
      rewriteSide,
      identical: shownRewrite === shownOriginal,
      change: classifyChange(original, rewrite, lexicon),
      rules,
    });
  });
  writeJsonl(join(DIR, `pairs-${label}.jsonl`), pairs);
  writeJsonl(join(DIR, `key-${label}.jsonl`), keys);
  writeFileSync(
    join(DIR, `pairs-${label}.meta.json`),
    JSON.stringify({ label, shuffleSeed: seed, sampleSeed: SAMPLE_SEED, sampleSize: rows.length, lexiconVersion: lexicon.version }, null, 2) + '\n',
  );
  console.log(`wrote eval/rewrites/pairs-${label}.jsonl and key-${label}.jsonl (${pairs.length} pairs, shuffle seed ${seed})`);
  printShares(keys);
}

function printShares(keys: readonly Pick<Key, 'change'>[]): void {
  const n = keys.length;
  const count = (c: ChangeClass) => keys.filter((k) => k.change === c).length;
  const pct = (x: number) => `${((100 * x) / n).toFixed(1)}%`;
  console.log(
    `unchanged ${count('unchanged')} (${pct(count('unchanged'))}), tense/punctuation/filler only ${count('surface')} (${pct(count('surface'))}), substantive ${count('substantive')} (${pct(count('substantive'))}) of ${n}`,
  );
}

/**
 * The same classifier over every experience, project and volunteer bullet of every PDF in the dev
 * corpus, read as the API reads them; skipped lines (titles, dates, headers) count as unchanged.
 */
async function measureCorpus(): Promise<void> {
  const lexicon = loadLexicon(join(ROOT, 'data', 'rewrite-lexicon.yaml'));
  const extractor = createInlineExtractor({ maxPages: 20, maxTextChars: 200_000 });
  const limits = { maxTextChars: 200_000, minTextChars: 50, zip: { maxEntries: 2000, maxUncompressedBytes: 64 << 20 } };
  const keys: { change: ChangeClass }[] = [];
  const lines: string[] = [];
  let skipped = 0;
  for (const f of listResumes(CORPUS).filter((r) => r.format === 'pdf')) {
    const doc = await readResumeBytes(new Uint8Array(f.bytes), extractor, limits);
    for (const b of doc.bullets) {
      if (!WORK_SECTIONS.includes(b.section)) continue;
      const original = b.text.replace(/\s+/g, ' ').trim();
      if (skipReason(b.text, lexicon, b.kind)) {
        skipped++;
        keys.push({ change: 'unchanged' });
        continue;
      }
      const current = b.roleIndex !== undefined && doc.roles[b.roleIndex]?.current === true;
      const r = rewriteBullet(b.text, { tense: current ? 'present' : 'past' }, lexicon);
      const change = classifyChange(original, r.rewrite || original, lexicon);
      keys.push({ change });
      lines.push(`\n[${change}] ${f.name} ${b.id} (${current ? 'present' : 'past'})\n  - ${original}\n  + ${r.rewrite}`);
    }
  }
  await extractor.close();
  printShares(keys);
  console.log(`(${skipped} of them skipped as titles, headers, dates or fragments)`);
  if (process.argv.includes('--verbose')) for (const l of lines) console.log(l);
}

function measure(): void {
  const lexicon = loadLexicon(join(ROOT, 'data', 'rewrite-lexicon.yaml'));
  const rows = rewriteSample(lexicon);
  const keys = rows.map((r) => ({ change: classifyChange(r.sample.text.replace(/\s+/g, ' ').trim(), r.rewrite, lexicon) }));
  printShares(keys);
  if (process.argv.includes('--verbose')) {
    rows.forEach((r, i) => console.log(`\n[${keys[i]!.change}] ${r.sample.sampleId} (${r.sample.tense})\n  - ${r.sample.text}\n  + ${r.rewrite}`));
  }
}

function score(label: string): void {
  const keyFile = join(DIR, `key-${label}.jsonl`);
  const verdictFile = join(DIR, `verdicts-${label}.jsonl`);
  if (!existsSync(verdictFile)) throw new Error(`no verdicts yet: eval/rewrites/verdicts-${label}.jsonl`);
  const keys = new Map(readJsonl(keyFile, KeySchema).map((k) => [k.id, k]));
  const verdicts = readJsonl(verdictFile, VerdictSchema);
  const unknown = verdicts.filter((v) => !keys.has(v.id)).map((v) => v.id);
  if (unknown.length) throw new Error(`verdicts for ids not in the key: ${unknown.join(', ')}`);
  const pairs = readJsonl(join(DIR, `pairs-${label}.jsonl`), PairSchema);
  const judged = new Set(verdicts.map((v) => v.id));
  const missing = pairs.filter((p) => !judged.has(p.id)).length;
  if (missing) console.log(`warning: ${missing} pair(s) have no verdict; shares below are over judged pairs only`);
  const n = verdicts.length;
  const tally = { rewrite: 0, original: 0, same: 0 };
  let errorsRewrite = 0;
  let errorsOriginal = 0;
  let pairsWorse = 0;
  let factsChanged = 0;
  const byClass = new Map<ChangeClass, typeof tally>();
  for (const v of verdicts) {
    const k = keys.get(v.id)!;
    // Two identical lines are no difference whatever the verdict says (the procedure asks for "same").
    if (k.identical && v.prefer !== 'same') console.log(`warning: ${v.id} shows the same text on both sides but was judged "${v.prefer}"; counted as same`);
    const side = v.prefer === 'same' || k.identical ? 'same' : v.prefer === k.rewriteSide ? 'rewrite' : 'original';
    tally[side]++;
    const cls = byClass.get(k.change) ?? { rewrite: 0, original: 0, same: 0 };
    cls[side]++;
    byClass.set(k.change, cls);
    const er = k.rewriteSide === 'A' ? v.grammarErrorsA : v.grammarErrorsB;
    const eo = k.rewriteSide === 'A' ? v.grammarErrorsB : v.grammarErrorsA;
    errorsRewrite += er;
    errorsOriginal += eo;
    if (er > eo) pairsWorse++;
    if (v.factChanged) factsChanged++;
  }
  const substantive = verdicts.filter((v) => keys.get(v.id)!.change === 'substantive').length;
  const pct = (x: number, d = n) => `${d === 0 ? '-' : ((100 * x) / d).toFixed(1)}%`;
  console.log(`Blind rewrite evaluation "${label}": ${n} verdicts of ${keys.size} pairs\n`);
  console.log(`preferred: rewrite ${tally.rewrite} (${pct(tally.rewrite)}), original ${tally.original} (${pct(tally.original)}), no difference ${tally.same} (${pct(tally.same)})`);
  for (const [cls, t] of [...byClass].sort()) {
    console.log(`  ${cls.padEnd(11)} ${String(t.rewrite + t.original + t.same).padStart(3)} pairs: rewrite ${t.rewrite}, original ${t.original}, same ${t.same}`);
  }
  console.log(`grammar errors: rewrite side ${errorsRewrite}, original side ${errorsOriginal}; pairs where the rewrite has more errors than the original: ${pairsWorse} (${pct(pairsWorse)})`);
  console.log(`facts changed: ${factsChanged}`);
  console.log(`substantive change (from the key): ${substantive} (${pct(substantive)})`);
  console.log(
    `\ntargets (issue 15): rewrite preferred >= 70% ${tally.rewrite / n >= 0.7 ? 'met' : 'NOT met'}; original <= 5% ${tally.original / n <= 0.05 ? 'met' : 'NOT met'}; ` +
      `substantive >= 60% ${substantive / n >= 0.6 ? 'met' : 'NOT met'}; grammar errors introduced <= 2% ${pairsWorse / n <= 0.02 ? 'met' : 'NOT met'}; facts changed 0 ${factsChanged === 0 ? 'met' : 'NOT met'}`,
  );
}

function argAfter(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const LABEL = /^[a-z0-9-]+$/;
async function main(): Promise<void> {
  if (process.argv.includes('--make-sample')) return makeSample();
  if (process.argv.includes('--measure')) return process.argv.includes('--corpus') ? measureCorpus() : measure();
  const representLabel = argAfter('--represent');
  if (representLabel !== undefined) {
    if (!LABEL.test(representLabel)) throw new Error('label: lower-case letters, digits and dashes');
    return representPairs(representLabel);
  }
  const pairsLabel = argAfter('--make-pairs');
  if (pairsLabel !== undefined) {
    if (!LABEL.test(pairsLabel)) throw new Error('label: lower-case letters, digits and dashes');
    const seedArg = argAfter('--seed');
    return makePairs(pairsLabel, seedArg === undefined ? seedOf(pairsLabel) : Number(seedArg));
  }
  const scoreLabel = argAfter('--score');
  if (scoreLabel !== undefined) {
    if (!LABEL.test(scoreLabel)) throw new Error('label: lower-case letters, digits and dashes');
    return score(scoreLabel);
  }
  console.log(
    'usage: npm run eval:rewrites -- --make-sample | --make-pairs <label> [--seed n] | --represent <label> | --score <label> | --measure [--verbose] [--corpus]',
  );
}

await main();
