// A PM object buried before its nominalization ("client relationship management", "special order
// coordination", "claims processing") is moved forward behind the verb of that nominalization:
// "Managed client relationships", "Coordinated special orders", "Processed claims".
// Heuristic: one to three plain lower-case words, the last one a noun of `buriedObjects` (which also
// gives the form it takes as an object, "relationship" -> "relationships"), then a nominalization head,
// then nothing, punctuation, a preposition or "and" + a verb. Limits: unknown nouns ("time management")
// stay as written.
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';
import { CONNECTORS, DETERMINERS, PREPOSITIONS, coreOf, isConnector, isProtected, isWord, lower, splitTok } from './text-tokens.js';

export interface BuriedObject {
  /** Base of the nominalization's verb. */
  verb: string;
  /** The object as written after the verb. */
  object: string[];
  /** Index in the tokens right after the nominalization. */
  after: number;
}

/** The buried object at the start of `tokens`; `clauseStart` allows a sentence-case first word. */
export function buriedObject(tokens: readonly string[], lex: RewriteLexicon, clauseStart: boolean): BuriedObject | undefined {
  for (let h = 1; h <= 3 && h < tokens.length; h++) {
    const head = tokens[h]!;
    const verb = isWord(head) && /^\p{Ll}/u.test(head) ? lex.nominalizations.get(coreOf(head)) : undefined;
    if (!verb) {
      // Every word before the head is a plain word without punctuation; stop at the first that is not.
      const t = tokens[h]!;
      if (!isWord(t) || splitTok(t).post !== '' || !/^\p{Ll}/u.test(t)) return undefined;
      continue;
    }
    const headPost = splitTok(head).post;
    const next = tokens[h + 1];
    // "payment reconciliation & secured payment entry": "and" + a verb closes the object too.
    const verbAfter = next !== undefined && isConnector(next) && lex.forms.has(coreOf(tokens[h + 2] ?? ''));
    const closes = headPost !== '' ? /^[,;:.]$/.test(headPost) : next === undefined || verbAfter || (PREPOSITIONS.has(coreOf(next)) && coreOf(next) !== 'of');
    if (!closes) return undefined;
    // At a clause start something must follow: a bare "Inventory management" line is a heading.
    if (clauseStart && next === undefined) return undefined;
    const words = tokens.slice(0, h);
    const plain = words.every(
      (w, k) =>
        isWord(w) &&
        splitTok(w).post === '' &&
        (/^\p{Ll}/u.test(w) || (k === 0 && clauseStart && /^\p{Lu}\p{Ll}+$/u.test(w) && !isProtected(w, lex))) &&
        !CONNECTORS.has(coreOf(w)) &&
        !DETERMINERS.has(coreOf(w)) &&
        !PREPOSITIONS.has(coreOf(w)) &&
        // A modifier that is a verb form would be read as a verb; the object noun may be one ("order").
        (k === h - 1 || !lex.forms.has(coreOf(w))),
    );
    const objectForm = lex.buriedObjects.get(coreOf(words.at(-1)!));
    if (!plain || !objectForm) return undefined;
    const object = [...words.slice(0, -1).map((w, k) => (k === 0 ? lower(w) : w)), objectForm + headPost];
    return { verb, object, after: h + 1 };
  }
  return undefined;
}
