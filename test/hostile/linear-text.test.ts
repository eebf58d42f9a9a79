// Every text step is linear in its input: the cost per character of a 200k-character attack is close to
// that of a 20k slice of the same attack (issue 12, item 1). Shapes that were quadratic: 100k short lines
// (normalize joined them by rescanning an ever longer line), one 200k-letter word (the Porter stemmer),
// one line without a newline, one word repeated, and a real resume repeated. The bound is generous (a
// quadratic step is 10x off at this ratio); the precise figures are in `npm run bench` (text-scaling).
// Each step runs on the given text directly: the whole path is normalize, segment, tokenize and match,
// the posting reader and the rewrites, all inside analyzeResume with the text as its own posting.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { analyzeResume } from '../../src/pipeline/analyze.js';
import { readResumeText } from '../../src/pipeline/read/build-document.js';
import { normalizeText } from '../../src/pipeline/read/normalize.js';
import { segmentResume } from '../../src/pipeline/read/segment.js';
import { loadKnowledge } from '../../src/taxonomy/knowledge.js';
import { tokenize } from '../../src/text/tokenize.js';
import { FIXTURES } from '../helpers/corpus.js';

const knowledge = loadKnowledge(loadConfig({}).DATA_DIR);
const LIMITS = { maxTextChars: 200_000, minTextChars: 1 };
const SMALL = 20_000;
const LARGE = 200_000;
const sample = readFileSync(`${FIXTURES}/sample-resume.txt`, 'utf8');

const ATTACKS: Record<string, (n: number) => string> = {
  'short lines': (n) => 'a\n'.repeat(n / 2),
  'wrapped lower-case lines': (n) => '• handled calls for the\n'.repeat(n / 24),
  'hyphenated line breaks': (n) => 'manage-\nment '.repeat(n / 13),
  'no newline': (n) => 'Handled customer calls and escalations, scheduled the team. '.repeat(n / 60),
  'one long word': (n) => 'x'.repeat(n),
  'one repeated word': (n) => 'manager '.repeat(n / 8),
  'sentences of one long word': (n) => `${'y'.repeat(n / 4 - 2)}. `.repeat(4),
  'real resume repeated': (n) => sample.repeat(Math.ceil(n / sample.length)).slice(0, n),
};

const STEPS: Record<string, (text: string) => unknown> = {
  normalize: (t) => normalizeText(t),
  segment: (t) => segmentResume(normalizeText(t).text),
  tokenize: (t) => tokenize(t, knowledge.taxonomy.lemmas),
  'document + analysis + posting': (t) =>
    analyzeResume(readResumeText(t, LIMITS), knowledge, {
      targetRole: 'project-coordinator',
      asOf: '2026-12',
      jobDescription: t.slice(0, 100_000),
    }),
};

/** Best of `runs`: the machine is shared, and the minimum is the least disturbed figure. */
function msPerChar(step: (t: string) => unknown, text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    step(text);
    best = Math.min(best, performance.now() - started);
  }
  return Math.max(best, 0.5) / text.length;
}

describe('text steps are linear in input size', { timeout: 240_000 }, () => {
  for (const [attack, make] of Object.entries(ATTACKS)) {
    it.each(Object.keys(STEPS))(`${attack}: %s`, (stepName) => {
      const step = STEPS[stepName]!;
      const large = make(LARGE);
      expect(large.length).toBeGreaterThan(LARGE * 0.95);
      step(make(SMALL)); // warm-up: JIT and caches
      const small = msPerChar(step, make(SMALL), 7);
      const big = msPerChar(step, large, 5);
      // 10x the input at a flat cost per character; a quadratic step is about 10x here (the short-lines
      // normalize was 100x). Garbage collection of 100k tokens and a loaded machine add up to 3-6x noise.
      const detail = `${attack} / ${stepName}: ${(small * 1e6).toFixed(0)} vs ${(big * 1e6).toFixed(0)} ns/char`;
      expect(big / small, detail).toBeLessThan(7);
    });
  }
});

/** CPU milliseconds per character of `reps` calls (the machine is shared: CPU time, not wall time). */
function cpuPerChar(step: (t: string) => unknown, text: string, reps: number): number {
  const before = process.cpuUsage();
  for (let i = 0; i < reps; i++) step(text);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / reps / text.length;
}

// The read steps alone are held to the benchmark's bound (issue 12: flat within 1.25x, here 1.4x for a
// loaded test machine), on 10k vs 200k characters, median of five interleaved rounds. Normalizing 100k
// short lines was 2.1x when each joined line kept every piece alive and the lines came from a split array.
describe('read steps stay flat per character on short lines (10k vs 200k)', { timeout: 120_000 }, () => {
  const attack = ATTACKS['short lines']!;
  it.each([
    ['normalize', (t: string) => normalizeText(t)],
    ['normalize + segment + fields', (t: string) => readResumeText(t, LIMITS)],
  ] as const)('%s', (_name, step) => {
    const small = attack(10_000);
    const large = attack(LARGE);
    step(small);
    step(large);
    const ratios: number[] = [];
    for (let round = 0; round < 5; round++) ratios.push(cpuPerChar(step, large, 2) / cpuPerChar(step, small, 40));
    ratios.sort((a, b) => a - b);
    expect(ratios[2], ratios.map((r) => r.toFixed(2)).join(' ')).toBeLessThan(1.4);
  });
});
