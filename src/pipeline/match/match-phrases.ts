// Finds every taxonomy phrase in a text in one pass over its tokens, then applies context rules.
// Heuristic: from each token, walk the compiled trie (depth bounded by the longest phrase, `*` gaps by
// MAX_GAP) comparing stem, exact and cased keys; fillers are skipped; clause breaks stop a walk. Work per
// token depends on the text around it, not on how many patterns the taxonomy holds. Context rules then drop
// senses the phrase alone cannot tell apart ("lead paint" vs "led a team").
// Negation cues ("never", "no experience") before a match in its clause drop it; hedge cues ("familiar
// with") make it weak. A cue's reach is a word window cut at barrier words ("but") and at "and" before a
// past-tense verb (natural's Brill lexicon: "and led"). A cue in a lead-in before a colon reaches the list
// after it ("Not yet experienced: budgeting, ..."); a narrow cue ("without") stops at "and"/"or" or a comma
// (its own object only); a clause ending in a trailing cue ("..., I did not") is taken back. Limits: no full
// parse; "never X and lead Y" (present tense) within the window negates Y. Context is a word window. A `*`
// gap does not run past "and" + past verb once it holds a word (two actions, not one verb and its object).
import type { Framing } from '../../schemas/taxonomy.js';
import { type CompiledContext, type CompiledTaxonomy, MAX_GAP, type TrieNode, WILD } from '../../taxonomy/compile-taxonomy.js';
import { type Token, tokenize } from '../../text/tokenize.js';

export interface PhraseMatch {
  competencyId: string;
  patternId: string;
  /** Offsets into the matched text: text.slice(start, end) is the matched phrase. */
  start: number;
  end: number;
  framing: Framing;
  /** A hedge cue ("familiar with") precedes the match: weak evidence at most. */
  hedged: boolean;
}

export interface RawMatch {
  pattern: number;
  first: number;
  last: number;
  hedged?: boolean;
}

/** Next non-filler token index at or after `i` in the same clause, or -1. */
function nextWord(tokens: readonly Token[], i: number, clause: number): number {
  for (let j = i; j < tokens.length; j += 1) {
    const t = tokens[j]!;
    if (t.clause !== clause) return -1;
    if (!t.filler) return j;
  }
  return -1;
}

/**
 * What the matcher asks of a word, answered once per distinct word and taxonomy: a word's keys array is
 * shared by all its tokens (see tokenize), so these lookups are done once per word instead of once per
 * token and per question (one memo lookup per token replaces several Map and WeakMap lookups).
 */
interface WordFacts {
  /** The root's children for the word's keys, in key order (most words open no phrase: empty). */
  readonly rootChildren: readonly TrieNode[];
  /** TrieNode.kinds bits of the word's keys that label some edge of the trie: a step by another key misses. */
  readonly trieKinds: number;
  /** Bits of the cue lists (ASPIRATIONS ... CONTEXT) in which one of the word's keys opens a sequence. */
  readonly opens: number;
  /** The POS lexicon reads the word first as a past tense or participle. */
  readonly pastVerb: boolean;
}

// Bits of WordFacts.opens. A list is tested at a word only when the word opens one of its sequences;
// CONTEXT is shared by every pattern's context lists (a pre-test only: the list's own index decides).
const ASPIRATIONS = 1;
const HEDGES = 2;
const CUES = 4;
const EXCEPTIONS = 8;
const BARRIERS = 16;
const COORDINATORS = 32;
const TRAILING = 64;
const NARROW = 128;
const CONTEXT = 256;

/** Per taxonomy, built on first use (the taxonomy is compiled at boot and never changes). */
interface MatcherTables {
  /** Every key that labels an edge of the trie. */
  trieKeys: ReadonlySet<string>;
  /** Each cue list with its bit. */
  lists: readonly (readonly [string[][][], number])[];
  facts: WeakMap<readonly string[], WordFacts>;
}
const matcherTables = new WeakMap<CompiledTaxonomy, MatcherTables>();

