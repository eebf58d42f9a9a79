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

const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)?|[&+%$]/gu;
const FILLERS = new Set(['a', 'an', 'the', 'all', 'their', 'our', 'his', 'her', 'its', 'my', 'your', 'any']);
// A clause ends at sentence punctuation followed by space, at a bullet glyph, or at a line break that is
// followed by something that starts a new line of its own (capital, digit, glyph).
const BREAK_RE = /[.;:!?](?:\s|$)|[•●▪◦■□➢►✓◆–—|]|\n\s*\n|\n\s*(?=[\p{Lu}\p{N}\p{S}\p{P}])/u;

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
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = m.index;
    // Most gaps are one space (or nothing): no clause break and no list break can hide there, since a
    // token never starts with a glyph or punctuation. Skipping the slices and tests keeps tokens cheap.
    const plain = start === lastEnd || (start === lastEnd + 1 && text.charCodeAt(lastEnd) === 32);
    const gap = plain ? '' : text.slice(lastEnd, start);
    // The gap plus the first character of this token: a line break counts only before a capital etc.
    const broken = !plain && tokens.length > 0 && BREAK_RE.test(text.slice(lastEnd, start + 1));
    if (broken) clause += 1;
    const word = wordOf(m[0], lemmas, cache);
    // A break made by a colon on the same line ("Not yet experienced: budgeting"): two string scans of a
    // gap that already broke the clause, no regex.
    const afterColon = broken && gap.includes(':') && !gap.includes('\n');
    tokens.push(new WordToken(word, start, start + m[0].length, clause, !plain && /[,/]/.test(gap), afterColon));
    lastEnd = start + m[0].length;
  }
  return tokens;
}
