// Sections 2 and 3 of the report: how matching time grows with the taxonomy and with the text.
// Taxonomy scaling adds synthetic patterns (phrases of 2-4 words drawn from the documents' own vocabulary,
// some with alternatives or a `*` gap, in the real taxonomy's phrases-per-pattern proportion) compiled with
// the real compiler, and times matchEvidence on the same documents. The phrases reach deep into the trie
// on these texts, but a phrase whose first two words occur together in them (as stems, adjacent, or
// within a gap's reach) is drawn again: the time then measures the scan over a bigger automaton rather
// than extra evidence, and the evidence count shows it. Text scaling repeats one resume's text.
import { join } from 'node:path';
import { analyzeResume } from '../../src/pipeline/analyze.js';
import { matchEvidence } from '../../src/pipeline/match/collect-evidence.js';
import { matchText } from '../../src/pipeline/match/match-phrases.js';
import { buildDocument } from '../../src/pipeline/read/build-document.js';
import type { ResumeDocument } from '../../src/schemas/document.js';
import { type TaxonomyData, TaxonomyDataSchema } from '../../src/schemas/taxonomy.js';
import { keyOf, type Lemmas, tokenize } from '../../src/text/tokenize.js';
import { type CompiledTaxonomy, compileTaxonomy, MAX_GAP, type TrieNode } from '../../src/taxonomy/compile-taxonomy.js';
import { TAXONOMY_FILE } from '../../src/taxonomy/load-taxonomy.js';
import { readDataFile } from '../../src/taxonomy/read-data-file.js';
import type { BenchKnowledge } from './knowledge.js';
import { median, type RepeatOptions, sum, timeSync } from './stats.js';
import { seededRandom } from './random.js';

export interface TaxonomyScale {
  factor: number;
  patterns: number;
  phrases: number;
  /** Token sequences after expanding alternatives: what the trie holds. */
  sequences: number;
  trieNodes: number;
  compileMs: number;
  /** Sum over the documents of the median matchEvidence time. */
  matchMs: number;
  /** Evidence items found over all documents (synthetic patterns may add a few). */
  evidence: number;
  ratio: number;
}

export interface LengthScale {
  factor: number;
  characters: number;
  tokens: number;
  matchMs: number;
  /** tokenize + trie scan + context rules only (matchText), without mapping matches to evidence. */
  scanMs: number;
  /** matchMs / (factor * matchMs at 1x): 1 is perfectly linear. */
  perCharRatio: number;
  scanPerCharRatio: number;
}

const FILLERS = new Set(['the', 'all', 'their', 'our', 'his', 'her', 'its', 'my', 'your', 'any']);

export function vocabularyOf(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const [w] of text.toLowerCase().matchAll(/\b[a-z]{3,14}\b/g)) if (!FILLERS.has(w)) words.add(w);
  }
  return [...words].sort();
}

/** Stem pairs that occur in the texts: adjacent ("a b"), and within reach of a `*` gap ("a * b"). */
export interface PairIndex {
  lemmas: Lemmas;
  adjacent: Set<string>;
  near: Set<string>;
}

export function pairIndex(texts: readonly string[], lemmas: Lemmas): PairIndex {
  const adjacent = new Set<string>();
  const near = new Set<string>();
  for (const text of texts) {
    const tokens = tokenize(text, lemmas).filter((t) => !t.filler);
    tokens.forEach((t, i) => {
      for (let d = 1; d <= MAX_GAP + 1 && i + d < tokens.length; d += 1) {
        const u = tokens[i + d]!;
        if (u.clause !== t.clause) break;
        (d === 1 ? adjacent : near).add(`${t.key} ${u.key}`);
        if (d === 1) near.add(`${t.key} ${u.key}`);
      }
    });
  }
  return { lemmas, adjacent, near };
}

/** Could `words` (one phrase, possibly with "a|b" and "*") match its first two terms in the indexed texts? */
function mayOccur(words: readonly string[], pairs: PairIndex): boolean {
  const gap = words[1] === '*';
  const [a, b] = gap ? [words[0]!, words[2]!] : [words[0]!, words[1]!];
  const keys = (term: string) => term.split('|').map((w) => keyOf(w, pairs.lemmas));
  const set = gap ? pairs.near : pairs.adjacent;
  return keys(a).some((x) => keys(b).some((y) => set.has(`${x} ${y}`)));
}

