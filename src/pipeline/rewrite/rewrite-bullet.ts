// Rewrites one resume bullet so a PM hiring manager sees the project work in it, without new facts.
// Composition of small steps: tidy -> per clause (drop fillers, replace a weak opener or re-inflect the
// lead verb, one tense per verb chain) -> term maps -> slots -> one clean sentence; titles, headers,
// dates and contact lines are skipped (skip-bullet.ts). Every edit moves, drops or re-inflects the
// writer's words or inserts lexicon words that carry no digit, proper noun or tool. Limits: no parser;
// glued sentences without a period and noun-only bullets are left as they are.
import type { Evidence, Rewrite, RewriteAlternative, RewriteChange, RewriteSkipped, RewriteSlot } from '../../schemas/analysis.js';
import { type Bullet, type ResumeDocument, WORK_SECTIONS } from '../../schemas/document.js';
import type { RewriteRequest } from '../../schemas/rewrites.js';
import type { CompiledOpener, RewriteLexicon, VerbForm } from '../../taxonomy/load-lexicon.js';
import { chooseActionVerb, chooseMappedVerb, chooseSupportVerb, matchOpener, nominalization, type OpenerChoice } from './openers.js';
import { NON_ASCII, scoreBullet } from './score-bullet.js';
import { buriedObject } from './buried-object.js';
import { skipReasonTidied } from './skip-bullet.js';
import { addSlots, leadAdverbAt } from './slots.js';
import { PARTICLES, alignChain, backshiftClauses, clauseTense } from './tense.js';
import { applyTermMaps } from './term-maps.js';
import { moveMeansFirst } from './means-first.js';
import { nounAct } from './noun-act.js';
import { moveInstrument } from './use-to.js';
import {
  AUXILIARIES,
  CONNECTORS,
  FUNCTION_WORDS,
  SPACE_OR_PERIOD,
  capitalize,
  coreOf,
  isConnector,
  isProtected,
  isWord,
  looksLikeTitle,
  lower,
  splitSpaces,
  splitTok,
  stripTrailing,
  stripTrailingPunct,
  verbIn,
} from './text-tokens.js';
import { fixTypos, markGluedSentences, splitSentences, tidy } from './tidy-text.js';

/** past for a past role, present for the current one: the request's `tense`, never a twin of it. */
export type Tense = NonNullable<RewriteRequest['tense']>;
export interface RewriteContext {
  /** past for past roles, present for the current role. */
  tense: Tense;
  /** Competencies the analyzer found on this bullet, most relevant first. */
  competencyIds?: string[];
}
export type { RewriteChange, RewriteSlot };
/** A Rewrite before it is placed on a bullet of a document. */
export type BulletRewrite = Omit<Rewrite, 'bulletId'>;

/** Bullets longer than this are tidied and graded but not restructured (pathological input). */
const MAX_RESTRUCTURE = 2000;
/** Words that open a clause with its own subject after "and" ("and it's", "and I", "and we"). */
const SUBJECT_PRONOUNS = new Set(['i', "i'm", "i've", 'it', "it's", 'we', "we're", 'they', "they're", 'he', 'she', "that's"]);

interface ClauseResult {
  tokens: string[];
  /** Base of the verb the clause now opens with, if any. */
  verb?: string;
}

/** Which optional steps run: the alternatives are the same rewrite with one step left out. */
interface StepOptions {
  termMaps: boolean;
  slots: boolean;
}

/** "Successfully", "I", "Also" open many bullets and carry no fact: dropped, never added. */
function dropLeadFillers(tokens: string[], lex: RewriteLexicon, changes: RewriteChange[]): string[] {
  const out = [...tokens];
  while (out.length > 1 && isWord(out[0]!) && lex.leadFillers.has(coreOf(out[0]!))) {
    if (coreOf(out[0]!) === 'i' && AUXILIARIES.has(coreOf(out[1]!))) break;
    changes.push({ rule: 'drop-filler', from: out.shift()!, to: '' });
  }
  return out;
}

/** The opening word as the finished sentence shows it (capitalized unless it reads as a product). */
function asWritten(text: string, first: boolean, lex: RewriteLexicon): string {
  const firstWord = /^[\p{L}&]+/u.exec(text)?.[0] ?? '';
  return first && !isProtected(firstWord, lex) ? capitalize(text) : text;
}

