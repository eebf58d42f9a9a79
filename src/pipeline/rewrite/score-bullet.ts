// Grades one bullet 0-100 on five criteria a PM hiring manager reads for (docs/rewrites.md):
// action verb 30, specificity 20, quantification 20, outcome 15, PM relevance 15.
// Heuristic and text-only, so before and after are graded alike; a slot token earns nothing until filled.
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';

export interface BulletScore {
  total: number;
  actionVerb: number;
  specificity: number;
  quantification: number;
  outcome: number;
  pmRelevance: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu;
// Unicode property classes are slow in V8 (\p{Nd} several times slower than [0-9]). Nearly every bullet
// is ASCII, where \p{L} is [A-Za-z], \p{Lu} is [A-Z], \p{N} and \p{Nd} are [0-9] and \s is the same
// set: the ASCII twins below find exactly the same matches there, and other text keeps the originals.
/** Any character outside ASCII: text without one can take the ASCII twins of Unicode classes. */
export const NON_ASCII = /[^\0-\x7f]/;
const ASCII_WORD = /[A-Za-z0-9][A-Za-z0-9'&-]*/g;
/** A proper noun, tool or acronym: a capitalized word after a space that does not start a sentence. */
const NAMED = /(?<![.;:!?]\s*)(?<=\s)\p{Lu}[\p{L}\p{N}&+-]+/gu;
// The same matches with the capital found first and the lookbehinds checked from behind it: a
// pattern that opens with lookbehinds is tried at every position, this one only at capitals.
const ASCII_NAMED = /[A-Z](?<=\s[A-Z])(?<![.;:!?]\s*[A-Z])[A-Za-z0-9&+-]+/g;
const OUTCOME =
  /\b(?:to (?:improve|increase|reduce|ensure|meet|maintain|achieve|guarantee|optimi[sz]e|enhance|minimi[sz]e|maximi[sz]e)|resulting in|resulted in|leading to|which led|so that|achiev\w*|exceed\w*|increas\w*|reduc\w*|improv\w*|sav(?:ed|ing)|grew|cut|lowered|shortened|boost\w*|decreas\w*|ensur\w*|on time|ahead of)\b/i;

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function lowerWords(text: string, ascii = !NON_ASCII.test(text)): string[] {
  // ASCII lower-casing maps one letter to one letter, so the words of the lower-cased text are the
  // lower-cased words (one string, not one per word).
  if (ascii) return text.toLowerCase().match(ASCII_WORD) ?? [];
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

function firstNonFiller(ws: string[], lexicon: RewriteLexicon): string | undefined {
  for (const w of ws) if (!lexicon.leadFillers.has(w)) return w;
  return undefined;
}

// Same reading as the rewriter: the first word in any form of the opener's verb, and `onlyBefore`.
function weakOpening(ws: string[], lexicon: RewriteLexicon): boolean {
  let i = 0;
  while (i < ws.length - 1 && lexicon.leadFillers.has(ws[i]!)) i++;
  const first = ws[i];
  if (first === undefined) return false;
  // The openers whose first word is `first` in any form of its verb; the rest of the phrase is literal.
  for (const o of lexicon.openersByFirst.get(first) ?? []) {
    let k = 1;
    while (k < o.words.length && ws[i + k] === o.words[k]) k++;
    if (k === o.words.length && (!o.onlyBefore || o.onlyBefore.has(ws[i + k] ?? ''))) return true;
  }
  return false;
}

/** True when the bullet opens with a phrase listed under weakOpeners. */
export function opensWeakly(text: string, lexicon: RewriteLexicon): boolean {
  return weakOpening(lowerWords(text), lexicon);
}

/** True when the bullet opens with a verb listed under strongVerbs, in any form. */
export function opensStrongly(text: string, lexicon: RewriteLexicon): boolean {
  const ws = lowerWords(text);
  const first = firstNonFiller(ws, lexicon);
  const verb = first ? lexicon.forms.get(first) : undefined;
  return verb !== undefined && lexicon.strong.has(verb.base) && !weakOpening(ws, lexicon);
}

/**
 * How many entries of relevanceTerms some word starts with; stops at 3 (the points are capped at 15).
 * Each word is compared only with the terms that share its first character.
 */
function relevanceHits(lower: string[], lexicon: RewriteLexicon): number {
  let hits = 0;
  // At most 3 entries before the loop stops: a list is cheaper than a Set.
  const found: string[] = [];
  for (const w of lower) {
    const terms = lexicon.relevanceByFirst[w.charCodeAt(0)];
    if (!terms) continue;
    for (const [t, n] of terms) {
      if (w.startsWith(t) && !found.includes(t)) {
        found.push(t);
        hits += n;
      }
    }
    if (hits >= 3) break;
  }
  return hits;
}

export function scoreBullet(raw: string, lexicon: RewriteLexicon): BulletScore {
  // Mojibake and bullet glyphs carry no content: grade the words only.
  const glyphless = raw.includes('Â') ? raw.replace(/Â/g, ' ') : raw;
  // An ASCII letter or digit first (most bullets) leaves nothing to strip: the Unicode pattern is skipped.
  const text = isAsciiAlnum(glyphless.charCodeAt(0)) ? glyphless : glyphless.replace(/^[^\p{L}\p{N}]+/u, '');
  const ascii = !NON_ASCII.test(text);
  const lower = lowerWords(text, ascii);
  if (lower.length === 0)
    return { total: 0, actionVerb: 0, specificity: 0, quantification: 0, outcome: 0, pmRelevance: 0 };
  const first = firstNonFiller(lower, lexicon);
  const verb = first ? lexicon.forms.get(first) : undefined;
  let actionVerb = 0;
  if (weakOpening(lower, lexicon)) actionVerb = 0;
  else if (verb && lexicon.strong.has(verb.base)) actionVerb = 30;
  else if (verb) actionVerb = 15;

  const count = lower.length;
  const lengthPoints = count >= 6 && count <= 40 ? 10 : count >= 3 && count <= 60 ? 5 : 0;
  // A proper noun, tool or acronym after the first word; sentence starts and lexicon words do not count.
  // The protected-name test is one regex and often settles it: run it first.
  const named =
    lexicon.protectedPattern?.test(text) === true ||
    (text.match(ascii ? ASCII_NAMED : NAMED) ?? []).some((w) => {
      const l = w.toLowerCase();
      // A capitalized "-ly" word mid-bullet is an adverb opening a glued sentence ("fax Promptly responded"),
      // not a name; the rare name ending in -ly ("Kelly") loses these points.
      return !lexicon.forms.has(l) && !lexicon.leadFillers.has(l) && !lexicon.allowedCapitalized.has(l) && !(l.length > 4 && l.endsWith('ly'));
    });
  const specificity = lengthPoints + (named ? 10 : 0);

  const quantification = /[0-9]/.test(text) || (!ascii && /\p{Nd}/u.test(text)) ? 20 : 0;
  const outcome = OUTCOME.test(text) ? 15 : 0;

  const pmRelevance = Math.min(15, relevanceHits(lower, lexicon) * 5);

  return {
    total: actionVerb + specificity + quantification + outcome + pmRelevance,
    actionVerb,
    specificity,
    quantification,
    outcome,
    pmRelevance,
  };
}
