// Decides which work-section lines are not bullets to rewrite: a job title, a header or role line, a
// date line, a contact line or a fragment ("7.7 years)."). A title is a fact: rewriting it would change it.
// Heuristic on the text alone (case, dates, "Company Name" lines, verb at the start); limits: a title
// written as a sentence ("Served as team lead") is rewritten, a one-word duty line may be skipped.
import type { RewriteSkipped } from '../../schemas/analysis.js';
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';
import { NON_ASCII } from './score-bullet.js';
import { looksLikeTitle } from './text-tokens.js';
import { tidy } from './tidy-text.js';

export type SkipReason = RewriteSkipped['reason'];

/** Kinds a reader may give a line that are text to rewrite; any other kind is skipped as such. */
const REWRITABLE_KINDS = new Set(['bullet', 'sentence', 'paragraph', 'line']);

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
const PHONE = /(?:\+?\d[\d ().-]{8,}\d)/;
const CONTACT_WORD = /\b(?:phone|tel|mobile|cell|e-?mail|linkedin|address)\b\s*:?/i;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/gi;
const DATE_WORDS = /\b(?:to|till|until|present|current|now|since|from|and)\b/gi;
const YEAR = /\b(?:19|20)\d{2}\b|\b\d{1,2}\/\d{2,4}\b/;
// The LiveCareer corpus replaces employers with these words; a real resume has the employer there.
const ROLE_LINE = /\bcompany name\b|\bcity\s*,\s*state\b/i;
const LETTER_WORD = /\p{L}[\p{L}'’-]*/gu;
// LETTER_WORD's twin on ASCII text (no ’ and no letter outside A-Z there): the same matches, faster.
const ASCII_LETTER_WORD = /[A-Za-z][A-Za-z'-]*/g;

/**
 * Why a line of a work section is not rewritten, or undefined when it is a bullet or sentence to
 * rewrite. `kind` is the reader's own label for the line, when it gives one.
 */
export function skipReason(text: string, lex: RewriteLexicon, kind?: string): SkipReason | undefined {
  return skipReasonTidied(text, tidy(text), lex, kind);
}

/** skipReason for a caller that has tidied the text already (`t` is `tidy(text)`): tidied once per bullet. */
export function skipReasonTidied(text: string, t: string, lex: RewriteLexicon, kind?: string): SkipReason | undefined {
  if (kind !== undefined && !REWRITABLE_KINDS.has(kind)) return 'not-work-text';
  const letterWord = NON_ASCII.test(t) ? LETTER_WORD : ASCII_LETTER_WORD;
  const words = t.match(letterWord) ?? [];
  if (words.length === 0) return 'fragment';
  // EMAIL needs an '@': without one the test (tried from every position, each scanning a word) is false.
  // The word counts first: most lines are longer, and then neither pattern needs to run.
  if ((t.includes('@') && EMAIL.test(t)) || (words.length <= 8 && CONTACT_WORD.test(t)) || (words.length <= 4 && PHONE.test(t))) return 'contact';
  if (YEAR.test(t)) {
    const rest = t.replace(MONTH, ' ').replace(DATE_WORDS, ' ').match(letterWord) ?? [];
    if (rest.length === 0) return 'date';
  }
  if (ROLE_LINE.test(t)) return 'header';
  if (/:[.\s]*$/.test(text.trim()) && words.length <= 5) return 'header';

  const first = words[0]!.toLowerCase();
  const second = words[1];
  const form = lex.forms.get(first);
  // A line that opens with a verb or a weak opener is a duty, whatever its case ("Managed Projects");
  // a short all-capitalized line that opens with an -ing or base form is a title ("Billing Specialist").
  const allCapitalized = words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w));
  const opensAsVerb =
    (form !== undefined &&
      (form.form === 'past' || form.form === 'third' || (!allCapitalized && (second === undefined || /^\p{Ll}/u.test(second))))) ||
    (lex.openersByFirst.has(first) && !allCapitalized);
  if (opensAsVerb) return undefined;
  if (words.length <= 6 && words.every((w) => /^\p{Lu}[\p{Lu}'’-]*$/u.test(w)) && words.some((w) => w.length > 1)) return 'header';
  if (words.length <= 8 && !/[.;!?]\s*\S/.test(t) && looksLikeTitle(t.split(' '))) return 'title';
  // "7.7 years).", "RARP- CSF.": under three words and no verb is not a clause to rewrite.
  if (words.length < 3) return 'fragment';
  return undefined;
}