/** What every clause step works with: the role's context, the lexicon, the change log, first clause or not. */
interface ClauseJob {
  ctx: RewriteContext;
  lex: RewriteLexicon;
  changes: RewriteChange[];
  first: boolean;
}

/** Replaces a weak opener ("Responsible for", "Helped with") with the verb the lexicon gives it. */
function replaceOpener(tokens: string[], opener: CompiledOpener, job: ClauseJob): ClauseResult {
  const { ctx, lex, changes, first } = job;
  // A skill claim ("Proficient in Excel", "Skilled in scheduling" before a noun) is not work done, and
  // no verb makes it one without claiming use nobody stated: it stays as written.
  if (opener.mode === 'skill') return { tokens };
  const used = tokens.slice(0, opener.words.length);
  const lastPost = splitTok(used.at(-1)!).post.replace(/:$/, '');
  let rest = tokens.slice(opener.words.length);
  const dropped: RewriteChange[] = [];
  // "Ability to quickly assess": the adverb would stand between the new verb and its object.
  if (rest.length > 1 && /^\p{Ll}+ly$/u.test(rest[0]!) && lex.forms.has(coreOf(rest[1]!))) {
    dropped.push({ rule: 'drop-filler', from: rest[0]!, to: '' });
    rest = rest.slice(1);
  }
  // "Responsible for the team's performance and it's a part of my goal to ...": a clause with a subject
  // of its own follows "and"; with a verb put in front the two would clash (blind reading after4-100),
  // so it becomes a clause of its own: "Managed the team's performance; it's a part of my goal ...".
  const subjectAt = rest.findIndex((t, i) => i > 0 && t === 'and' && SUBJECT_PRONOUNS.has(coreOf(rest[i + 1] ?? '')) && !splitTok(rest[i - 1]!).post);
  const split: RewriteChange[] = [];
  if (opener.mode !== 'replace' && subjectAt > 0) {
    split.push({ rule: 'split-clause', from: `${rest[subjectAt - 1]} and`, to: `${rest[subjectAt - 1]};` });
    rest = [...rest.slice(0, subjectAt - 1), `${rest[subjectAt - 1]};`, ...rest.slice(subjectAt + 1)];
  }
  const writerForm = lex.forms.get(coreOf(used[0]!))?.form;
  const choice: OpenerChoice | undefined =
    opener.mode === 'support'
      ? chooseSupportVerb(opener, rest, lex, writerForm)
      : opener.mode === 'action'
        ? chooseActionVerb(opener, rest, ctx, lex, writerForm)
        : chooseMappedVerb(opener, rest, writerForm);
  if (!choice) return { tokens };
  const post = choice.verbPost || lastPost;
  const head = [verbIn(choice.verb, ctx.tense, lex) + (choice.extra.length ? '' : post), ...choice.extra];
  if (choice.extra.length && post) head[head.length - 1] += post;
  const input = [...head, ...choice.rest];
  const clauseChanges: RewriteChange[] = [...dropped, ...split];
  const out = alignChain(input, head.length, choice.chainForm, ctx, lex, clauseChanges);
  changes.push(
    {
      rule: opener.mode === 'replace' ? 'verb-map' : 'weak-opener',
      from: tokens.slice(0, opener.words.length + dropped.length + (choice.consumed ?? Math.max(0, rest.length - choice.rest.length))).join(' '),
      to: asWritten(head.join(' '), first, lex),
    },
    ...(choice.moved ? [choice.moved] : []),
    ...clauseChanges,
  );
  return { tokens: out, verb: choice.verb };
}

