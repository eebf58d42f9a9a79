// Tense of a verb chain: re-inflects the verbs coordinated with the opening one so the chain has one
// tense ("Handle cash and tracked" -> one form). Heuristic: a word counts as a verb only in the form of
// the opening verb and next to it or before a determiner. Limits: no parser; ambiguous chains are kept.
import type { RewriteLexicon, VerbForm } from '../../taxonomy/load-lexicon.js';
import type { RewriteChange, RewriteContext } from './rewrite-bullet.js';
import { DETERMINERS, PREPOSITIONS, SUBORDINATORS, type Tok, coreOf, isConnector, isProtected, isWord, splitTok, startsUpper, verbIn } from './text-tokens.js';

/** Words that make a phrasal verb of the word before them ("sign off", "follow up"). */
export const PARTICLES = new Set(['off', 'out', 'up', 'down']);

/**
 * A coordinated gerund is a verb only when its list ends in a gerund that takes an object:
 * "creating, editing and verifying product documentation" yes; "scheduling, billing, and filing"
 * or "complaints and billing inquiries" no.
 */
export function gerundIsVerb(out: string[], i: number, lex: RewriteLexicon): boolean {
  let k = i;
  // Walk to the last item of the list this gerund belongs to.
  for (;;) {
    const next = out[k + 1];
    if (next !== undefined && isConnector(next) && out[k + 2] !== undefined) k += 2;
    else if (/,$/.test(out[k]!) && out[k + 1] !== undefined && isConnector(out[k + 1]!) && out[k + 2] !== undefined) k += 2;
    else if (/,$/.test(out[k]!) && out[k + 1] !== undefined && lex.forms.get(coreOf(out[k + 1]!))?.form === 'gerund') k += 1;
    else break;
  }
  const last = out[k]!;
  const after = out[k + 1];
  if (lex.forms.get(coreOf(last))?.form !== 'gerund' || splitTok(last).post || after === undefined) return false;
  if (isConnector(after) || PREPOSITIONS.has(coreOf(after))) return false;
  return !lex.nounGerunds.has(coreOf(last));
}

/** True when tokens from the opening verb up to `i` are only verbs and connectors. */
export function chainIsContiguous(
  out: string[],
  from: number,
  i: number,
  lex: RewriteLexicon,
  form: VerbForm | undefined,
): boolean {
  for (let k = Math.max(from, 1); k < i; k++) {
    const t = out[k]!;
    if (isConnector(t)) continue;
    // Earlier items of the list may already be re-inflected, so any verb form counts.
    if (isWord(t) && form !== undefined && lex.forms.has(coreOf(t))) continue;
    return false;
  }
  return true;
}

/** A verb chain to put in one tense: where it starts, the form the writer used, and where changes go. */
interface Chain {
  from: number;
  chainForm: VerbForm | undefined;
  ctx: RewriteContext;
  lex: RewriteLexicon;
  changes: RewriteChange[];
  /**
   * The split of the chain's current token at each index, filled as the passes read it and cleared
   * where one rewrites the token: the three passes read every token, and share one lookup of each.
   */
  toks: (Tok | undefined)[];
}

/** splitTok(out[i]) through the chain's cache (`out` is the chain's current tokens). */
function tokAt(chain: Chain, out: readonly string[], i: number): Tok {
  return (chain.toks[i] ??= splitTok(out[i]!));
}

/** Rewrites the chain's token at `i`. */
function setToken(chain: Chain, out: string[], i: number, value: string): void {
  out[i] = value;
  chain.toks[i] = undefined;
}

/** One tense for the whole verb chain that starts at `from`: coordinated verbs, then their leftovers. */
export function alignChain(
  tokens: string[],
  from: number,
  chainForm: VerbForm | undefined,
  ctx: RewriteContext,
  lex: RewriteLexicon,
  changes: RewriteChange[],
): string[] {
  const chain: Chain = { from, chainForm, ctx, lex, changes, toks: [] };
  return convertLeftovers(tokens, convertChain(tokens, chain), chain);
}

