// Weak openers ("Responsible for", "Helped with", "Worked with"): which one a clause opens with, and
// the verb that replaces it, chosen by what follows (a verb, a nominalization, a noun phrase, people).
// Every verb written here comes from the lexicon; limits: the object is read from at most 8 words.
import type { CompiledOpener, RewriteLexicon, VerbForm } from '../../taxonomy/load-lexicon.js';
import { buriedObject } from './buried-object.js';
import type { RewriteChange, RewriteContext } from './rewrite-bullet.js';
import { OBJECT_STOPS, PREPOSITIONS, coreOf, isConnector, isWord, splitTok } from './text-tokens.js';

export function matchOpener(tokens: string[], lex: RewriteLexicon) {
  if (tokens.length === 0) return undefined;
  // Most clauses open with none of the 70 openers: only those the first word can start are tried.
  const first = coreOf(tokens[0]!);
  const firstBase = lex.forms.get(first)?.base;
  // The first word may be any form of the opener's verb: "Assisting with" matches "assisted with".
  // openersByFirst lists those openers in order; here two different forms of "be" do not pair.
  for (const o of lex.openersByFirst.get(first) ?? []) {
    if (o.words.length > tokens.length) continue;
    if (o.words[0] !== first && firstBase === 'be') continue;
    let ok = true;
    for (let k = 0; ok && k < o.words.length; k++) {
      const raw = tokens[k]!;
      // Only the last word of the phrase may carry punctuation ("included:").
      ok =
        isWord(raw) &&
        (k === 0 || coreOf(raw) === o.words[k]) &&
        (k === o.words.length - 1 || splitTok(raw).post === '');
    }
    const next = tokens[o.words.length];
    if (ok && o.onlyBefore && !(next && o.onlyBefore.has(coreOf(next)))) continue;
    // "Provided training to improve call quality": "to" before a verb is a purpose, and "Trained improve
    // call quality" would not read.
    if (ok && o.mode === 'replace' && o.words.at(-1) === 'to' && next !== undefined) {
      const f = lex.forms.get(coreOf(next));
      if (f?.form === 'base' && !lex.nounLikeVerbs.has(f.base)) continue;
    }
    if (ok) return o;
  }
  return undefined;
}

export function objectVerb(rest: string[], ctx: RewriteContext, lex: RewriteLexicon): string | undefined {
  // The head of the first noun phrase: last word before punctuation or a preposition.
  let head: string | undefined;
  for (const raw of rest.slice(0, 8)) {
    const c = coreOf(raw);
    if (OBJECT_STOPS.has(c) || c === 'of') break;
    head = c;
    if (splitTok(raw).post) break;
  }
  if (head) for (const cat of lex.objectVerbs) if (cat.words.has(head)) return cat.verb;
  for (const id of ctx.competencyIds ?? []) {
    const v = lex.competencyVerbs.get(id);
    if (v) return v;
  }
  return undefined;
}

/** "the management of X" -> ["manage", index after "of"]. */
export function nominalization(rest: string[], lex: RewriteLexicon): [string, number] | undefined {
  const i = coreOf(rest[0] ?? '') === 'the' ? 1 : 0;
  const noun = rest[i];
  if (!noun || !isWord(noun) || splitTok(noun).post || coreOf(rest[i + 1] ?? '') !== 'of') return undefined;
  const verb = lex.nominalizations.get(coreOf(noun));
  return verb ? [verb, i + 2] : undefined;
}
/** The verb chosen for a weak opener, the words written after it and the clause words that follow. */
export interface OpenerChoice {
  verb: string;
  /** Words written right after the verb ("to" of "contributed to", "closely with"). */
  extra: string[];
  rest: string[];
  /** Punctuation carried by the verb the writer used ("Scheduling," -> "Scheduled,"). */
  verbPost: string;
  /** Form of the writer's verb chain, for re-inflecting coordinated verbs. */
  chainForm?: VerbForm;
  /** Words of the clause the new verb replaced, when `rest` is not a tail of the clause. */
  consumed?: number;
  /** The clause words rewritten into `rest` ("client relationship management" -> "client relationships"). */
  moved?: RewriteChange;
}

/** "billing and collections", "training and development staff": an activity noun, not a verb. */
function isActivityNoun(rest: string[], lex: RewriteLexicon): boolean {
  const [r0, r1] = rest;
  return (
    r0 !== undefined &&
    lex.nounGerunds.has(coreOf(r0)) &&
    (splitTok(r0).post !== '' || !r1 || isConnector(r1) || PREPOSITIONS.has(coreOf(r1)))
  );
}

/** The verb form that opens `rest`, unless it is an activity noun. */
function leadVerbForm(rest: string[], lex: RewriteLexicon) {
  const r0 = rest[0];
  return r0 && isWord(r0) && !isActivityNoun(rest, lex) ? lex.forms.get(coreOf(r0)) : undefined;
}

/**
 * "Responsible for scheduling X" -> schedule; "for the management of X" -> manage; else by object.
 * Undefined when the clause is a skill claim before a noun phrase, which stays as written.
 */
