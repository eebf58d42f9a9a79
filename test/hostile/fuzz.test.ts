// Seeded mutation fuzzing of the reading pipeline (detect type -> zip inspection -> pdf.js / mammoth ->
// normalize -> segment) with byte flips, truncations and splices of real resumes. Every mutant must end
// as a document (200) or as an error the error handler maps to a documented 4xx; never a 5xx, never an
// unexpected exception. The parsers run in-process here so thousands of mutants stay fast; the pool's
// containment of what they cannot handle is proven by hostile.test.ts.
// FUZZ_MUTANTS (default 1000 per format, plus a twentieth as many of a real PDF) and FUZZ_SEED widen or replay a run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ERROR_DEFINITIONS } from '../../src/errors.js';
import { createInlineExtractor } from '../../src/extraction/extractor.js';
import { DEFAULT_ZIP_LIMITS } from '../../src/extraction/inspect-zip.js';
import { readResumeBytes } from '../../src/extraction/read-resume.js';
import { toAppError } from '../../src/plugins/error-handler.js';
import { FIXTURES } from '../helpers/corpus.js';
import { resumeLines, textPdf } from '../../bench/lib/generate-documents.js';

const MUTANTS = Number(process.env.FUZZ_MUTANTS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

const config = loadConfig({});
const extractor = createInlineExtractor({ maxPages: config.MAX_PAGES, maxTextChars: config.MAX_TEXT_CHARS });
const limits = { maxTextChars: config.MAX_TEXT_CHARS, minTextChars: config.MIN_TEXT_CHARS, zip: DEFAULT_ZIP_LIMITS };

type Mutation =
  | { kind: 'flip'; flips: [number, number][] }
  | { kind: 'truncate'; at: number }
  | { kind: 'splice'; from: number; length: number; to: number; insert: boolean };

function mutation(size: number): fc.Arbitrary<Mutation> {
  const index = fc.nat({ max: size - 1 });
  return fc.oneof(
    fc.record({
      kind: fc.constant('flip' as const),
      flips: fc.array(fc.tuple(index, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 24 }),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: index }),
    fc.record({
      kind: fc.constant('splice' as const),
      from: index,
      length: fc.integer({ min: 1, max: 4096 }),
      to: index,
      insert: fc.boolean(),
    }),
  );
}

function mutate(base: Buffer, m: Mutation): Buffer {
  switch (m.kind) {
    case 'flip': {
      const out = Buffer.from(base);
      for (const [i, b] of m.flips) out[i] = b;
      return out;
    }
    case 'truncate':
      return base.subarray(0, m.at);
    case 'splice': {
      const piece = base.subarray(m.from, m.from + m.length);
      const tail = base.subarray(m.insert ? m.to : Math.min(base.length, m.to + piece.length));
      return Buffer.concat([base.subarray(0, m.to), piece, tail]);
    }
  }
}

/** 200, or the status the error handler would answer; throws on anything unexpected. */
async function outcome(bytes: Buffer): Promise<number> {
  try {
    await readResumeBytes(bytes, extractor, limits);
    return 200;
  } catch (err) {
    const { error, unexpected } = toAppError(err as Error);
    if (unexpected) throw err;
    return ERROR_DEFINITIONS[error.code].status;
  }
}

// A generated one-page PDF with a deflated content stream keeps pdf.js at a few ms per mutant; a real
// two-page resume (ten times slower to parse) gets a twentieth as many.
const BASES: [string, Buffer, number][] = [
  ['generated-resume.pdf', textPdf(resumeLines(), true), MUTANTS],
  ['livecareer-front-desk-clerk.pdf', readFileSync(join(FIXTURES, 'livecareer-front-desk-clerk.pdf')), Math.ceil(MUTANTS / 20)],
  ['office-coordinator-2.docx', readFileSync(join(FIXTURES, 'office-coordinator-2.docx')), MUTANTS],
];

describe.each(BASES)('fuzzing %s', (file, base, runs) => {
  it(`${runs} seeded mutants of ${file} end as 200 or a documented 4xx`, async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(mutation(base.length), async (m) => {
        const status = await outcome(mutate(base, m));
        seen.set(status, (seen.get(status) ?? 0) + 1);
        return status === 200 || (status >= 400 && status < 500);
      }),
      { seed: SEED, numRuns: runs, endOnFailure: true },
    );
    // The mutants reach both outcomes: the fuzzer is not just feeding the first check garbage.
    expect(seen.get(200) ?? 0).toBeGreaterThan(0);
    expect([...seen.keys()].some((s) => s >= 400)).toBe(true);
  }, 600_000);
});