/** A clause that opens with a verb: the verb chain in the tense of the role (completed work excepted). */
function reinflectLeadVerb(tokens: string[], job: ClauseJob): ClauseResult {
  const { ctx, lex, changes, first } = job;
  const lead = tokens[0]!;
  const form = isWord(lead) ? lex.forms.get(coreOf(lead)) : undefined;
  if (!form) return verbFromNominalization(tokens, job);
  if (looksLikeTitle(tokens)) return { tokens };
  const second = tokens[1] ?? '';
  // "Program Managing 2 engagements", "Service Delivery for ...": a noun compound, not a verb.
  if (form.form === 'base' && /^\p{Lu}\p{Ll}/u.test(second)) return { tokens };
  // "Scheduling of trainings", "Setting up of": a gerund used as a noun.
  if (form.form === 'gerund' && (coreOf(second) === 'of' || coreOf(tokens[2] ?? '') === 'of')) return verbFromGerundOf(tokens, form.base, job);
  // "Training and development of new hires": both nouns become verbs, not only the gerund.
  if (form.form === 'gerund' && coreOf(tokens[3] ?? '') === 'of') {
    const paired = verbFromPairedNominalizations(tokens, job);
    if (paired) return paired;
    // "Planning and execution of Annual Events": re-tensing the gerund alone would leave a noun in the chain.
    if (isConnector(second) && lex.nominalizations.has(coreOf(tokens[2]!))) return { tokens };
  }
  const tense = clauseTense(tokens, form.form, form.base, ctx, lex);
  const clauseCtx = { ...ctx, tense };
  if (lex.lightVerbs.has(form.base)) {
    const light = verbForLightVerb(tokens, form.form, clauseCtx, job);
    if (light) return light;
  }
  if (lex.nounActs.lightVerbs.has(form.base)) {
    const act = verbForNounAct(tokens, form.form, clauseCtx, job);
    if (act) return act;
  }
  const target = verbIn(form.base, tense, lex);
  // "Excelled" must not become "Excel": never write a form that reads as a tool or organization.
  if (isProtected(target, lex)) return { tokens };
  const { post } = splitTok(lead);
  const input = [...tokens];
  const clauseChanges: RewriteChange[] = [];
  if (lower(target) !== coreOf(lead)) {
    input[0] = target + post;
    clauseChanges.push({ rule: 'tense', from: lead, to: asWritten(input[0], first, lex) });
  } else {
    input[0] = lower(splitTok(lead).core) + post;
  }
  const aligned = alignChain(input, 1, form.form, clauseCtx, lex, clauseChanges);
  // The writer's present moved into the past: a "that/which" clause follows it ("that needed to be resolved").
  const out = tense === 'past' && (form.form === 'base' || form.form === 'third') ? backshiftClauses(aligned, 1, lex, clauseChanges) : aligned;
  changes.push(...clauseChanges);
  return { tokens: out, verb: form.base };
}

/**
 * "Scheduling of trainings for the team" -> "Scheduled trainings for the team", "Setting up of the
 * process" -> "Set up the process": a duty written as a gerund noun becomes its verb; "of" goes. Not
 * for a verb without a direct object (`intransitiveVerbs`), nor before a capitalized name or title.
 */
function verbFromGerundOf(tokens: string[], base: string, job: ClauseJob): ClauseResult {
  const { ctx, lex, changes, first } = job;
  const particle = coreOf(tokens[1] ?? '') === 'of' ? 0 : 1;
  const ofAt = 1 + particle;
  const next = tokens[ofAt + 1];
  const plain = (raw: string | undefined) => raw !== undefined && !splitTok(raw).post && !splitTok(raw).pre;
  if (
    lex.intransitiveVerbs.has(base) ||
    next === undefined ||
    !/^\p{Ll}/u.test(next) ||
    !tokens.slice(0, ofAt + 1).every(plain) ||
    (particle === 1 && !PARTICLES.has(coreOf(tokens[1]!)))
  ) {
    return { tokens };
  }
  const verb = verbIn(base, ctx.tense, lex);
  const head = particle ? [verb, lower(tokens[1]!)] : [verb];
  changes.push({ rule: 'noun-to-verb', from: tokens.slice(0, ofAt + 1).join(' '), to: asWritten(head.join(' '), first, lex) });
  return { tokens: [...head, ...tokens.slice(ofAt + 1)], verb: base };
}

/**
 * "Performed payment reconciliation & secured ..." -> "Reconciled payments & secured ...": a light verb
 * before a buried object gives way to the nominalization's verb, in the clause's tense.
 */