/** `base` plus (factor - 1) times as many synthetic patterns as it has. */
export function syntheticTaxonomyData(
  base: TaxonomyData,
  factor: number,
  vocabulary: readonly string[],
  pairs?: PairIndex,
): TaxonomyData {
  const basePatterns = base.competencies.reduce((n, c) => n + c.patterns.length, 0);
  const basePhrases = base.competencies.reduce((n, c) => n + c.patterns.reduce((m, p) => m + p.phrases.length, 0), 0);
  const perPattern = Math.max(1, Math.round(basePhrases / basePatterns));
  const extra = (factor - 1) * basePatterns;
  const rand = seededRandom(7 * factor);
  const word = () => vocabulary[Math.floor(rand() * vocabulary.length)]!;
  const phrase = (): string => {
    for (;;) {
      const r = rand();
      const n = r < 0.5 ? 2 : r < 0.85 ? 3 : 4;
      const words = Array.from({ length: n }, word);
      const shape = rand();
      if (shape < 0.1) words[Math.floor(rand() * n)] = `${word()}|${word()}`;
      else if (shape < 0.2 && n >= 3) words.splice(1 + Math.floor(rand() * (n - 2)), 0, '*');
      if (!pairs || !mayOccur(words, pairs)) return words.join(' ');
    }
  };
  const competencies = [...base.competencies];
  const perCompetency = 50;
  for (let made = 0, c = 0; made < extra; c += 1) {
    const count = Math.min(perCompetency, extra - made);
    competencies.push({
      id: `synthetic-${c + 1}`,
      name: `Synthetic ${c + 1}`,
      pmName: `Synthetic ${c + 1}`,
      definition: 'Benchmark filler.',
      talentTriangle: 'Ways of Working',
      onet: { skills: [], tasks: [] },
      esco: [],
      patterns: Array.from({ length: count }, (_, j) => ({
        id: `p${j + 1}`,
        framing: 'general' as const,
        claim: false,
        phrases: Array.from({ length: perPattern }, phrase),
      })),
    });
    made += count;
  }
  return TaxonomyDataSchema.parse({ ...base, competencies });
}

function countNodes(node: TrieNode): number {
  let n = 1;
  for (const child of node.next.values()) n += countNodes(child);
  if (node.wild) n += countNodes(node.wild);
  return n;
}

export function benchTaxonomyScaling(
  docs: readonly ResumeDocument[],
  k: BenchKnowledge,
  factors: readonly number[],
  repeat: RepeatOptions,
  rounds = 1,
): TaxonomyScale[] {
  const base = readDataFile(join(k.dataDir, TAXONOMY_FILE), TaxonomyDataSchema);
  const texts = docs.map((d) => d.text);
  const vocabulary = vocabularyOf(texts);
  const pairs = pairIndex(texts, k.taxonomy.lemmas);
  // Every taxonomy is compiled first, then timed round after round: timing right after a compile of
  // 100,000 phrases would also time the collection of the compiler's garbage.
  const compiled = factors.map((factor) => {
    const data = factor === 1 ? base : syntheticTaxonomyData(base, factor, vocabulary, pairs);
    const t0 = performance.now();
    const taxonomy: CompiledTaxonomy = compileTaxonomy(data, 'synthetic', k.taxonomy.negation.pastVerbs, k.taxonomy.nominalWords);
    return { factor, data, taxonomy, compileMs: performance.now() - t0 };
  });
  for (const { taxonomy } of compiled) for (const doc of docs) matchEvidence(doc, taxonomy); // warm-up
  // Per document, the factors are timed back to back, so a slow spell of the host lands on all of them.
  const timed: number[][] = compiled.map(() => []);
  for (let round = 0; round < rounds; round += 1) {
    const totals = compiled.map(() => 0);
    for (const doc of docs) {
      compiled.forEach(({ taxonomy }, i) => {
        totals[i]! += timeSync(() => matchEvidence(doc, taxonomy), repeat);
      });
    }
    totals.forEach((total, i) => timed[i]!.push(total));
  }
  const rows: TaxonomyScale[] = [];
  compiled.forEach(({ factor, data, taxonomy, compileMs }, i) => {
    const matchMs = median(timed[i]!);
    rows.push({
      factor,
      patterns: taxonomy.patterns.length,
      phrases: data.competencies.reduce((n, c) => n + c.patterns.reduce((m, p) => m + p.phrases.length, 0), 0),
      sequences: taxonomy.patterns.reduce((n, p) => n + p.phraseCount, 0),
      trieNodes: countNodes(taxonomy.root),
      compileMs,
      matchMs,
      evidence: sum(docs.map((doc) => matchEvidence(doc, taxonomy).length)),
      // The median of each round's own ratio: 1x and this factor timed on the same documents together.
      ratio: median(timed[i]!.map((total, round) => total / timed[0]![round]!)),
    });
  });
  return rows;
}

