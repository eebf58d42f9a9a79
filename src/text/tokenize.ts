// Tokenizes text once into normalized, stemmed word tokens that keep their offsets into the text.
// Heuristic: a token is a run of letters/digits (an apostrophe suffix such as "'s" is dropped), or one of
// & + % $; keys are NFKC + lower case + accents stripped + lemma table + Porter stem, so "resolved",
// "resolving" and "resolution" (via the lemma table) meet. A sentence end (. ; : ! ? followed by space),
// a bullet glyph, or a line break followed by a capital, digit or glyph starts a new clause, and patterns
// never match across clauses. Limits: English only; PDF lines that wrap before a capitalised word split a
// clause; hyphenated words are two tokens ("de-escalate" = "de escalate").
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

export interface Token {
  /** Stemmed key, or '#' for a number. */
  readonly key: string;
  /** Lower-case, accent-free surface form (matches `=word` pattern terms). */
  readonly lower: string;
  /** Accent-free surface form with its case (matches `^Word` pattern terms). */
  readonly surface: string;
  readonly start: number;
  readonly end: number;
  /** Index of the clause this token belongs to; patterns never span two clauses. */
  readonly clause: number;
  /** Filler words (the, a, their ...) are skipped by the matcher. */
  readonly filler: boolean;
  /** A comma (or slash) stands between this token and the previous one: list items are not phrases. */
  readonly listBreak: boolean;
  /**
   * A colon ends the clause before this token: this clause is what the lead-in before the colon
   * introduces ("Not yet experienced: budgeting, scheduling"), so a negation there reaches it.
   */
  readonly afterColon: boolean;
  /** The trie keys this token can take: stem key, `=lower`, `^surface`. */
  readonly keys: readonly string[];
}

export type Lemmas = ReadonlyMap<string, string>;

/** What a token is, as one pattern; `tokenSpans` finds exactly its matches without running it. */
export const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)?|[&+%$]/gu;

// Character classes of TOKEN_RE as bits. The pattern ran at about 135 ns a token on resume text (Unicode
// property classes are slow in V8, and each match allocates an array); a scan of character codes with
// ASCII answered inline finds the same spans at a fraction of that.
const LETTER = 1; // \p{L}
const MARK = 2; // \p{M}
const NUMBER = 4; // \p{N}
const WORD_START = LETTER | MARK;
const WORD_PART = LETTER | MARK | NUMBER;
const NON_ASCII_CLASS = new Map<number, number>();

function nonAsciiClass(cp: number): number {
  let c = NON_ASCII_CLASS.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{M}/u.test(ch) ? MARK : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0);
    // Bounded: a text of many distinct symbols must not grow it without end.
    if (NON_ASCII_CLASS.size < 10_000) NON_ASCII_CLASS.set(cp, c);
  }
  return c;
}

/** The class bits of the code point at `i` (0 past the end). */
function classAt(text: string, i: number): number {
  const u = text.charCodeAt(i);
  if (u < 128) return u >= 97 ? (u <= 122 ? LETTER : 0) : u >= 65 ? (u <= 90 ? LETTER : 0) : u >= 48 && u <= 57 ? NUMBER : 0;
  return u !== u ? 0 : nonAsciiClass(text.codePointAt(i)!);
}

/** Code units of the code point at `i`. */
const widthAt = (text: string, i: number): number => (text.codePointAt(i)! > 0xffff ? 2 : 1);

/** End of the run of code points whose class has a bit of `bits`, from `i`. */
function runEnd(text: string, i: number, bits: number): number {
  let j = i;
  while (j < text.length && (classAt(text, j) & bits) !== 0) j += text.charCodeAt(j) < 0xd800 ? 1 : widthAt(text, j);
  return j;
}

/**
 * Calls `each(start, end)` for every match of TOKEN_RE in `text`, in order: the same spans as
 * `text.matchAll(TOKEN_RE)` (test/pipeline/tokenize.test.ts compares the two on the eval texts and on random text).
 */
export function tokenSpans(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = classAt(text, i);
    if ((c & NUMBER) !== 0) {
      // \p{N}+(?:[.,]\p{N}+)*
      let j = runEnd(text, i, NUMBER);
      while (j + 1 < n && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44) && (classAt(text, j + 1) & NUMBER) !== 0) j = runEnd(text, j + 1, NUMBER);
      each(i, j);
      i = j;
    } else if ((c & WORD_START) !== 0) {
      // [\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)?
      let j = runEnd(text, i, WORD_PART);
      const q = text.charCodeAt(j);
      if ((q === 39 || q === 0x2019) && (classAt(text, j + 1) & LETTER) !== 0) j = runEnd(text, j + 1, LETTER);
      each(i, j);
      i = j;
    } else {
      const u = text.charCodeAt(i);
      // & + % $
      if (u === 38 || u === 43 || u === 37 || u === 36) each(i, i + 1);
      i += u < 0xd800 ? 1 : widthAt(text, i);
    }
  }
}
const FILLERS = new Set(['a', 'an', 'the', 'all', 'their', 'our', 'his', 'her', 'its', 'my', 'your', 'any']);
// A clause ends at sentence punctuation followed by space, at a bullet glyph, or at a line break that is
// followed by something that starts a new line of its own (capital, digit, glyph).
const BREAK_RE = /[.;:!?](?:\s|$)|[•●▪◦■□➢►✓◆–—|]|\n\s*\n|\n\s*(?=[\p{Lu}\p{N}\p{S}\p{P}])/u;