function verbForLightVerb(tokens: string[], writerForm: VerbForm, ctx: RewriteContext, job: ClauseJob): ClauseResult | undefined {
  const { lex, changes, first } = job;
  const buried = buriedObject(tokens.slice(1), lex, false);
  if (!buried) return undefined;
  const verb = verbIn(buried.verb, ctx.tense, lex);
  const input = [verb, ...buried.object, ...tokens.slice(1 + buried.after)];
  const clauseChanges: RewriteChange[] = [];
  const out = alignChain(input, 1, writerForm, ctx, lex, clauseChanges);
  changes.push(
    { rule: 'buried-object', from: tokens.slice(0, 1 + buried.after).join(' '), to: asWritten([verb, ...buried.object].join(' '), first, lex) },
    ...clauseChanges,
  );
  return { tokens: out, verb: buried.verb };
}

/**
 * "Provided assistance to customers with orders" -> "Assisted customers with orders": a light verb before
 * the noun of an act gives way to the act's verb (`noun-act.ts`), in the clause's tense.
 */
function verbForNounAct(tokens: string[], writerForm: VerbForm, ctx: RewriteContext, job: ClauseJob): ClauseResult | undefined {
  const { lex, changes, first } = job;
  const act = nounAct(tokens, lex);
  if (!act) return undefined;
  const verb = verbIn(act.verb, ctx.tense, lex);
  const input = [verb, ...tokens.slice(act.consumed)];
  const clauseChanges: RewriteChange[] = [];
  const out = alignChain(input, 1, writerForm, ctx, lex, clauseChanges);
  changes.push({ rule: 'noun-act', from: tokens.slice(0, act.consumed).join(' '), to: asWritten(verb, first, lex) }, ...clauseChanges);
  return { tokens: out, verb: act.verb };
}

/** "Preparation of test data for the release" -> "Prepared test data for the release". */
function verbFromNominalization(tokens: string[], job: ClauseJob): ClauseResult {
  const { ctx, lex, changes, first } = job;
  const nom = nominalization(tokens, lex);
  // Only a plain lead noun ("Preparation of"), not a title ("Project Management of ...") or a list.
  if (!nom || tokens.length < nom[1] + 2 || splitTok(tokens[0]!).pre) return verbFromPairedNominalizations(tokens, job) ?? verbFromBuriedObject(tokens, job);
  const verb = verbIn(nom[0], ctx.tense, lex);
  changes.push({ rule: 'noun-to-verb', from: tokens.slice(0, nom[1]).join(' '), to: asWritten(verb, first, lex) });
  return { tokens: [verb, ...tokens.slice(nom[1])], verb: nom[0] };
}

/**
 * "Installation and maintenance of computer systems" -> "Installed and maintained computer systems":
 * two nominalizations joined by "and" before "of" become two verbs sharing the object. Only plain
 * words in a capitalized-then-lower-case line start, and only before a lower-case object (not a name).
 */
function verbFromPairedNominalizations(tokens: string[], job: ClauseJob): ClauseResult | undefined {
  const { ctx, lex, changes, first } = job;
  const [n1, conj, n2, of, next] = tokens;
  if (next === undefined || coreOf(of!) !== 'of' || !isConnector(conj!) || !/^\p{Ll}/u.test(next)) return undefined;
  if (![n1!, conj!, n2!, of!].every((t) => isWord(t) && !splitTok(t).post) || !/^\p{Ll}+$/u.test(n2!)) return undefined;
  const v1 = lex.nominalizations.get(coreOf(n1!));
  const v2 = lex.nominalizations.get(coreOf(n2!));
  // "Resolution and response of ...": a verb without a direct object cannot take the shared one.
  if (!v1 || !v2 || v1 === v2 || lex.intransitiveVerbs.has(v1) || lex.intransitiveVerbs.has(v2)) return undefined;
  const head = [verbIn(v1, ctx.tense, lex), lower(conj!), verbIn(v2, ctx.tense, lex)];
  changes.push({ rule: 'noun-to-verb', from: tokens.slice(0, 4).join(' '), to: asWritten(head.join(' '), first, lex) });
  return { tokens: [...head, ...tokens.slice(4)], verb: v1 };
}