/** Repeats `text` (a normalized resume) `factor` times, one blank line apart, and reads it as a resume. */
export function repeatedDocument(text: string, factor: number, k: BenchKnowledge): ResumeDocument {
  const repeated = Array.from({ length: factor }, () => text).join('\n\n');
  return buildDocument('txt', { text: repeated, truncated: false }, { ...k.readLimits, maxTextChars: repeated.length + 1 });
}

export function benchLengthScaling(
  text: string,
  k: BenchKnowledge,
  factors: readonly number[],
  repeat: RepeatOptions,
  log: (line: string) => void = () => undefined,
): LengthScale[] {
  const rows: LengthScale[] = [];
  for (const factor of factors) {
    const doc = repeatedDocument(text, factor, k);
    // Fewer repetitions for long texts: each call is already long enough to time on its own.
    const opts = factor >= 10 ? { ...repeat, minReps: Math.min(repeat.minReps, 3), maxReps: Math.max(1, Math.ceil(repeat.maxReps / factor)) } : repeat;
    matchEvidence(doc, k.taxonomy);
    const matchMs = timeSync(() => matchEvidence(doc, k.taxonomy), opts);
    const scanMs = timeSync(() => matchText(doc.text, k.taxonomy), opts);
    const first = rows[0];
    rows.push({
      factor,
      characters: doc.text.length,
      tokens: doc.text.split(/\s+/).length,
      matchMs,
      scanMs,
      perCharRatio: first ? matchMs / (first.matchMs * (doc.text.length / first.characters)) : 1,
      scanPerCharRatio: first ? scanMs / (first.scanMs * (doc.text.length / first.characters)) : 1,
    });
    log(`  ${factor}x: ${doc.text.length} chars, matchEvidence ${matchMs.toFixed(2)} ms, matchText ${scanMs.toFixed(2)} ms`);
  }
  return rows;
}

/** One attack shape at one size through the whole text path (document + analysis + the text as posting). */
export interface TextScale {
  shape: string;
  characters: number;
  ms: number;
  nsPerChar: number;
  /** nsPerChar / nsPerChar at the smallest size: 1 is perfectly linear. */
  perCharRatio: number;
}

/** Texts a hostile client can send as `{ "text": ... }` (issue 12): each is sliced to the size measured. */
export const TEXT_SHAPES: Record<string, (n: number) => string> = {
  'short lines': (n) => 'a\n'.repeat(Math.ceil(n / 2)),
  'no newline': (n) => 'Handled customer calls and escalations, scheduled the team. '.repeat(Math.ceil(n / 60)),
  'one repeated word': (n) => 'manager '.repeat(Math.ceil(n / 8)),
  'one long word': (n) => 'x'.repeat(n),
};

export function benchTextScaling(
  resumeText: string,
  k: BenchKnowledge,
  sizes: readonly number[],
  repeat: RepeatOptions,
  log: (line: string) => void = () => undefined,
): TextScale[] {
  const rows: TextScale[] = [];
  const shapes: Record<string, (n: number) => string> = {
    ...TEXT_SHAPES,
    'real resume repeated': (n) => resumeText.repeat(Math.ceil(n / resumeText.length)),
  };
  const limits = { ...k.readLimits, minTextChars: 1, maxTextChars: Math.max(...sizes) };
  for (const [shape, make] of Object.entries(shapes)) {
    let first: number | undefined;
    for (const size of sizes) {
      const text = make(size).slice(0, size);
      const run = () =>
        analyzeResume(buildDocument('txt', { text, truncated: false }, limits), k, {
          targetRole: 'project-coordinator',
          asOf: '2026-12',
          jobDescription: text.slice(0, 100_000),
        });
      run();
      const ms = timeSync(run, size >= 100_000 ? { ...repeat, minReps: Math.min(repeat.minReps, 3) } : repeat);
      const nsPerChar = (ms * 1e6) / text.length;
      first ??= nsPerChar;
      rows.push({ shape, characters: text.length, ms, nsPerChar, perCharRatio: nsPerChar / first });
      log(`  ${shape} ${text.length} chars: ${ms.toFixed(1)} ms, ${nsPerChar.toFixed(0)} ns/char`);
    }
  }
  return rows;
}