export function chooseActionVerb(
  opener: CompiledOpener,
  rest: string[],
  ctx: RewriteContext,
  lex: RewriteLexicon,
  writerForm: VerbForm | undefined,
): OpenerChoice | undefined {
  const r0Form = leadVerbForm(rest, lex);
  const takesBase = opener.words.at(-1) === 'to';
  if (r0Form && (r0Form.form === 'gerund' || (takesBase && r0Form.form === 'base'))) {
    return { verb: r0Form.base, extra: [], rest: rest.slice(1), verbPost: splitTok(rest[0]!).post, chainForm: r0Form.form };
  }
  // "Proficient at databases", "Efficient in registration of patients": a skill claim, not work done;
  // no verb makes it one honestly, not even the verb of its nominalization.
  if (opener.skillBeforeNoun) return undefined;
  const nom = nominalization(rest, lex);
  if (nom) return { verb: nom[0], extra: [], rest: rest.slice(nom[1]), verbPost: '', chainForm: writerForm };
  // "Responsible for client relationship management" -> "Managed client relationships".
  const buried = buriedObject(rest, lex, false);
  if (buried) {
    return {
      verb: buried.verb,
      extra: [],
      rest: [...buried.object, ...rest.slice(buried.after)],
      verbPost: '',
      chainForm: writerForm,
      consumed: 0,
      moved: { rule: 'buried-object', from: rest.slice(0, buried.after).join(' '), to: buried.object.join(' ') },
    };
  }
  // "Responsible for immediate responses to calls": the object is the act of an intransitive verb (one
  // cannot manage a response, only respond), and "Managed" would turn doing it into overseeing it
  // (blind reader, eval after3-140). No verb says it without that risk: the bullet keeps its opener.
  if (rest.slice(0, 3).some((t) => lex.intransitiveVerbs.has(lex.nominalizations.get(coreOf(t)) ?? ''))) return undefined;
  let verb = objectVerb(rest, ctx, lex) ?? opener.verb;
  // "Responsible for scheduling, billing" must not become "Scheduled scheduling, billing".
  const forms = Object.values(lex.verbs.get(verb) ?? {});
  if (rest.slice(0, 8).some((t) => forms.includes(coreOf(t)))) verb = opener.verb;
  return { verb, extra: [], rest, verbPost: '', chainForm: writerForm };
}

/**
 * A support opener never becomes a verb of ownership: "Assisted with X-ing" -> "Contributed to X-ing",
 * "Helped customers select" -> "Guided customers to select", "Assisted passengers" stays "Assisted".
 */
export function chooseSupportVerb(opener: CompiledOpener, rest: string[], lex: RewriteLexicon, writerForm: VerbForm | undefined): OpenerChoice {
  const { activity, activityPreposition, people } = lex.supportFraming;
  const plain = (verb: string, extra: string[] = [], r = rest): OpenerChoice => ({ verb, extra, rest: r, verbPost: '', chainForm: writerForm });
  const helpFamily = opener.words[0]!.startsWith('help');
  const r0 = rest[0];
  const r0Form = leadVerbForm(rest, lex);
  if ((r0 && r0Form?.form === 'gerund') || nominalization(rest, lex)) return plain(activity, [activityPreposition]);
  if (helpFamily && r0 && r0Form?.form === 'base' && !lex.guidedPeople.has(coreOf(r0))) {
    return plain(activity, [activityPreposition, lex.verbs.get(r0Form.base)!.gerund + splitTok(r0).post], rest.slice(1));
  }
  const at = rest.slice(0, 4).findIndex((t) => lex.guidedPeople.has(coreOf(t)) && isWord(t) && !splitTok(t).post);
  if (at >= 0) {
    const toSkip = coreOf(rest[at + 1] ?? '') === 'to' ? 1 : 0;
    const bare = rest[at + 1 + toSkip];
    const bareForm = bare && isWord(bare) ? lex.forms.get(coreOf(bare)) : undefined;
    if (bareForm?.form === 'base' && (helpFamily || toSkip)) {
      return plain(people, [], [...rest.slice(0, at + 1), 'to', ...rest.slice(at + 1 + toSkip)]);
    }
  }
  // "Assist passengers while boarding", "Assisted clients about tax issues": the writer's own verb
  // reads right with people as its object, and "supported passengers" would change the meaning.
  const writerBase = lex.forms.get(opener.words[0]!)?.base;
  if (opener.words.length === 1 && r0 && isWord(r0) && lex.guidedPeople.has(coreOf(r0)) && writerBase && lex.supportVerbs.has(writerBase)) {
    return plain(writerBase);
  }
  return plain(opener.verb, opener.verb === activity ? [activityPreposition] : []);
}

/** Openers that name their replacement outright ("Worked with" -> "Collaborated with"). */
export function chooseMappedVerb(opener: CompiledOpener, rest: string[], writerForm: VerbForm | undefined): OpenerChoice {
  return { verb: opener.verb, extra: opener.keep ? opener.keep.split(' ') : [], rest, verbPost: '', chainForm: writerForm };
}
