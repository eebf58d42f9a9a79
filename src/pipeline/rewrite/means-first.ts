// "Built customer loyalty by placing follow-up calls" says the result first and buries the work in a
// "by" phrase; a project bullet reads act first, outcome last: "Placed follow-up calls, building customer
// loyalty". Only where the act's verb is as strong as the result's (`strongVerbs`). The writer's words only change places and forms: the "by" phrase's verbs take the form of
// the lead verb, the lead verb becomes its -ing form, "by" goes. Heuristic: a lead verb (no light verb),
// an object of at most 8 plain words, "by", an optional adverb, a gerund, and at most 14 more tokens
// with no pronoun (it would precede its noun), subordinator, purpose "to" + verb or second "by".
// Limits: word classes, not a parse; a "by" phrase that opens with a support verb stays.
import type { RewriteLexicon, VerbForm } from '../../taxonomy/load-lexicon.js';
import type { RewriteChange } from './rewrite-bullet.js';
import { DETERMINERS, SUBORDINATORS, coreOf, isConnector, isProtected, isWord, splitTok, stripTrailingPunct } from './text-tokens.js';

const MAX_OBJECT = 8;
const MAX_MEANS = 14;
/** Words that point back to a noun: moved before that noun they would point at nothing. */
const PRONOUNS = new Set(['it', 'its', 'they', 'them', 'their', 'he', 'him', 'his', 'she', 'her', 'this', 'these', 'those', 'themselves', 'itself']);

/** A manner adverb ("actively", "efficiently") that is no verb form. */
function isAdverb(raw: string | undefined, lex: RewriteLexicon): boolean {
  return raw !== undefined && raw.endsWith('ly') && /^\p{Ll}+ly$/u.test(raw) && !lex.forms.has(raw);
}

/** A token "by" (any case, no punctuation) at 2..MAX_OBJECT + 1, where moveMeansFirst takes one. */
function hasBy(tokens: readonly string[]): boolean {
  for (let i = 2; i <= MAX_OBJECT + 1 && i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.length === 2 && t.toLowerCase() === 'by') return true;
  }
  return false;
}

/** The clause with the means before the result, or the clause as it was. */
export function moveMeansFirst(tokens: string[], lex: RewriteLexicon, changes: RewriteChange[]): string[] {
  // Most clauses hold no plain "by" where the loop below looks for one: settled without the token memo.
  if (!hasBy(tokens)) return tokens;
  const lead = tokens[0];
  if (lead === undefined || !isWord(lead) || splitTok(lead).post) return tokens;
  const f0 = lex.forms.get(coreOf(lead));
  if (!f0 || f0.form === 'gerund' || lex.lightVerbs.has(f0.base) || lex.openersByFirst.has(coreOf(lead))) return tokens;
  // "Program Managing 2 engagements": a capitalized word after a base form makes a noun compound.
  if (f0.form === 'base' && /^\p{Lu}/u.test(tokens[1] ?? '')) return tokens;
  let byAt = -1;
  for (let i = 1; i <= MAX_OBJECT + 1 && i < tokens.length; i++) {
    const t = tokens[i]!;
    const tok = splitTok(t);
    if (tok.lc === 'by' && !tok.post && !tok.pre) {
      byAt = i;
      break;
    }
    // The object is plain words: no clause break, no pronoun, no subordinate clause, no purpose "to".
    if (tok.post || tok.pre || PRONOUNS.has(tok.lc) || SUBORDINATORS.has(tok.lc) || tok.lc === 'to') return tokens;
    // "Resolved complaints and expedited orders by ...": the "by" phrase belongs to the second verb only.
    if (i > 1 && isConnector(tokens[i - 1]!) && lex.forms.get(tok.lc)?.form === f0.form) return tokens;
  }
  if (byAt < 2) return tokens;
  const means = tokens.slice(byAt + 1);
  const adverb = isAdverb(means[0], lex) ? 1 : 0;
  const g = lex.forms.get(coreOf(means[adverb] ?? ''));
  if (!g || g.form !== 'gerund' || !isWord(means[adverb]!) || means.length > MAX_MEANS || means.length < adverb + 2) return tokens;
  // "by helping children": a support verb would become a verb of ownership at the front.
  if (lex.supportVerbs.has(g.base) || lex.openersByFirst.has(coreOf(means[adverb]!)) || g.base === 'be' || g.base === 'have') return tokens;
  // The clause must still open with an ownership verb when it did: "Delivered service by greeting"
  // would trade a strong verb for a plain one (and score lower on the rubric's action verb).
  if (lex.strong.has(f0.base) && !lex.strong.has(g.base)) return tokens;
  for (let i = 0; i < means.length; i++) {
    const tok = splitTok(means[i]!);
    if (PRONOUNS.has(tok.lc) || SUBORDINATORS.has(tok.lc) || tok.lc === 'by' || /[;:]/.test(tok.post) || tok.pre) return tokens;
    // "by arranging meetings to talk about ...": a participle after a purpose clause would attach to it.
    if (tok.lc === 'to' && lex.forms.get(coreOf(means[i + 1] ?? ''))?.form === 'base') return tokens;
  }
  const moved = convertMeans(means, adverb, f0.form, lex);
  if (!moved) return tokens;
  const leadGerund = lex.verbs.get(f0.base)?.gerund;
  if (!leadGerund || isProtected(leadGerund, lex)) return tokens;
  const object = tokens.slice(1, byAt);
  const closing = splitTok(means.at(-1)!).post;
  const out = [...moved.slice(0, -1), `${stripTrailingPunct(moved.at(-1)!)},`, leadGerund, ...object];
  out[out.length - 1] += closing.replace(/,$/, '');
  changes.push({
    rule: 'means-first',
    from: tokens.slice(0, byAt + 1 + adverb + 1).join(' '),
    to: `${moved.slice(0, adverb + 1).join(' ')} ..., ${leadGerund} ${object.join(' ')}`,
  });
  return out;
}

/**
 * The "by" phrase with its verbs in `form`: the gerund after "by" (and its adverb) and every gerund
 * coordinated with it after "and", "or", "&" or a comma (an -ly adverb may stand between); an activity
 * noun ("billing") counts only before a determiner. Undefined when a verb form would read as a tool.
 */
function convertMeans(means: readonly string[], adverb: number, form: VerbForm, lex: RewriteLexicon): string[] | undefined {
  const out = [...means];
  for (let i = adverb; i < out.length; i++) {
    const raw = out[i]!;
    const tok = splitTok(raw);
    if (!tok.word) continue;
    const g = lex.forms.get(tok.lc);
    if (g?.form !== 'gerund') continue;
    if (i > adverb) {
      let p = i - 1;
      if (isAdverb(out[p], lex) && p > adverb) p--;
      const prev = out[p]!;
      if (!isConnector(prev) && !prev.endsWith(',')) continue;
      if (lex.nounGerunds.has(tok.lc) && !DETERMINERS.has(coreOf(out[i + 1] ?? ''))) continue;
    }
    const target = lex.verbs.get(g.base)?.[form];
    if (!target || isProtected(target, lex)) return undefined;
    out[i] = target + tok.post;
  }
  return out;
}
