import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyOf, TOKEN_RE, tokenize, tokenSpans } from '../../src/text/tokenize.js';
import { REPO_ROOT } from '../helpers/corpus.js';

const lemmas = new Map([
  ['resolution', 'resolve'],
  ['management', '=management'],
]);
const keys = (text: string) => tokenize(text, lemmas).map((t) => t.key);

describe('tokenize', () => {
  it('keeps offsets that slice back to each token', () => {
    const text = 'Résolved 40 customer’s  complaints; de-escalated callers.';
    for (const t of tokenize(text, lemmas)) {
      expect(text.slice(t.start, t.end).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()).toContain(t.lower);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        for (const t of tokenize(s, lemmas)) {
          expect(t.start).toBeLessThan(t.end);
          expect(t.end).toBeLessThanOrEqual(s.length);
        }
      }),
    );
  });

  it('makes resolved, resolving and resolution meet', () => {
    expect(new Set(keys('resolved resolving resolution resolves'))).toEqual(new Set(['resolv']));
  });

  it('folds case, accents, ligatures and possessives', () => {
    expect(keys('Café ﬁled customer’s')).toEqual(keys('cafe filed customer'));
  });

  it('maps numbers to # and keeps & + % $ as tokens', () => {
    expect(keys('P&L of $1,500 up 20%')).toEqual(['p', '&', 'l', 'of', '$', '#', 'up', '#', '%']);
  });

  it('keeps fixed lemmas out of the stemmer', () => {
    expect(keyOf('management', lemmas)).toBe('management');
    expect(keyOf('managed', lemmas)).toBe('manag');
  });

  it('starts a new clause at a sentence end, a bullet or a line that starts with a capital', () => {
    const clauses = (text: string) => tokenize(text, lemmas).map((t) => t.clause);
    expect(clauses('Answered calls. Resolved issues')).toEqual([0, 0, 1, 1]);
    expect(clauses('Answered calls • Resolved issues')).toEqual([0, 0, 1, 1]);
    expect(clauses('Answered calls\nResolved issues')).toEqual([0, 0, 1, 1]);
    expect(clauses('Answered calls and\nresolved issues')).toEqual([0, 0, 0, 0, 0]);
    expect(clauses('Version 2.5 of the app')).toEqual([0, 0, 0, 0, 0]);
  });

  it('marks filler words', () => {
    expect(tokenize('the team', lemmas).map((t) => t.filler)).toEqual([true, false]);
  });
});

describe('tokenSpans', () => {
  const spans = (text: string) => {
    const out: [number, number][] = [];
    tokenSpans(text, (start, end) => out.push([start, end]));
    return out;
  };
  const byPattern = (text: string) => [...text.matchAll(TOKEN_RE)].map((m): [number, number] => [m.index, m.index + m[0].length]);

  it('finds exactly the matches of TOKEN_RE', () => {
    const cases = [
      "Résolved 40 customer’s  complaints; de-escalated callers.",
      '1,200.50 calls, 3.. 4,x 5.6.7 $40 & 10% +2',
      "don't rock'n'roll o'9 x'' ’s '’ a’",
      'naïve café 𝐀𝐁 𝟏𝟐 ①② 十二 ٣٤ x\u0301y \u0301a 🙂a b\ud800c \udc00d e\ud800',
      '',
      '   ',
    ];
    for (const text of cases) expect(spans(text)).toEqual(byPattern(text));
    // Real resume text: every eval text in the repository.
    const texts = join(REPO_ROOT, 'eval', 'texts');
    for (const f of readdirSync(texts)) {
      const text = readFileSync(join(texts, f), 'utf8');
      expect(spans(text)).toEqual(byPattern(text));
    }
    // Any string of letters, marks, digits, punctuation, astral and lone surrogates.
    const piece = fc.constantFrom('a', 'Z', 'é', '\u0301', '9', '٣', '①', '.', ',', "'", '’', '&', '$', '%', '+', ' ', '\n', '𝐀', '𝟏', '🙂', '\ud800', '\udc00', '-', '–');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(spans(text)).toEqual(byPattern(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(spans(text)).toEqual(byPattern(text));
      }),
    );
  });
});