function tablesFor(taxonomy: CompiledTaxonomy): MatcherTables {
  let tables = matcherTables.get(taxonomy);
  if (!tables) {
    const trieKeys = new Set<string>();
    const visit = (node: TrieNode): void => {
      for (const [key, child] of node.next) {
        trieKeys.add(key);
        visit(child);
      }
      if (node.wild) visit(node.wild);
    };
    visit(taxonomy.root);
    const { negation } = taxonomy;
    const lists: (readonly [string[][][], number])[] = [
      [taxonomy.aspirations, ASPIRATIONS],
      [taxonomy.hedges, HEDGES],
      [negation.cues, CUES],
      [negation.exceptions, EXCEPTIONS],
      [negation.barriers, BARRIERS],
      [negation.coordinators, COORDINATORS],
      [negation.trailing, TRAILING],
      [negation.narrow, NARROW],
    ];
    for (const p of taxonomy.patterns) if (p.context) lists.push([p.context.without, CONTEXT], [p.context.requires, CONTEXT]);
    tables = { trieKeys, lists, facts: new WeakMap() };
    matcherTables.set(taxonomy, tables);
  }
  return tables;
}

function factsOf(token: Token, taxonomy: CompiledTaxonomy, tables: MatcherTables): WordFacts {
  const keys = token.keys;
  let facts = tables.facts.get(keys);
  if (facts === undefined) {
    const { root } = taxonomy;
    const rootChildren: TrieNode[] = [];
    let trieKinds = 0;
    let opens = 0;
    for (let k = 0; k < keys.length; k += 1) {
      const key = keys[k]!;
      if (tables.trieKeys.has(key)) trieKinds |= 1 << k;
      const child = (root.kinds & (1 << k)) !== 0 ? root.next.get(key) : undefined;
      if (child) rootChildren.push(child);
      for (const [list, bit] of tables.lists) if (phraseIndex(list).byFirst.has(key)) opens |= bit;
    }
    facts = { rootChildren, trieKinds, opens, pastVerb: taxonomy.negation.pastVerbs.has(token.lower) };
    tables.facts.set(keys, facts);
  }
  return facts;
}

/** The tokens of one text and, per token, its word's facts. */
interface Scan {
  tokens: readonly Token[];
  facts: readonly WordFacts[];
  /** Longest match per pattern from the current start token: its last token, or -1. */
  lastOf: Int32Array;
  /** The patterns matched from the current start token, in the order first found. */
  hit: number[];
}

/**
 * Whether token `j` is "and" (a negation coordinator) before a past-tense verb: a second action starts
 * there ("Managed budgets and reduced project costs" is not managing a project).
 */
function secondActionAt(scan: Scan, j: number, coordinators: string[][][]): boolean {
  return j + 1 < scan.tokens.length && scan.facts[j + 1]!.pastVerb && startsAt(scan, j, coordinators, COORDINATORS);
}

function walk(scan: Scan, node: TrieNode, from: number, clause: number, first: number, coordinators: string[][][]) {
  const { tokens } = scan;
  const i = nextWord(tokens, from, clause);
  if (i < 0) return;
  const token = tokens[i]!;
  // Adjacent words of a phrase never straddle a comma ("accounting, management" is a list, not
  // "account management"); a `*` gap may.
  if (i === first || !token.listBreak) step(scan, node, i, clause, first, coordinators);
  if (node.wild) {
    // A gap of 0..MAX_GAP words, then the phrase must go on. The gap stops at "and" + past verb once it
    // holds a word: "Planned and executed projects" shares one object, "Answered calls and planned
    // events" is two actions.
    let j = i;
    for (let gap = 0; gap <= MAX_GAP && j >= 0; gap += 1) {
      if (gap > 0 && secondActionAt(scan, j, coordinators)) break;
      step(scan, node.wild, j, clause, first, coordinators);
      j = nextWord(tokens, j + 1, clause);
    }
  }
}

