// Tokens of a bullet and the word classes the rewrite steps share: a token is a space-separated piece
// of text split into leading punctuation, a word core and trailing punctuation. Heuristic word lists,
// English only; a word's class never depends on its context here (the steps decide that).
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';
import type { Tense } from './rewrite-bullet.js';

export const CONNECTORS = new Set(['and', '&', 'or']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'all', 'any', 'each', 'every', 'various', 'multiple', 'new', 'their', 'our', 'its', 'daily', 'weekly', 'monthly']);
// Long enough that a slot is never put before one ("Liaised [N] between clients").
export const PREPOSITIONS = new Set(['of', 'for', 'in', 'on', 'with', 'at', 'to', 'from', 'by', 'as', 'per', 'up', 'between', 'among', 'across', 'through', 'into', 'over', 'under', 'about', 'regarding', 'around', 'within', 'throughout', 'via', 'toward', 'towards', 'during', 'after', 'before', 'against', 'without', 'upon', 'including', 'like', 'onto', 'concerning']);
/** Words that open a subordinate clause, whose verbs keep the writer's tense. */
export const SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'whose', 'when', 'where', 'if', 'because', 'whether', 'although', 'though', 'unless', 'until', 'since']);
/** After "I", these keep the sentence whole: "I am working" must not become "Am working". */
export const AUXILIARIES = new Set(['am', 'was', 'have', 'had', 'will', 'would', 'can', 'could', 'do', 'did', 'shall', 'should', 'may', 'might', 'must']);
export const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'as',
  'and',
  'also',
  'in',
  'on',
  'with',
  'for',
  'to',
  'by',
  'from',
  'this',
  'these',
  'all',
  'each',
  'other',
  'our',
  'my',
  'their',
  'its',
  'while',
  'through',
  'when',
  'then',
  'later',
]);
export const OBJECT_STOPS = new Set([
  'by',
  'through',
  'via',
  'while',
  'resulting',
  'which',
  'thereby',
  'leading',
  'to',
  'using',
  'in',
  'across',
  'from',
  'within',
  'for',
  'at',
  'during',
  'and',
  'with',
]);

export interface Tok {
  pre: string;
  core: string;
  post: string;
  /** `core` lower-cased. */
  lc: string;
  /** The raw token passes WORD_TOKEN (see isWord). */
  word: boolean;
}

const LEADING_NON_WORD = /^[^\p{L}\p{N}]*/u;
const TRAILING_NON_WORD = /[^\p{L}\p{N}]*$/u;
// Tokens repeat across bullets ("and", "customer", "calls,"): a bounded memo keeps the per-token
// regex work off the hot path. Results are frozen values of the input alone, so output is unchanged.
const TOK_MEMO = new Map<string, Tok>();
const TOK_MEMO_MAX = 20_000;
/** A token that is one word made of letters (hyphens allowed) with at most trailing punctuation. */
const WORD_TOKEN = /^[\p{L}][\p{L}'’-]*[,;:.]?$/u;

export function splitTok(raw: string): Tok {
  const hit = TOK_MEMO.get(raw);
  if (hit) return hit;
  const pre = LEADING_NON_WORD.exec(raw)![0];
  const rest = raw.slice(pre.length);
  const post = rest === '' ? '' : TRAILING_NON_WORD.exec(rest)![0];
  const core = rest.slice(0, rest.length - post.length);
  const tok = Object.freeze({ pre, core, post, lc: core.toLowerCase(), word: WORD_TOKEN.test(raw) });
  if (TOK_MEMO.size >= TOK_MEMO_MAX) TOK_MEMO.clear();
  TOK_MEMO.set(raw, tok);
  return tok;
}
export function someIn(wanted: Set<string>, words: Set<string>): boolean {
  for (const w of wanted) if (words.has(w)) return true;
  return false;
}
export const lower = (s: string) => s.toLowerCase();
/** `s.split(' ').filter(Boolean)`; the filter pass only when there is an empty piece to drop. */
export function splitSpaces(s: string): string[] {
  const parts = s.split(' ');
  return parts.includes('') ? parts.filter(Boolean) : parts;
}
// Shares the token memo: one lookup instead of a second map.
export const isWord = (raw: string): boolean => splitTok(raw).word;
export const coreOf = (raw: string) => splitTok(raw).lc;
// Connectors have at most 3 letters and toLowerCase never shortens a string, so longer tokens
// ("and," is 4) cannot be one: skip the replace and lower-casing for them.
export const isConnector = (raw: string) => raw.length <= 4 && CONNECTORS.has(lower(raw.replace(/,$/, '')));
/**
 * `/^\p{Lu}/u.test(s)`: an ASCII first character settles it without the Unicode pattern (slow in V8),
 * which still decides every other string.
 */
export function startsUpper(s: string): boolean {
  const c0 = s.charCodeAt(0);
  return c0 < 128 ? c0 >= 65 && c0 <= 90 : /^\p{Lu}/u.test(s);
}
/** `/^\p{L}/u.test(s)`, with the same ASCII shortcut. */
function startsLetter(s: string): boolean {
  const c0 = s.charCodeAt(0);
  return c0 < 128 ? (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) : /^\p{L}/u.test(s);
}
/** Title-case lines ("Training & Administration Manager") are headings, not sentences. */
export function looksLikeTitle(tokens: string[]): boolean {
  const words = tokens.filter(startsLetter);
  const caps = words.filter(startsUpper).length;
  return words.length >= 2 && caps / words.length >= 0.6 && !tokens.some((t) => /[.;]$/.test(t));
}


export function verbIn(base: string, tense: Tense, lex: RewriteLexicon): string {
  const forms = lex.verbs.get(base);
  if (!forms) return base;
  const wanted = tense === 'past' ? forms.past : forms.base;
  // "excel" capitalized reads as the tool: fall back to the other tense rather than name a product.
  return isProtected(wanted, lex) ? (tense === 'past' ? forms.base : forms.past) : wanted;
}

export function isProtected(word: string, lex: RewriteLexicon): boolean {
  return lex.protectedLower.has(lower(word));
}

export function capitalize(s: string): string {
  // An ASCII first character settles it without the Unicode pattern: a-z is the only \p{Ll} there, and
  // each maps to one capital and back.
  const c0 = s.charCodeAt(0);
  if (c0 < 128) return c0 >= 97 && c0 <= 122 ? s[0]!.toUpperCase() + s.slice(1) : s;
  // Only where upper case maps one letter to one letter and back ("ᾀ" would become two letters).
  return s.replace(/^\p{Ll}/u, (c) => (c.toUpperCase().length === 1 && c.toUpperCase().toLowerCase() === c ? c.toUpperCase() : c));
}

/**
 * `s.replace(/[...]+$/u, '')` where `charClass` is `/[...]/`, one character of that class: the
 * anchored pattern is tried from every position of the string, while the run it removes is found by
 * walking back from the end. The classes used hold BMP characters only, so testing one UTF-16 unit
 * at a time is the same as testing code points.
 */
export function stripTrailing(s: string, charClass: RegExp): string {
  let end = s.length;
  while (end > 0 && charClass.test(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}
export const PUNCT_OR_SPACE = /[\s.;,:]/;
export const stripTrailingPunct = (s: string) => stripTrailing(s, PUNCT_OR_SPACE);
export const SPACE_OR_PERIOD = /[\s.]/;