/** "Claims processing for the Medicaid plans" -> "Processed claims for the Medicaid plans". */
function verbFromBuriedObject(tokens: string[], job: ClauseJob): ClauseResult {
  const { ctx, lex, changes, first } = job;
  const buried = splitTok(tokens[0]!).pre ? undefined : buriedObject(tokens, lex, true);
  if (!buried) return { tokens };
  const verb = verbIn(buried.verb, ctx.tense, lex);
  const out = [verb, ...buried.object, ...tokens.slice(buried.after)];
  changes.push({ rule: 'buried-object', from: tokens.slice(0, buried.after).join(' '), to: asWritten([verb, ...buried.object].join(' '), first, lex) });
  return { tokens: out, verb: buried.verb };
}

/**
 * "Key Achievements: Was responsible for transitioning the process": a short title-case label ending in
 * ":" stays as written and the clause after it is rewritten ("Key Achievements: Transitioned the
 * process"); an achievement is completed work, so its clause keeps the past. Undefined when the clause
 * has no such label.
 */
function rewriteLabelled(tokens: string[], ctx: RewriteContext, lex: RewriteLexicon, changes: RewriteChange[]): ClauseResult | undefined {
  const colon = tokens.findIndex((t) => t.endsWith(':'));
  if (colon < 0 || colon > 2 || colon + 2 >= tokens.length || !/^\p{Lu}\p{Ll}/u.test(tokens[colon + 1]!)) return undefined;
  if (!tokens.slice(0, colon + 1).every((t) => /^\p{Lu}[\p{Ll}-]+:?$/u.test(t))) return undefined;
  const label = tokens.slice(0, colon + 1);
  const completed = label.some((t) => /^(achievements?|accomplishments?|awards?)/.test(lower(t)));
  // A label is read once, so "Aa: Bb: Cc: ..." does not recurse.
  const rest = rewriteClause(tokens.slice(colon + 1).join(' '), completed ? { ...ctx, tense: 'past' } : ctx, lex, changes, true, false);
  // The label stands before the verb, so no slot is placed from the clause start: no verb is reported.
  // The clause opens capitalized after the label when its first word is a lexicon verb (a word the
  // writer wrote in lower case, "renegotiated" after a dropped "Successfully", stays so).
  const [head, ...tail] = rest.tokens;
  if (head === undefined) return { tokens: label };
  const shown = lex.allowedCapitalized.has(coreOf(head)) ? asWritten(head, true, lex) : head;
  return { tokens: [...label, shown, ...tail] };
}

function rewriteClause(
  clause: string,
  ctx: RewriteContext,
  lex: RewriteLexicon,
  changes: RewriteChange[],
  first: boolean,
  labels = first,
  meansFirstStep = true,
): ClauseResult {
  const plain = moveInstrument(dropLeadFillers(splitSpaces(clause), lex, changes), lex, changes);
  // The means moved before the result may open with a filler adverb ("actively listening"): dropped as at the start.
  const meansFirst = meansFirstStep ? moveMeansFirst(plain, lex, changes) : plain;
  const tokens = meansFirst === plain ? plain : dropLeadFillers(meansFirst, lex, changes);
  if (tokens.length === 0) return { tokens };
  // Completed work keeps its past when its means come first ("Delivered X by managing Y" under the
  // current role reads "Managed Y, delivering X", not "Manage Y, delivering X").
  if (meansFirst !== plain && ctx.tense === 'present') {
    const f0 = lex.forms.get(coreOf(plain[0]!));
    if (clauseTense(plain, f0?.form, f0?.base, ctx, lex) === 'past') ctx = { ...ctx, tense: 'past' };
  }
  const opener = matchOpener(tokens, lex);
  if (!opener && labels) {
    const labelled = rewriteLabelled(tokens, ctx, lex, changes);
    if (labelled) return labelled;
  }
  const job: ClauseJob = { ctx, lex, changes, first };
  // "Gave a presentation to the board": the act's own verb ("Presented") says more than the opener's
  // plain replacement ("Provided a presentation"), so a light verb before the noun of an act is read there.
  const act = opener?.mode === 'replace' && lex.nounActs.lightVerbs.has(lex.forms.get(coreOf(tokens[0]!))?.base ?? '') && nounAct(tokens, lex);
  if (opener && !act) return replaceOpener(tokens, opener, job);
  // "Correctly received orders": the writer's adverb stays, the verb after it is the clause's verb.
  if (leadAdverbAt(tokens, lex) === 1) {
    const r = reinflectLeadVerb(tokens.slice(1), { ...job, first: false });
    return { tokens: [tokens[0]!, ...r.tokens], verb: r.verb };
  }
  return reinflectLeadVerb(tokens, job);
}