/** Follows token `i` from `node` by each of its keys, records the phrases that end there, walks on. */
function step(scan: Scan, node: TrieNode, i: number, clause: number, first: number, coordinators: string[][][]) {
  // A token's trie keys, in the order of TrieNode.kinds bits: stem, `=exact`, `^Cased`. A key that labels
  // no edge anywhere in the trie (most words of a resume) is not looked up.
  const kinds = node.kinds & scan.facts[i]!.trieKinds;
  if (kinds === 0) return;
  const keys = scan.tokens[i]!.keys;
  for (let k = 0; k < keys.length; k += 1) {
    if ((kinds & (1 << k)) === 0) continue;
    const child = node.next.get(keys[k]!);
    if (!child) continue;
    record(scan, child, i);
    walk(scan, child, i + 1, clause, first, coordinators);
  }
}

/** Notes the patterns that end at `node` with last token `last`, keeping the longest per pattern. */
function record(scan: Scan, node: TrieNode, last: number): void {
  for (const pattern of node.outputs) {
    const prev = scan.lastOf[pattern]!;
    if (prev < 0) scan.hit.push(pattern);
    if (last > prev) scan.lastOf[pattern] = last;
  }
}

/**
 * A cue list (string[][][]: alternatives of key sequences) indexed by each sequence's first key, built once
 * per list (lists are compiled at boot and never change). A sequence can only start where a token carries
 * its first key, so a position is tested against the few sequences its three keys name instead of all.
 */
export interface PhraseIndex {
  byFirst: Map<string, (readonly string[])[]>;
  /** Sequences that open with a `*` gap: no word carries their first key, so a caller that allows gaps tries them anywhere. */
  anywhere: (readonly string[])[];
  /** Some sequence is empty: it matches anywhere. */
  empty: boolean;
  /**
   * The sequences a word's keys open, in key order, per keys array: a word's keys array is shared by all
   * its tokens (see tokenize), so the three string lookups are done once per distinct word and list.
   */
  byKeys: WeakMap<readonly string[], readonly (readonly string[])[]>;
}
const phraseIndexes = new WeakMap<readonly string[][][], PhraseIndex>();

/** The index of a phrase list (compiled at boot, never changed): built on first use, then kept. */
export function phraseIndex(phrases: readonly string[][][]): PhraseIndex {
  let index = phraseIndexes.get(phrases);
  if (!index) {
    index = { byFirst: new Map(), anywhere: [], empty: false, byKeys: new WeakMap() };
    for (const seq of phrases.flat()) {
      const first = seq[0];
      if (first === undefined) index.empty = true;
      else if (first === WILD) index.anywhere.push(seq);
      else {
        const list = index.byFirst.get(first);
        if (list) list.push(seq);
        else index.byFirst.set(first, [seq]);
      }
    }
    phraseIndexes.set(phrases, index);
  }
  return index;
}

/**
 * Whether a sequence of `index` starts at token `at` (fillers skipped) and ends by `hi`; `bit` is the
 * list's bit in WordFacts.opens (a word that opens none of its sequences is not looked up further).
 */
function indexedAt(scan: Scan, at: number, index: PhraseIndex, bit: number, hi: number): boolean {
  if (index.empty) return true;
  const { tokens } = scan;
  let i = at;
  while (i <= hi && tokens[i]!.filler) i += 1;
  if (i > hi || (scan.facts[i]!.opens & bit) === 0) return false;
  for (const seq of sequencesFor(index, tokens[i]!.keys)) if (sequenceEnd(tokens, at, seq, hi) >= 0) return true;
  return false;
}

/** The sequences of `index` whose first key is one of `keys`, in key order (memoized per keys array). */
function sequencesFor(index: PhraseIndex, keys: readonly string[]): readonly (readonly string[])[] {
  let seqs = index.byKeys.get(keys);
  if (seqs === undefined) {
    const found: (readonly string[])[] = [];
    for (let k = 0; k < keys.length; k += 1) {
      const list = index.byFirst.get(keys[k]!);
      if (list) found.push(...list);
    }
    seqs = found;
    index.byKeys.set(keys, seqs);
  }
  return seqs;
}

