// Cleans a bullet before it is rewritten and splits glued sentences: mojibake, glyphs, spacing, a typo
// standing for "and" in a verb chain, then ". X" boundaries, and sentences the PDF glued without a
// period where a capitalized past verb (or, in a gerund duty list, a capitalized gerund) opens the next
// one. Never touches digits or their separators. Limits: abbreviations and typos come from lists.
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';
import type { RewriteChange } from './rewrite-bullet.js';
import { lower, stripTrailingPunct } from './text-tokens.js';

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'st',
  'vs',
  'no',
  'dept',
]);
const BULLET_GLYPH =
  /^(?:[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219\u27a2\u27a4\u2192\u00b7*>]|[-\u2013\u2014o](?=\s))\s*/u;

/** Removes mojibake, glyphs and stray spacing. Never touches digits or their separators. */
export function tidy(text: string): string {
  // Each Unicode replace is skipped when the character it needs is absent: most bullets are clean
  // and the skipped replace would return its input unchanged.
  let t = text.includes('Â') ? text.replace(/Â(?!\p{L})/gu, ' ') : text;
  t = t.replace(/[\u200b\u200c\u200d\ufeff]/g, '');
  // Only a run of spaces or a space character other than " " changes here.
  if (/\s\s|[^\S ]/.test(t)) t = t.replace(/[\s\u00a0]+/g, ' ');
  t = t.trim().replace(BULLET_GLYPH, '');
  if (/\s[,;:]/.test(t)) t = t.replace(/\s+([,;:])(?=\s*\p{L})/gu, '$1');
  if (/[,;]\S/.test(t)) t = t.replace(/(?<=\p{L})([,;])(?=\p{L})/gu, '$1 ');
  return stripTrailingPunct(t).trim();
}

/**
 * "Open ans assign new accounts": a typo standing for a function word (`typoFixes`) between two words
 * is corrected, so the verb chain is read as one ("Opened and assigned"). Only a lower-case word
 * standing alone is touched; the replacement is a function word, never a fact.
 */
export function fixTypos(text: string, lex: RewriteLexicon, changes: RewriteChange[]): string {
  if (!lex.typoPattern?.test(text)) return text;
  const tokens = text.split(' ');
  for (let i = 1; i + 1 < tokens.length; i++) {
    const fix = lex.typoFixes.get(tokens[i]!);
    if (fix === undefined || !/^\p{L}/u.test(tokens[i + 1]!) || !/\p{L}$/u.test(tokens[i - 1]!)) continue;
    changes.push({ rule: 'fix-typo', from: tokens[i]!, to: fix });
    tokens[i] = fix;
  }
  return tokens.join(' ');
}

/** Splits at ". X" (or ".X") between sentences; keeps abbreviations and decimals intact. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /\.\s*(?=\p{Lu})/gu;
  // Without a period there is nothing to split: skip the Unicode scan.
  for (let m = text.includes('.') ? re.exec(text) : null; m; m = re.exec(text)) {
    const before = /([\p{L})]+)$/u.exec(text.slice(start, m.index))?.[1] ?? '';
    if (before.length < 2 || !/\p{Ll}$|\)$/u.test(before) || ABBREVIATIONS.has(lower(before))) continue;
    out.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

const MAY_OPEN_GLUED = / [A-Z\u0080-\uffff]/;
/** Words after which a capitalized past verb is part of the phrase ("a Registered nurse"). */
const NOT_BEFORE_GLUE = new Set(['a', 'an', 'the', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'as', 'with', 'from', 'and', 'or', 'our', 'their', 'my', 'its']);

/**
 * Bullets the PDF glued without a period ("...customer interactions Addressed inquiries from ..."):
 * a capitalized past-tense verb of the lexicon (or an adverb before one) between a lower-case word and
 * a lower-case word starts a new sentence, so a period goes before it. Limits: only past forms (a capitalized "Reports" or
 * "Service" is as often a noun); a glued sentence that opens otherwise stays glued.
 */
export function markGluedSentences(text: string, lex: RewriteLexicon, changes: RewriteChange[]): string {
  // Only a token after a space that opens with A-Z or a non-ASCII character can open a glued sentence
  // (the loop skips every other one): without one the text is not split at all.
  if (!MAY_OPEN_GLUED.test(text)) return text;
  const tokens = text.split(' ');
  // A list of duties written as gerunds ("Managing the budgets for Service Delivery Assessing the
  // impacts ..."): a capitalized gerund of a verb opens the next duty even after a capitalized word, so
  // each duty gets its own verb tense (eval/rewrites after2-023). Activity nouns ("Training") excluded.
  const gerundList = lex.forms.get(tokens[0]!.toLowerCase())?.form === 'gerund';
  // Most bullets hold no glued sentence: then the text is returned as it came, not joined again.
  let split = false;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const prev = tokens[i - 1]!;
    const tok = tokens[i]!;
    // Most tokens open in lower case: an ASCII first letter outside A-Z settles it without the
    // Unicode pattern (slow in V8), which still decides every other token as before.
    const c0 = tok.charCodeAt(0);
    if (c0 < 128 && (c0 < 65 || c0 > 90)) continue;
    if (!/^\p{Lu}\p{Ll}+$/u.test(tok) || !/^\p{Ll}/u.test(tokens[i + 1]!)) continue;
    const lc = tok.toLowerCase();
    if (gerundList && /^\p{L}[\p{L}'’-]*$/u.test(prev) && !NOT_BEFORE_GLUE.has(prev.toLowerCase()) && lex.forms.get(lc)?.form === 'gerund' && !lex.nounGerunds.has(lc)) {
      changes.push({ rule: 'split-glued-sentence', from: `${prev} ${tok}`, to: `${prev}. ${tok}` });
      tokens[i - 1] = `${prev}.`;
      split = true;
      continue;
    }
    if (!/^\p{Ll}[\p{Ll}'’-]*$/u.test(prev)) continue;
    if (NOT_BEFORE_GLUE.has(prev)) continue;
    // "... and fax Promptly responded to ...": an adverb may open the glued sentence before its verb.
    const adverbFirst = (lex.leadFillers.has(lc) || /ly$/.test(lc)) && lex.forms.get(tokens[i + 1]!)?.form === 'past';
    if (lex.forms.get(lc)?.form !== 'past' && !adverbFirst) continue;
    changes.push({ rule: 'split-glued-sentence', from: `${prev} ${tok}`, to: `${prev}. ${tok}` });
    tokens[i - 1] = `${prev}.`;
    split = true;
  }
  return split ? tokens.join(' ') : text;
}
