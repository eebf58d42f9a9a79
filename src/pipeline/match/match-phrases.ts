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

/** What a walk needs besides the trie: where a `*` gap must stop. */
interface WalkRules {
  coordinators: string[][][];
  pastVerbs: ReadonlySet<string>;
}

/**
 * Whether token `j` is "and" (a negation coordinator) before a past-tense verb: a second action starts
 * there ("Managed budgets and reduced project costs" is not managing a project).
 */
function secondActionAt(tokens: readonly Token[], j: number, rules: WalkRules): boolean {
  const next = tokens[j + 1];
  return !!next && rules.pastVerbs.has(next.lower) && startsAt(tokens, j, rules.coordinators);
}

function walk(
  tokens: readonly Token[],
  node: TrieNode,
  from: number,
  clause: number,
  first: number,
  out: RawMatch[],
  rules: WalkRules,
) {
  const i = nextWord(tokens, from, clause);
  if (i < 0) return;
  const token = tokens[i]!;
  // Adjacent words of a phrase never straddle a comma ("accounting, management" is a list, not
  // "account management"); a `*` gap may.
  if (i === first || !token.listBreak) step(tokens, node, i, clause, first, out, rules);
  if (node.wild) {
    // A gap of 0..MAX_GAP words, then the phrase must go on. The gap stops at "and" + past verb once it
    // holds a word: "Planned and executed projects" shares one object, "Answered calls and planned
    // events" is two actions.
    let j = i;
    for (let gap = 0; gap <= MAX_GAP && j >= 0; gap += 1) {
      if (gap > 0 && secondActionAt(tokens, j, rules)) break;
      step(tokens, node.wild, j, clause, first, out, rules);
      j = nextWord(tokens, j + 1, clause);
    }
  }
}