/** The index after `seq` matched from token `at` (fillers skipped, not past `hi`), or -1. */
function sequenceEnd(tokens: readonly Token[], at: number, seq: readonly string[], hi: number): number {
  let i = at;
  for (const key of seq) {
    while (i <= hi && tokens[i]!.filler) i += 1;
    if (i > hi || !tokens[i]!.keys.includes(key)) return -1;
    i += 1;
  }
  return i;
}

function windowHas(scan: Scan, lo: number, hi: number, phrases: string[][][], bit: number): boolean {
  const index = phraseIndex(phrases);
  if (index.empty) return lo <= hi;
  // A filler position matches exactly what the next word's position matches: test words only.
  for (let i = lo; i <= hi; i += 1) if (!scan.tokens[i]!.filler && indexedAt(scan, i, index, bit, hi)) return true;
  return false;
}

function contextAllows(
  scan: Scan,
  m: RawMatch,
  ctx: CompiledContext | undefined,
  nominal: CompiledTaxonomy['nominalWords'],
  negation: CompiledTaxonomy['negation'],
): boolean {
  if (!ctx) return true;
  const { tokens } = scan;
  if (ctx.verbFirst && !readsAsVerb(tokens, m.first, nominal, negation)) return false;
  const clause = tokens[m.first]!.clause;
  let lo = m.first;
  for (let n = 0; n < ctx.window && lo > 0 && tokens[lo - 1]!.clause === clause; ) {
    lo -= 1;
    if (!tokens[lo]!.filler) n += 1;
  }
  let hi = m.last;
  for (let n = 0; n < ctx.window && hi < tokens.length - 1 && tokens[hi + 1]!.clause === clause; ) {
    hi += 1;
    if (!tokens[hi]!.filler) n += 1;
  }
  if (ctx.without.length > 0 && windowHas(scan, lo, hi, ctx.without, CONTEXT)) return false;
  if (ctx.requires.length > 0 && !windowHas(scan, lo, hi, ctx.requires, CONTEXT)) return false;
  return true;
}

/**
 * Whether token `i` can be a verb where it stands: first in its clause, after a comma, or after a word
 * the POS lexicon does not read first as a determiner, adjective, gerund or noun. "Led the rollout",
 * "I ran the remodel", "asked me to lead the changeover" pass; "the receiving leads" does not. An -ing
 * form heads its own phrase after a noun ("twelve years delivering projects"), not after an adjective
 * ("operational planning"); so
 * does a capitalised word after a lower-case one, a bullet start that extraction joined to the line
 * before ("release plans Managed third-party implementations").
 */
function readsAsVerb(
  tokens: readonly Token[],
  i: number,
  nominal: CompiledTaxonomy['nominalWords'],
  negation: CompiledTaxonomy['negation'],
): boolean {
  const { pastVerbs } = negation;
  const prev = tokens[i - 1];
  const t = tokens[i]!;
  if (!prev || prev.clause !== t.clause || t.listBreak) return true;
  if (isUpper(t.surface) && !isUpper(prev.surface)) return true;
  // A third-person subject did it, not the writer: "The vendor and IT ran the project", "they led it".
  if (THIRD_PERSON_PRONOUNS.has(prev.lower)) return false;
  // So does a person named with a determiner before a past verb: "the management company's PM ran the
  // project", "our GM built the budget". Without one it is the writer's own summary ("Project manager
  // delivered 30 projects").
  if (negation.otherSubjects.has(prev.lower) && pastVerbs.has(t.lower) && determinedBefore(tokens, i - 1)) return false;
  // A second verb shares the first one's subject: "the district manager and the vendor planned and ran
  // the switch" is as much someone else's as "the vendor planned"; "I planned and ran" stays mine.
  const before = tokens[i - 2];
  if (prev.lower === 'and' && before && before.clause === t.clause && !before.listBreak && pastVerbs.has(before.lower)) {
    return readsAsVerb(tokens, i - 2, nominal, negation);
  }
  const kind = nominal.get(prev.lower);
  return kind === undefined || (kind === 'noun' && t.lower.endsWith('ing'));
}