/** A later sentence joined after ";" starts in lower case when its first word is surely not a name. */
function lowerSentenceStart(tokens: string[], lex: RewriteLexicon): string[] {
  const t0 = tokens[0];
  if (!t0 || !isWord(t0)) return tokens;
  const c = coreOf(t0);
  // A verb, a function word, an -ed verb or an -ly adverb written in title case.
  const plainCase = /^\p{Lu}\p{Ll}+$/u.test(splitTok(t0).core);
  if (c !== 'i' && (lex.forms.has(c) || FUNCTION_WORDS.has(c) || (plainCase && /(ed|ly)$/.test(c) && c.length > 5))) {
    return [lower(t0), ...tokens.slice(1)];
  }
  return tokens;
}

/**
 * True when two tokens cannot be the same word (see finishSentence): both open with an ASCII character
 * and one of them is no letter (a word token opens with a letter) or the letters differ in any case.
 */
function differentAsciiInitials(a: string, b: string): boolean {
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  if (x >= 128 || y >= 128) return false;
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !letter(x) || !letter(y) || (x | 32) !== (y | 32);
}

/** Drops a doubled word and a dangling "and", capitalizes, and closes with one period. */
function finishSentence(tokens: string[], changes: RewriteChange[], lex: RewriteLexicon): string {
  const out: string[] = [];
  for (const t of tokens) {
    const prev = out.at(-1);
    // A word token has no leading punctuation, so a doubled word starts with the same letter: two
    // different ASCII letters settle it without the token memo (most pairs of neighbours).
    if (!prev || differentAsciiInitials(prev, t)) {
      out.push(t);
      continue;
    }
    const tok = splitTok(t);
    const prevTok = splitTok(prev);
    if (tok.word && prevTok.word && !prevTok.post && prevTok.lc === tok.lc) {
      changes.push({ rule: 'remove-doubled-word', from: `${prev} ${t}`, to: prev });
      out[out.length - 1] = prev + tok.post;
      continue;
    }
    out.push(t);
  }
  while (out.length > 0) {
    const last = out.at(-1)!;
    if (!CONNECTORS.has(lower(last.replace(/[,;:.]+$/, '')))) break;
    changes.push({ rule: 'remove-dangling-conjunction', from: last, to: '' });
    out.pop();
  }
  const text = stripTrailingPunct(out.join(' '));
  if (!text) return '';
  // "salesforce admin" stays lower case: capitalizing it would write a product name the writer did not.
  return `${asWritten(text, true, lex)}.`;
}

interface Composed {
  rewrite: string;
  changes: RewriteChange[];
  slots: RewriteSlot[];
  /** The same rewrite without its slots (slots are the last step): the no-placeholders framing. */
  withoutSlots?: string;
}

/** A tidied bullet's clauses, each rewritten: what every framing of the bullet shares. */
interface Clauses {
  joined: string;
  firstVerb: string | undefined;
  changes: RewriteChange[];
}

function rewriteClauses(cleaned: string, context: RewriteContext, lexicon: RewriteLexicon, meansFirst = true): Clauses {
  const changes: RewriteChange[] = [];
  const sentences = splitSentences(markGluedSentences(fixTypos(cleaned, lexicon, changes), lexicon, changes));
  // Clauses after a semicolon get the same treatment as sentences ("...; maintain X" -> "maintained").
  const clauses: string[] = [];
  for (const s of sentences) {
    if (!s.includes(';')) {
      if (s) clauses.push(s);
      continue;
    }
    for (const c of s.split(/;\s+/)) if (c) clauses.push(c);
  }
  const parts: string[][] = [];
  let firstVerb: string | undefined;
  clauses.forEach((s, i) => {
    const r = rewriteClause(s, context, lexicon, changes, i === 0, i === 0, meansFirst);
    if (i === 0) firstVerb = r.verb;
    const toks = i > 0 ? lowerSentenceStart(r.tokens, lexicon) : r.tokens;
    if (toks.length) parts.push(toks);
  });
  if (sentences.length > 1) changes.push({ rule: 'join-sentences', from: '. ', to: '; ' });
  return { joined: parts.map((p) => stripTrailingPunct(p.join(' '))).join('; '), firstVerb, changes };
}