/** Re-inflects verbs coordinated with the opening one ("Handle cash and tracked ..." -> one tense). */
function convertChain(tokens: string[], chain: Chain): string[] {
  const { from, chainForm, ctx, lex, changes } = chain;
  const out = [...tokens];
  const wanted: VerbForm = ctx.tense === 'past' ? 'past' : 'base';
  // After "to", a base form is an infinitive ("to keep clients satisfied and retain business").
  let toSeen = false;
  for (let i = Math.max(from, 1); i < out.length; i++) {
    const raw = out[i]!;
    // Each token's split is read once here: the loop asks several questions of it.
    const tok = tokAt(chain, out, i);
    if (tok.lc === 'to') toSeen = true;
    // "ensure that the documents are ... and do not violate": a subordinate clause keeps its own tense.
    if (SUBORDINATORS.has(tok.lc)) break;
    // The cheap tests first: most tokens are no verb form, and the joined test reads the token before.
    if (!tok.word || startsUpper(raw)) continue;
    const f = lex.forms.get(tok.lc);
    if (!f) continue;
    let prevIdx = i - 1;
    if (prevIdx > 0 && coreOf(out[prevIdx]!).endsWith('ly')) prevIdx--;
    const prev = out[prevIdx]!;
    if (!isConnector(prev) && !/,$/.test(prev)) continue;
    // Only words in the same form as the opening verb: "and issues" after "Manage" is a noun.
    if (f.form !== chainForm || f.form === wanted) continue;
    if (f.form === 'gerund' && !gerundIsVerb(out, i, lex)) continue;
    // "-s" and "-ing" forms are also nouns ("files and records"): away from the opening verbs they
    // count as verbs only before a determiner ("and completing the hiring").
    const contiguous = chainIsContiguous(out, from, i, lex, chainForm);
    const nounLike = f.form === 'third' || f.form === 'gerund' || lex.nounLikeVerbs.has(f.base);
    // A particle after it ("and sign off on") makes it a phrasal verb.
    const next = coreOf(out[i + 1] ?? '');
    if (nounLike && !contiguous && !DETERMINERS.has(next) && !PARTICLES.has(next)) continue;
    if (f.form === 'base' && wanted === 'past' && (chainForm !== 'base' || toSeen)) continue;
    if (isProtected(verbIn(f.base, ctx.tense, lex), lex)) continue;
    const to = verbIn(f.base, ctx.tense, lex) + tok.post;
    changes.push({ rule: 'tense', from: raw, to });
    setToken(chain, out, i, to);
  }
  return out;
}

/**
 * The tense a clause is written in: the role's, except that a clause already in the past under the
 * current role stays in the past when it reports completed work (a completion verb, a result, an
 * award or a passive): "Planned and led seven missions" is not "Plan and lead seven missions".
 */
export function clauseTense(tokens: readonly string[], leadForm: VerbForm | undefined, leadBase: string | undefined, ctx: RewriteContext, lex: RewriteLexicon): RewriteContext['tense'] {
  if (ctx.tense !== 'present' || leadForm !== 'past') return ctx.tense;
  if (leadBase !== undefined && lex.completedWork.verbs.has(leadBase)) return 'past';
  for (const t of tokens) {
    if (lex.completedWork.markers.has(coreOf(t))) return 'past';
  }
  return ctx.tense;
}

/**
 * Verbs of the writer's chain that convertChain left in their old form because they also read as
 * nouns ("Secures authorizations and updates account", "Preparing test data and writing Test Cases"):
 * a word in the chain's old form right after "and"/"or"/a comma, followed by a word that can be its
 * object. They are re-inflected too, so the chain keeps one tense.
 */