/** Whether a determiner ("the", "our": a filler word) stands at most three words before noun `n`. */
function determinedBefore(tokens: readonly Token[], n: number): boolean {
  const clause = tokens[n]!.clause;
  for (let k = n - 1, words = 0; k >= 0 && words < 3 && tokens[k]!.clause === clause && !tokens[k]!.listBreak; k -= 1) {
    if (tokens[k]!.filler) return true;
    words += 1;
  }
  return false;
}

/** Personal pronouns that, right before a verb, make someone other than the writer its subject. */
const THIRD_PERSON_PRONOUNS: ReadonlySet<string> = new Set(['it', 'he', 'she', 'they']);

function isUpper(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase();
}

/** Whether a clause states an aim ("seeking a role where I will ..."), not a fact. Memoized per clause. */
function aspirationTest(scan: Scan, cues: string[][][]): (clause: number, at: number) => boolean {
  const { tokens } = scan;
  const memo = new Map<number, boolean>();
  return (clause, at) => {
    if (cues.length === 0) return false;
    let known = memo.get(clause);
    if (known === undefined) {
      let lo = at;
      while (lo > 0 && tokens[lo - 1]!.clause === clause) lo -= 1;
      let hi = at;
      while (hi + 1 < tokens.length && tokens[hi + 1]!.clause === clause) hi += 1;
      known = windowHas(scan, lo, hi, cues, ASPIRATIONS);
      // A list after a colon shares its lead-in's aim ("Interested in: project coordination, Lean, the
      // CAPM exam"), as it shares its negation.
      if (!known && lo > 0 && tokens[lo]!.afterColon) {
        const lead = tokens[lo - 1]!.clause;
        let leadStart = lo - 1;
        while (leadStart > 0 && tokens[leadStart - 1]!.clause === lead) leadStart -= 1;
        known = windowHas(scan, leadStart, lo - 1, cues, ASPIRATIONS);
      }
      memo.set(clause, known);
    }
    return known;
  };
}

/** Whether one of the key sequences in `phrases` (whose bit in WordFacts.opens is `bit`) starts at token `at`. */
function startsAt(scan: Scan, at: number, phrases: string[][][], bit: number): boolean {
  return indexedAt(scan, at, phraseIndex(phrases), bit, scan.tokens.length - 1);
}

/** What a backward walk for a cue met first. */
type Reach = 'cue' | 'barrier' | 'none';

/**
 * Walks back from token `from` (inclusive) while in `clause`, over at most `window` words (no limit when
 * `window` is Infinity): the first cue (not part of an exception) or barrier met, else 'none'. With
 * `cues` empty it only looks for barriers. `start` receives the index of the last token walked. `cueBit`
 * is the bit of `cues` in WordFacts.opens; `exceptions` are negation.exceptions or none.
 */
function walkBack(
  scan: Scan,
  from: number,
  clause: number,
  window: number,
  cues: string[][][],
  cueBit: number,
  negation: CompiledTaxonomy['negation'],
  exceptions: string[][][],
): { reach: Reach; start: number; at: number } {
  const { tokens } = scan;
  let words = 0;
  let start = from + 1;
  for (let i = from; i >= 0 && tokens[i]!.clause === clause && words < window; i -= 1) {
    start = i;
    if (tokens[i]!.filler) continue;
    words += 1;
    if (startsAt(scan, i, negation.barriers, BARRIERS)) return { reach: 'barrier', start, at: i };
    // A comma and the writer as a new subject start a new main clause: "a room that was not ready, I
    // listen first and then find another way".
    if (tokens[i]!.listBreak && NEW_SUBJECTS.has(tokens[i]!.lower)) return { reach: 'barrier', start, at: i };
    // "and" before a past-tense verb starts a second action: "No budget experience and led a team".
    if (i + 1 < tokens.length && scan.facts[i + 1]!.pastVerb && startsAt(scan, i, negation.coordinators, COORDINATORS)) {
      return { reach: 'barrier', start, at: i };
    }
    if (cues.length > 0 && startsAt(scan, i, cues, cueBit) && !startsAt(scan, i, exceptions, EXCEPTIONS)) return { reach: 'cue', start, at: i };
  }
  return { reach: 'none', start, at: -1 };
}