/**
 * One framing of the rewritten clauses, with the optional steps `options` allows (term maps, then
 * slots, last). `clauses` is shared between framings and left as it is.
 */
function composeRewrite(cleaned: string, clauses: Clauses, lexicon: RewriteLexicon, options: StepOptions): Composed {
  const changes = [...clauses.changes];
  const slots: RewriteSlot[] = [];
  const mapped = options.termMaps ? applyTermMaps(clauses.joined, lexicon, changes) : clauses.joined;
  const tokens = splitSpaces(mapped);
  let slotted = tokens;
  // \p{N} is slow in V8; on ASCII text it is [0-9].
  if (options.slots && !/[0-9]/.test(cleaned) && !(NON_ASCII.test(cleaned) && /\p{N}/u.test(cleaned))) {
    // "Trained two new hires" says how many in words: no slot, as with a digit. The token test only
    // when a number word occurs at all (toLowerCase works letter by letter here).
    const lowered = mapped.toLowerCase();
    const numberWord = lexicon.numberWordHint.test(lowered) && tokens.some((t) => lexicon.numberWords.has(coreOf(t)));
    if (!numberWord) slotted = addSlots(tokens, lowered, clauses.firstVerb, lexicon, changes, slots);
  }
  const rewrite = finishSentence(slotted, changes, lexicon);
  return slots.length ? { rewrite, changes, slots, withoutSlots: finishSentence(tokens, [], lexicon) } : { rewrite, changes, slots };
}

/**
 * Other honest framings, at most two: the result first as the writer put it (when the main rewrite put
 * the act first), the same rewrite in the writer's own terms (no term maps) and without placeholders.
 * Each leaves out a step of the main rewrite, so it is honest whenever the main one is.
 */
function composeAlternatives(
  cleaned: string,
  clauses: Clauses,
  context: RewriteContext,
  lexicon: RewriteLexicon,
  main: Composed,
  original: string,
): RewriteAlternative[] {
  const out: RewriteAlternative[] = [];
  // At most four entries: comparing strings is cheaper than hashing each whole sentence for a Set.
  const seen = [main.rewrite, `${stripTrailing(original.trim(), SPACE_OR_PERIOD)}.`];
  const add = (framing: RewriteAlternative['framing'], c: Composed) => {
    if (out.length === 2 || !c.rewrite || seen.includes(c.rewrite)) return;
    seen.push(c.rewrite);
    out.push({ framing, rewrite: c.rewrite, slots: c.slots });
  };
  // Coaches differ on act-first and result-first; the rare bullet that was reordered (about 1 in 130
  // corpus bullets) has its clauses rewritten once more without the reordering.
  if (main.changes.some((c) => c.rule === 'means-first')) {
    add('result-first', composeRewrite(cleaned, rewriteClauses(cleaned, context, lexicon, false), lexicon, { termMaps: true, slots: true }));
  }
  if (main.changes.some((c) => c.rule.startsWith('term-map:'))) {
    add('own-terms', composeRewrite(cleaned, clauses, lexicon, { termMaps: false, slots: true }));
  }
  if (main.withoutSlots !== undefined) add('no-placeholders', { rewrite: main.withoutSlots, changes: [], slots: [] });
  return out;
}

/** Rewrites one bullet. Pure and deterministic: same text, context and lexicon, same result. */
export function rewriteBullet(text: string, context: RewriteContext, lexicon: RewriteLexicon): BulletRewrite {
  return rewriteTidied(text, tidy(text), context, lexicon);
}