function convertLeftovers(before: readonly string[], after: readonly string[], chain: Chain): string[] {
  const { from, chainForm, ctx, lex, changes } = chain;
  const wanted: VerbForm = ctx.tense === 'past' ? 'past' : 'base';
  const out = [...after];
  if (chainForm === wanted || (chainForm !== 'third' && chainForm !== 'gerund' && chainForm !== 'past')) {
    return fixWriterGerund(out, wanted, chain);
  }
  for (let i = Math.max(from, 1); i < out.length; i++) {
    const raw = out[i]!;
    const tok = tokAt(chain, out, i);
    if (SUBORDINATORS.has(tok.lc)) break;
    // A word the re-inflection changed is in the new tense already.
    if (raw !== before[i]) continue;
    const prev = out[i - 1]!;
    if (!(isConnector(prev) || /,$/.test(prev)) || !tok.word || startsUpper(raw) || tok.post) continue;
    const f = lex.forms.get(tok.lc);
    if (f?.form !== chainForm) continue;
    const next = out[i + 1];
    if (next === undefined || !isWord(next) || isConnector(next) || PREPOSITIONS.has(coreOf(next))) continue;
    // "billing requests" is a noun phrase; "writing Test Cases", "writing the specs" are not, and
    // neither is the last item of a list after ", and" ("..., and meeting financial commitments").
    const listEnd = isConnector(prev) && /,$/.test(out[i - 2] ?? '');
    if (!listEnd && (lex.nounGerunds.has(f.base) || lex.nounGerunds.has(coreOf(raw)))) {
      if (!startsUpper(next) && !DETERMINERS.has(coreOf(next))) continue;
    }
    const target = verbIn(f.base, ctx.tense, lex);
    if (isProtected(target, lex)) continue;
    setToken(chain, out, i, target);
    changes.push({ rule: 'tense', from: raw, to: target });
    // "implementing and improving standard processes": the verb before "and" shares the object.
    const pair = out[i - 2];
    if (pair !== undefined && i - 2 >= Math.max(from, 1) && isConnector(prev) && pair === before[i - 2] && isWord(pair) && !splitTok(pair).post) {
      const pf = lex.forms.get(coreOf(pair));
      const pairPrev = out[i - 3] ?? '';
      if (pf?.form === chainForm && !startsUpper(pair) && (isConnector(pairPrev) || /,$/.test(pairPrev))) {
        const pairTarget = verbIn(pf.base, ctx.tense, lex);
        if (!isProtected(pairTarget, lex)) {
          setToken(chain, out, i - 2, pairTarget);
          changes.push({ rule: 'tense', from: pair, to: pairTarget });
        }
      }
    }
  }
  return chainForm === 'gerund' ? out : fixWriterGerund(out, wanted, chain);
}

/**
 * The writer's own half-converted chain ("Prepared test data and writing Test Cases"): an -ing verb
 * right after "and" whose object starts with a capital or a determiner takes the chain's tense.
 */
function fixWriterGerund(out: string[], wanted: VerbForm, chain: Chain): string[] {
  const { from, ctx, lex, changes } = chain;
  // The core of out[i - 1], carried from one token to the next (and read again where a token changes).
  let prevLc = out.length > Math.max(from, 1) ? tokAt(chain, out, Math.max(from, 1) - 1).lc : '';
  for (let i = Math.max(from, 1); i < out.length; i++) {
    const raw = out[i]!;
    const tok = tokAt(chain, out, i);
    const afterAnd = prevLc === 'and';
    prevLc = tok.lc;
    if (SUBORDINATORS.has(tok.lc)) break;
    if (!afterAnd || !tok.word || startsUpper(raw) || tok.post) continue;
    // "by greeting and assisting each customer": two -ing forms in parallel stay as they are.
    if (i >= 2 && lex.forms.get(coreOf(out[i - 2]!))?.form === 'gerund') continue;
    const f = lex.forms.get(tok.lc);
    const next = out[i + 1];
    if (f?.form !== 'gerund' || f.form === wanted || next === undefined || !isWord(next)) continue;
    if (!startsUpper(next) && !DETERMINERS.has(coreOf(next))) continue;
    const target = verbIn(f.base, ctx.tense, lex);
    if (isProtected(target, lex)) continue;
    setToken(chain, out, i, target);
    prevLc = coreOf(target);
    changes.push({ rule: 'tense', from: raw, to: target });
  }
  return out;
}