/**
 * Whether a cue stands before token `first` in its clause, at most `window` words back, with no barrier
 * word between and not as part of an exception ("not only", "never missed"). A clause that follows a
 * colon is the list its lead-in introduces: a cue in the lead-in's last `window` words reaches the whole
 * list ("Not yet experienced: budgeting, requirements gathering, Agile in practice").
 */
function cueBefore(
  scan: Scan,
  first: number,
  cues: string[][][],
  cueBit: number,
  negation: CompiledTaxonomy['negation'],
  exceptions: string[][][],
): boolean {
  if (cues.length === 0) return false;
  const { tokens } = scan;
  const clause = tokens[first]!.clause;
  const near = walkBack(scan, first - 1, clause, negation.window, cues, cueBit, negation, exceptions);
  if (near.reach === 'cue') return !coordinatedAway(scan, near.at, first, negation.narrow);
  if (near.reach === 'barrier') return false;
  // Nothing near: if the clause follows a colon (found by clause number alone, so clauses that do not
  // follow one cost a short loop) and no barrier stands between, look in the lead-in.
  let head = near.start;
  while (head > 0 && tokens[head - 1]!.clause === clause) head -= 1;
  if (head === 0 || !tokens[head]!.afterColon) return false;
  if (walkBack(scan, near.start - 1, clause, Infinity, [], cueBit, negation, exceptions).reach === 'barrier') return false;
  const lead = walkBack(scan, head - 1, tokens[head - 1]!.clause, negation.window, cues, cueBit, negation, exceptions);
  return lead.reach === 'cue';
}

/** The writer as subject: after a comma, a new main clause that an earlier cue does not reach. */
const NEW_SUBJECTS: ReadonlySet<string> = new Set(['i', 'we']);

/** Conjunctions that end a narrow cue's reach. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'or']);

/**
 * Whether a narrow cue at token `at` (a preposition: "without") governs only its own object, and a
 * conjunction or comma before token `first` starts another one: "Handle returns without receipts and
 * customers who are unhappy" negates the receipts, not the unhappy customers.
 */
function coordinatedAway(scan: Scan, at: number, first: number, narrow: string[][][]): boolean {
  if (narrow.length === 0 || !startsAt(scan, at, narrow, NARROW)) return false;
  const { tokens } = scan;
  for (let i = at + 2; i <= first; i += 1) {
    const t = tokens[i]!;
    if (t.listBreak || (i < first && CONJUNCTIONS.has(t.lower))) return true;
  }
  return false;
}

/**
 * Whether the clause of token `last` ends, after it, with a trailing negation ("the district team planned
 * and ran it, I did not"; "risk assessments, though I did not do them"). Memoized per clause.
 */
function trailingTest(scan: Scan, trailing: string[][][]): (last: number) => boolean {
  const { tokens } = scan;
  const memo = new Map<number, number>();
  return (last) => {
    if (trailing.length === 0) return false;
    const clause = tokens[last]!.clause;
    let from = memo.get(clause);
    if (from === undefined) {
      // The first token of a trailing cue that ends the clause exactly, or -1.
      from = -1;
      let end = last;
      while (end + 1 < tokens.length && tokens[end + 1]!.clause === clause) end += 1;
      const index = phraseIndex(trailing);
      for (let i = end; i >= 0 && tokens[i]!.clause === clause && end - i < MAX_TRAILING; i -= 1) {
        if (tokens[i]!.filler) continue;
        if (endsExactlyAt(scan, i, index, end)) {
          from = i;
          break;
        }
      }
      memo.set(clause, from);
    }
    return from > last;
  };
}