/** Follows token `i` from `node` by each of its keys, records the phrases that end there, walks on. */
function step(
  tokens: readonly Token[],
  node: TrieNode,
  i: number,
  clause: number,
  first: number,
  out: RawMatch[],
  rules: WalkRules,
) {
  // A token's trie keys, in the order of TrieNode.kinds bits: stem, `=exact`, `^Cased`.
  const keys = tokens[i]!.keys;
  for (let k = 0; k < keys.length; k += 1) {
    if ((node.kinds & (1 << k)) === 0) continue;
    const child = node.next.get(keys[k]!);
    if (!child) continue;
    for (const pattern of child.outputs) out.push({ pattern, first, last: i });
    walk(tokens, child, i + 1, clause, first, out, rules);
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

/** Whether a sequence of `index` starts at token `at` (fillers skipped) and ends by `hi`. */
function indexedAt(tokens: readonly Token[], at: number, index: PhraseIndex, hi: number): boolean {
  if (index.empty) return true;
  let i = at;
  while (i <= hi && tokens[i]!.filler) i += 1;
  if (i > hi) return false;
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

/**
 * The root's children for a word's keys, in key order. A word's keys array is shared by all its tokens
 * (see tokenize), so the three lookups in the trie's largest map, where nearly every word starts no
 * phrase, are done once per distinct word and taxonomy instead of once per token.
 */
const rootChildren = new WeakMap<TrieNode, WeakMap<readonly string[], readonly TrieNode[]>>();

function childrenOfRoot(root: TrieNode, keys: readonly string[]): readonly TrieNode[] {
  let byKeys = rootChildren.get(root);
  if (!byKeys) {
    byKeys = new WeakMap();
    rootChildren.set(root, byKeys);
  }
  let children = byKeys.get(keys);
  if (children === undefined) {
    const found: TrieNode[] = [];
    for (let k = 0; k < keys.length; k += 1) {
      if ((root.kinds & (1 << k)) === 0) continue;
      const child = root.next.get(keys[k]!);
      if (child) found.push(child);
    }
    children = found;
    byKeys.set(keys, children);
  }
  return children;
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

function windowHas(tokens: readonly Token[], lo: number, hi: number, phrases: string[][][]): boolean {
  const index = phraseIndex(phrases);
  if (index.empty) return lo <= hi;
  // A filler position matches exactly what the next word's position matches: test words only.
  for (let i = lo; i <= hi; i += 1) if (!tokens[i]!.filler && indexedAt(tokens, i, index, hi)) return true;
  return false;
}

function contextAllows(
  tokens: readonly Token[],
  m: RawMatch,
  ctx: CompiledContext | undefined,
  nominal: CompiledTaxonomy['nominalWords'],
  negation: CompiledTaxonomy['negation'],
): boolean {
  if (!ctx) return true;
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
  if (ctx.without.length > 0 && windowHas(tokens, lo, hi, ctx.without)) return false;
  if (ctx.requires.length > 0 && !windowHas(tokens, lo, hi, ctx.requires)) return false;
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
function aspirationTest(tokens: readonly Token[], cues: string[][][]): (clause: number, at: number) => boolean {
  const memo = new Map<number, boolean>();
  return (clause, at) => {
    if (cues.length === 0) return false;
    let known = memo.get(clause);
    if (known === undefined) {
      let lo = at;
      while (lo > 0 && tokens[lo - 1]!.clause === clause) lo -= 1;
      let hi = at;
      while (hi + 1 < tokens.length && tokens[hi + 1]!.clause === clause) hi += 1;
      known = windowHas(tokens, lo, hi, cues);
      // A list after a colon shares its lead-in's aim ("Interested in: project coordination, Lean, the
      // CAPM exam"), as it shares its negation.
      if (!known && lo > 0 && tokens[lo]!.afterColon) {
        const lead = tokens[lo - 1]!.clause;
        let leadStart = lo - 1;
        while (leadStart > 0 && tokens[leadStart - 1]!.clause === lead) leadStart -= 1;
        known = windowHas(tokens, leadStart, lo - 1, cues);
      }
      memo.set(clause, known);
    }
    return known;
  };
}

/** Whether one of the key sequences in `phrases` starts at token `at`. */
function startsAt(tokens: readonly Token[], at: number, phrases: string[][][]): boolean {
  return indexedAt(tokens, at, phraseIndex(phrases), tokens.length - 1);
}

/** What a backward walk for a cue met first. */
type Reach = 'cue' | 'barrier' | 'none';

/**
 * Walks back from token `from` (inclusive) while in `clause`, over at most `window` words (no limit when
 * `window` is Infinity): the first cue (not part of an exception) or barrier met, else 'none'. With
 * `cues` empty it only looks for barriers. `start` receives the index of the last token walked.
 */
function walkBack(
  tokens: readonly Token[],
  from: number,
  clause: number,
  window: number,
  cues: string[][][],
  negation: CompiledTaxonomy['negation'],
  exceptions: string[][][],
): { reach: Reach; start: number; at: number } {
  let words = 0;
  let start = from + 1;
  for (let i = from; i >= 0 && tokens[i]!.clause === clause && words < window; i -= 1) {
    start = i;
    if (tokens[i]!.filler) continue;
    words += 1;
    if (startsAt(tokens, i, negation.barriers)) return { reach: 'barrier', start, at: i };
    // A comma and the writer as a new subject start a new main clause: "a room that was not ready, I
    // listen first and then find another way".
    if (tokens[i]!.listBreak && NEW_SUBJECTS.has(tokens[i]!.lower)) return { reach: 'barrier', start, at: i };
    // "and" before a past-tense verb starts a second action: "No budget experience and led a team".
    const next = tokens[i + 1];
    if (next && negation.pastVerbs.has(next.lower) && startsAt(tokens, i, negation.coordinators)) {
      return { reach: 'barrier', start, at: i };
    }
    if (cues.length > 0 && startsAt(tokens, i, cues) && !startsAt(tokens, i, exceptions)) return { reach: 'cue', start, at: i };
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
  tokens: readonly Token[],
  first: number,
  cues: string[][][],
  negation: CompiledTaxonomy['negation'],
  exceptions: string[][][],
): boolean {
  if (cues.length === 0) return false;
  const clause = tokens[first]!.clause;
  const near = walkBack(tokens, first - 1, clause, negation.window, cues, negation, exceptions);
  if (near.reach === 'cue') return !coordinatedAway(tokens, near.at, first, negation.narrow);
  if (near.reach === 'barrier') return false;
  // Nothing near: if the clause follows a colon (found by clause number alone, so clauses that do not
  // follow one cost a short loop) and no barrier stands between, look in the lead-in.
  let head = near.start;
  while (head > 0 && tokens[head - 1]!.clause === clause) head -= 1;
  if (head === 0 || !tokens[head]!.afterColon) return false;
  if (walkBack(tokens, near.start - 1, clause, Infinity, [], negation, exceptions).reach === 'barrier') return false;
  const lead = walkBack(tokens, head - 1, tokens[head - 1]!.clause, negation.window, cues, negation, exceptions);
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
function coordinatedAway(tokens: readonly Token[], at: number, first: number, narrow: string[][][]): boolean {
  if (narrow.length === 0 || !startsAt(tokens, at, narrow)) return false;
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
function trailingTest(tokens: readonly Token[], trailing: string[][][]): (last: number) => boolean {
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
        if (endsExactlyAt(tokens, i, index, end)) {
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
function endsExactlyAt(tokens: readonly Token[], at: number, index: PhraseIndex, end: number): boolean {
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
  const kept: RawMatch[] = [];
  // Every match found from token i starts at i: the longest per pattern is kept per start token, with
  // a map reused from token to token (a key string per match was garbage on long texts).
  const longest = new Map<number, RawMatch>();
  const found: RawMatch[] = [];
  const rules: WalkRules = { coordinators: taxonomy.negation.coordinators, pastVerbs: taxonomy.negation.pastVerbs };
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.filler) continue;
    found.length = 0;
    if (taxonomy.root.wild) walk(tokens, taxonomy.root, i, t.clause, i, found, rules);
    else {
      // walk() from the root at a word token is step() at that token: the same children in key order.
      for (const child of childrenOfRoot(taxonomy.root, t.keys)) {
        for (const pattern of child.outputs) found.push({ pattern, first: i, last: i });
        walk(tokens, child, i + 1, t.clause, i, found, rules);
      }
    }
    if (found.length === 0) continue;
    longest.clear();
    for (const m of found) {
      const prev = longest.get(m.pattern);
      if (!prev || m.last > prev.last) longest.set(m.pattern, m);
    }
    for (const m of longest.values()) kept.push(m);
  }
  const aspirational = aspirationTest(tokens, taxonomy.aspirations);
  const { negation, hedges } = taxonomy;
  const negatedAfter = trailingTest(tokens, negation.trailing);
  return kept
    .filter((m) => !aspirational(tokens[m.first]!.clause, m.first))
    .filter((m) => !cueBefore(tokens, m.first, negation.cues, negation, negation.exceptions))
    .filter((m) => !negatedAfter(m.last))
    .filter((m) => contextAllows(tokens, m, taxonomy.patterns[m.pattern]!.context, taxonomy.nominalWords, taxonomy.negation))
    .map((m) => (cueBefore(tokens, m.first, hedges, negation, []) ? { ...m, hedged: true } : m))
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
