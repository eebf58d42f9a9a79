// A light verb right before the noun of an act ("Provided assistance to customers", "Performed
// maintenance of the fleet") gives way to that act's verb: "Assisted customers", "Maintained the fleet".
// The same act, said once, with the verb first as a project bullet reads. Heuristic: the noun of
// `nounActs` follows the light verb directly (or after "a"/"an") and is followed by a preposition the
// lexicon lists for it (dropped before the verb's object, or kept); a modifier before the noun ("technical
// support"), any other word after it, or "to" + a verb (a purpose) leaves the clause as written.
// Limits: word classes, not a parse; only the clause's opening verb is read.
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';
import { coreOf, isWord, splitTok } from './text-tokens.js';

export interface NounAct {
  /** Base of the act's verb. */
  verb: string;
  /** Tokens replaced by the verb: the light verb, an article, the noun and a dropped preposition. */
  consumed: number;
}

/** The act's verb for a clause that opens with a light verb (`tokens[0]`), or undefined. */
export function nounAct(tokens: readonly string[], lex: RewriteLexicon): NounAct | undefined {
  const i = tokens[1] === 'a' || tokens[1] === 'an' ? 2 : 1;
  const noun = tokens[i];
  const next = tokens[i + 1];
  const object = tokens[i + 2];
  if (noun === undefined || next === undefined || object === undefined || !isWord(noun) || !/^\p{Ll}+$/u.test(noun)) return undefined;
  const entry = lex.nounActs.nouns.get(noun);
  const preposition = splitTok(next);
  if (!entry || preposition.pre || preposition.post || !isWord(object)) return undefined;
  if (entry.keep.has(next)) return { verb: entry.verb, consumed: i + 1 };
  if (!entry.drop.has(next)) return undefined;
  // "Provided assistance to help customers": "to" before a verb is a purpose, not the act's object.
  const f = lex.forms.get(coreOf(object));
  if (next === 'to' && f?.form === 'base' && !lex.nounLikeVerbs.has(f.base)) return undefined;
  return { verb: entry.verb, consumed: i + 2 };
}