/** Relative and complement words that open a clause whose verb follows the main verb's tense. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who']);
/** How far after "that/which/who" a form of be/have/need (`subordinatePast`) is still that clause's verb. */
const CLAUSE_REACH = 8;

/** Forms of `subordinatePast` that are also nouns: read as verbs only right after the clause word. */
const NEED_FORMS = new Set(['need', 'needs', 'require', 'requires']);

/**
 * "that the documents were as per standards and do not violate": a be/have/do form after "and" in the
 * same clause (up to its sentence punctuation or the next clause word) follows the verb before it.
 */
function backshiftCoordinated(out: string[], from: number, lex: RewriteLexicon, changes: RewriteChange[]): void {
  for (let k = from; k < out.length; k++) {
    const tok = splitTok(out[k]!);
    if (CLAUSE_OPENERS.has(tok.lc) || /[;.:]/.test(splitTok(out[k - 1]!).post)) return;
    const target = out[k - 1] === 'and' && !NEED_FORMS.has(tok.lc) && !tok.pre ? lex.subordinatePast.get(tok.lc) : undefined;
    if (target === undefined) continue;
    const to = target + tok.post;
    changes.push({ rule: 'tense', from: out[k]!, to });
    out[k] = to;
  }
}

/**
 * The writer's present put into the past ("Process claims issues that need to be resolved"): the verb
 * of a clause opened by "that/which/who" follows the main verb into the past ("Processed claims issues
 * that needed to be resolved"), so the bullet reads in one tense (blind reading after5-133). Only the
 * first verb of each such clause: right after the opener a known verb in its base or -s form (not one
 * that also reads as a noun: "that staff followed"), or within `CLAUSE_REACH` words a word of
 * `subordinatePast` (is -> was, are -> were, need -> needed, ...). Called only where the rewrite moved
 * the writer's present into the past; a writer's own mix is left as written.
 */
export function backshiftClauses(tokens: string[], from: number, lex: RewriteLexicon, changes: RewriteChange[]): string[] {
  let out: string[] | undefined;
  for (let i = Math.max(from, 1); i + 1 < tokens.length; i++) {
    const raw = tokens[i]!;
    // Most tokens are no clause opener: a length test before the set lookup.
    if (raw.length > 6 || !CLAUSE_OPENERS.has(raw) || splitTok(tokens[i - 1]!).post === '.') continue;
    for (let j = i + 1; j < Math.min(tokens.length, i + 1 + CLAUSE_REACH); j++) {
      const t = tokens[j]!;
      const tok = splitTok(t);
      if (!tok.word || tok.pre || startsUpper(t) || (j > i + 1 && CLAUSE_OPENERS.has(tok.lc))) break;
      // "need" and "require" are also nouns ("technologies needs are"): only right after the clause word.
      let target = j === i + 1 || !NEED_FORMS.has(tok.lc) ? lex.subordinatePast.get(tok.lc) : undefined;
      if (target === undefined && j === i + 1) {
        const f = lex.forms.get(tok.lc);
        if (f && (f.form === 'base' || f.form === 'third') && !lex.nounLikeVerbs.has(f.base)) target = verbIn(f.base, 'past', lex);
      }
      if (target !== undefined) {
        if (!isProtected(target, lex)) {
          out ??= [...tokens];
          out[j] = target + tok.post;
          changes.push({ rule: 'tense', from: t, to: out[j]! });
          backshiftCoordinated(out, j + 1, lex, changes);
        }
        break;
      }
      // The clause ends at sentence punctuation; a comma inside a list ("plans, materials, and tools are") does not end it.
      if (/[;.:]/.test(tok.post)) break;
    }
  }
  return out ?? tokens;
}