// What a gap between two tokens holds, found in one pass over its characters (GAP_* bits). BREAK_RE can
// match only where a gap holds sentence punctuation, a line break, a bar or a non-ASCII glyph; the common
// gaps (", ", "-", " (") skip the regex, which is Unicode-aware and slow.
const GAP_LIST = 1; // , or /
const GAP_COLON = 2;
const GAP_NEWLINE = 4;
const GAP_MAY_BREAK = 8;

function gapFlags(text: string, from: number, to: number): number {
  let flags = 0;
  for (let i = from; i < to; i += 1) {
    const u = text.charCodeAt(i);
    if (u === 44 || u === 47) flags |= GAP_LIST;
    else if (u === 58) flags |= GAP_COLON | GAP_MAY_BREAK;
    else if (u === 10) flags |= GAP_NEWLINE | GAP_MAY_BREAK;
    // . ; ! ? | and anything past ASCII (bullet glyphs, dashes, other spaces)
    else if (u === 46 || u === 59 || u === 33 || u === 63 || u === 124 || u >= 128) flags |= GAP_MAY_BREAK;
  }
  return flags;
}

const stemCache = new Map<string, string>();
// The Porter stemmer's suffix regexes are quadratic in word length (20k letters: 3.6 s). No English word
// a pattern can name is this long, so longer runs are keyed as they are.
const MAX_STEM_CHARS = 40;

function fold(raw: string): string {
  if (/^[A-Za-z0-9]+$/.test(raw)) return raw;
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’]\p{L}*$/u, '')
    .normalize('NFC');
}

/** The matching key of one lower-case word: lemma table first, then Porter stem. */
export function keyOf(lower: string, lemmas: Lemmas): string {
  if (/^\p{N}/u.test(lower)) return '#';
  const lemma = lemmas.get(lower) ?? lower;
  // A lemma written "=word" is a fixed key: the stemmer would merge it with another word.
  if (lemma.startsWith('=')) return lemma.slice(1);
  let stem = stemCache.get(lemma);
  if (stem === undefined) {
    stem =
      lemma.length > 2 && lemma.length <= MAX_STEM_CHARS && /^[\p{L}]+$/u.test(lemma)
        ? PorterStemmer.stem(lemma)
        : lemma;
    if (stemCache.size < 50_000) stemCache.set(lemma, stem);
  }
  return stem;
}

interface Word {
  key: string;
  lower: string;
  surface: string;
  keys: readonly string[];
  filler: boolean;
}

/**
 * A token is its word (shared by every occurrence) plus where it stands: five fields instead of nine.
 * A long text holds a token per word while it is analyzed, and on 100k one-letter lines their size
 * was what made garbage collection grow faster than the text.
 */
class WordToken implements Token {
  constructor(
    private readonly word: Word,
    readonly start: number,
    readonly end: number,
    readonly clause: number,
    readonly listBreak: boolean,
    readonly afterColon: boolean,
  ) {}
  get key(): string {
    return this.word.key;
  }
  get lower(): string {
    return this.word.lower;
  }
  get surface(): string {
    return this.word.surface;
  }
  get keys(): readonly string[] {
    return this.word.keys;
  }
  get filler(): boolean {
    return this.word.filler;
  }
}

// Words repeat: each distinct one is folded, stemmed and keyed once per lemma table, and its tokens share
// the strings and the keys array (never mutated). Fewer allocations keep long texts linear: at 100 resumes'
// length, per-token garbage made collection dominate. Bounded like the stem cache.
const wordCache = new WeakMap<Lemmas, Map<string, Word>>();

function wordsFor(lemmas: Lemmas): Map<string, Word> {
  let cache = wordCache.get(lemmas);
  if (!cache) {
    cache = new Map();
    wordCache.set(lemmas, cache);
  }
  return cache;
}

function wordOf(raw: string, lemmas: Lemmas, cache: Map<string, Word>): Word {
  let word = cache.get(raw);
  if (word === undefined) {
    const surface = fold(/^[A-Za-z0-9]+$/.test(raw) ? raw : raw.normalize('NFKC'));
    const lower = surface.toLowerCase();
    const key = keyOf(lower, lemmas);
    word = { key, lower, surface, keys: [key, `=${lower}`, `^${surface}`], filler: FILLERS.has(lower) };
    if (cache.size >= 50_000) cache.clear();
    cache.set(raw, word);
  }
  return word;
}

/** Tokenizes `text`; offsets index into `text` itself. Pure and deterministic. */
export function tokenize(text: string, lemmas: Lemmas): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let lastEnd = 0;
  const cache = wordsFor(lemmas);
  tokenSpans(text, (start, end) => {
    // Most gaps are one space (or nothing): no clause break and no list break can hide there, since a
    // token never starts with a glyph or punctuation. Skipping the slices and tests keeps tokens cheap.
    const plain = start === lastEnd || (start === lastEnd + 1 && text.charCodeAt(lastEnd) === 32);
    const gap = plain ? 0 : gapFlags(text, lastEnd, start);
    // The gap plus the first character of this token: a line break counts only before a capital etc.
    const broken = (gap & GAP_MAY_BREAK) !== 0 && tokens.length > 0 && BREAK_RE.test(text.slice(lastEnd, start + 1));
    if (broken) clause += 1;
    const word = wordOf(text.slice(start, end), lemmas, cache);
    // A break made by a colon on the same line ("Not yet experienced: budgeting").
    const afterColon = broken && (gap & GAP_COLON) !== 0 && (gap & GAP_NEWLINE) === 0;
    tokens.push(new WordToken(word, start, end, clause, (gap & GAP_LIST) !== 0, afterColon));
    lastEnd = end;
  });
  return tokens;
}