/** Longest trailing cue, in tokens, looked for at a clause end. */
const MAX_TRAILING = 8;

/** Whether a sequence of `index` starts at token `at` and its last key is token `end`. */
function endsExactlyAt(scan: Scan, at: number, index: PhraseIndex, end: number): boolean {
  if ((scan.facts[at]!.opens & TRAILING) === 0) return false;
  const { tokens } = scan;
  for (const seq of sequencesFor(index, tokens[at]!.keys)) {
    let i = sequenceEnd(tokens, at, seq, end);
    if (i < 0) continue;
    while (i <= end && tokens[i]!.filler) i += 1;
    if (i === end + 1) return true;
  }
  return false;
}

/** All matches over pre-computed tokens, sorted by position then pattern order. Longest match per start. */
export function matchTokens(tokens: readonly Token[], taxonomy: CompiledTaxonomy): RawMatch[] {
  const tables = tablesFor(taxonomy);
  const scan: Scan = {
    tokens,
    facts: tokens.map((t) => factsOf(t, taxonomy, tables)),
    lastOf: new Int32Array(taxonomy.patterns.length).fill(-1),
    hit: [],
  };
  const { coordinators } = taxonomy.negation;
  const kept: RawMatch[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.filler) continue;
    // Every match found from token i starts at i: the longest per pattern is kept (scan.lastOf), with no
    // object per match found (on long texts they were garbage).
    if (taxonomy.root.wild) walk(scan, taxonomy.root, i, t.clause, i, coordinators);
    else {
      // walk() from the root at a word token is step() at that token: the same children in key order.
      for (const child of scan.facts[i]!.rootChildren) {
        record(scan, child, i);
        walk(scan, child, i + 1, t.clause, i, coordinators);
      }
    }
    if (scan.hit.length === 0) continue;
    for (const pattern of scan.hit) {
      kept.push({ pattern, first: i, last: scan.lastOf[pattern]! });
      scan.lastOf[pattern] = -1;
    }
    scan.hit.length = 0;
  }
  const aspirational = aspirationTest(scan, taxonomy.aspirations);
  const { negation, hedges } = taxonomy;
  const negatedAfter = trailingTest(scan, negation.trailing);
  return kept
    .filter((m) => !aspirational(tokens[m.first]!.clause, m.first))
    .filter((m) => !cueBefore(scan, m.first, negation.cues, CUES, negation, negation.exceptions))
    .filter((m) => !negatedAfter(m.last))
    .filter((m) => contextAllows(scan, m, taxonomy.patterns[m.pattern]!.context, taxonomy.nominalWords, taxonomy.negation))
    .map((m) => (cueBefore(scan, m.first, hedges, HEDGES, negation, []) ? { ...m, hedged: true } : m))
    .sort((a, b) => a.first - b.first || a.last - b.last || a.pattern - b.pattern);
}

/** Every taxonomy phrase found in `text`, offsets into `text`. One tokenization, one trie scan. */
export function matchText(text: string, taxonomy: CompiledTaxonomy): PhraseMatch[] {
  return phrasesIn(tokenize(text, taxonomy.lemmas), taxonomy);
}

/** matchText over tokens already made from the text (by `tokenize` with the taxonomy's lemmas). */
export function phrasesIn(tokens: readonly Token[], taxonomy: CompiledTaxonomy): PhraseMatch[] {
  return matchTokens(tokens, taxonomy).map((m) => {
    const p = taxonomy.patterns[m.pattern]!;
    return {
      competencyId: p.competencyId,
      patternId: p.id,
      start: tokens[m.first]!.start,
      end: tokens[m.last]!.end,
      framing: p.framing,
      hedged: m.hedged === true,
    };
  });
}