/** rewriteBullet for a caller that has tidied the text already (`cleaned` is `tidy(text)`). */
export function rewriteTidied(text: string, cleaned: string, context: RewriteContext, lexicon: RewriteLexicon): BulletRewrite {
  const competencyIds = [...(context.competencyIds ?? [])];
  const scoreBefore = scoreBullet(text, lexicon).total;
  const tidyChange: RewriteChange[] =
    cleaned !== stripTrailing(text.trim(), SPACE_OR_PERIOD) && cleaned ? [{ rule: 'tidy-text', from: text.trim(), to: cleaned }] : [];
  if (!cleaned) {
    return { original: text, rewrite: '', competencyIds, changes: tidyChange, slots: [], alternatives: [], scoreBefore, scoreAfter: scoreBefore };
  }
  // Past MAX_RESTRUCTURE characters a bullet is only capitalized and closed, with no alternative.
  const clauses = cleaned.length > MAX_RESTRUCTURE ? undefined : rewriteClauses(cleaned, context, lexicon);
  const main: Composed = clauses
    ? composeRewrite(cleaned, clauses, lexicon, { termMaps: true, slots: true })
    : { rewrite: `${capitalize(cleaned)}.`, changes: [], slots: [] };
  const alternatives = clauses ? composeAlternatives(cleaned, clauses, context, lexicon, main, text) : [];
  // A third of rewrites are the text exactly as written (nothing to change, the period there): the grade
  // is a pure function of the text, so it is not computed twice.
  const scoreAfter = Math.max(main.rewrite === text ? scoreBefore : scoreBullet(main.rewrite, lexicon).total, 0);
  // Fields in the order of the Rewrite schema, so the JSON reads original -> rewrite -> why.
  return {
    original: text,
    rewrite: main.rewrite,
    competencyIds,
    changes: [...tidyChange, ...main.changes],
    slots: main.slots,
    alternatives,
    scoreBefore,
    scoreAfter,
  };
}

/**
 * The rewrite placed on its bullet, fields in schema order. Listed rather than spread: copying with
 * a spread after another field is a slow generic copy in V8, and it ran once per bullet.
 */
function placeRewrite(bulletId: string, r: BulletRewrite): Rewrite {
  const { original, rewrite, competencyIds, changes, slots, alternatives, scoreBefore, scoreAfter } = r;
  return { bulletId, original, rewrite, competencyIds, changes, slots, alternatives, scoreBefore, scoreAfter };
}

/** Sections whose bullets describe work done, and so get a rewrite. */
export const REWRITE_SECTIONS = WORK_SECTIONS;

/** A bullet as the rewrite step reads it; `kind` is the reader's optional label for the line. */
type RewritableBullet = Pick<Bullet, 'id' | 'text' | 'section' | 'roleIndex'> & { kind?: string };

export interface ResumeRewrites {
  rewrites: Rewrite[];
  rewriteSkipped: RewriteSkipped[];
}

/**
 * One rewrite per work bullet of a resume: competencies from the evidence found on that bullet
 * (in evidence order), present tense under the current role, past elsewhere. Titles, headers, dates,
 * contact lines and fragments are not rewritten but listed in rewriteSkipped with the reason.
 */
export function rewriteResume<E extends Pick<Evidence, 'bulletId'>>(
  doc: { bullets: readonly RewritableBullet[]; roles: ResumeDocument['roles'] },
  evidence: readonly E[],
  competencyOf: (e: E) => string,
  lexicon: RewriteLexicon,
): ResumeRewrites {
  const byBullet = new Map<string, string[]>();
  for (const e of evidence) {
    if (!e.bulletId) continue;
    const ids = byBullet.get(e.bulletId) ?? [];
    const id = competencyOf(e);
    if (!ids.includes(id)) ids.push(id);
    byBullet.set(e.bulletId, ids);
  }
  const rewrites: Rewrite[] = [];
  const rewriteSkipped: RewriteSkipped[] = [];
  for (const b of doc.bullets) {
    if (!REWRITE_SECTIONS.includes(b.section)) continue;
    // The skip test and the rewrite read the same tidied text: tidy it once.
    const cleaned = tidy(b.text);
    const reason = skipReasonTidied(b.text, cleaned, lexicon, b.kind);
    if (reason) {
      rewriteSkipped.push({ bulletId: b.id, reason });
      continue;
    }
    const current = b.roleIndex !== undefined && doc.roles[b.roleIndex]?.current === true;
    const context = { tense: current ? 'present' : 'past', competencyIds: byBullet.get(b.id) ?? [] } as const;
    rewrites.push(placeRewrite(b.id, rewriteTidied(b.text, cleaned, context, lexicon)));
  }
  return { rewrites, rewriteSkipped };
}
