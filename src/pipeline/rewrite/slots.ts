// Visible slots where a number is missing. A slot is a question to the writer, never a fact:
// - "[N]" before a countable noun with its unit right after a clause's opening verbs ("Trained [N] new
//   hires", "[N] daily calls") or a second verb after "and", in place of a vague count ("multiple
//   projects" -> "[N] projects"), "a team of [N]" after "a team", before the people or work served
//   after "to/for/with/from" ("training to [N] new hires"), or "([N] per day)" after a volume the writer
//   called high; a particle of the verb is skipped ("Set up [N] events") and a verb after a comma or
//   ", and" opens a predicate of its own; a spelled-out count ("two new hires") blocks slots as a digit does;
// - "by [X%]" where the bullet describes an improvement: after the object of an improvement verb,
//   as the lead verb, after "that/which" or a participle (", reducing costs by [X%]"), never in a
//   purpose clause ("to improve retention" is an aim); a stated result becomes "a [X%] increase in sales"; a streamlining
//   verb gets ", cutting [metric] by [X%]".
// "by [X%]" only where the improved object names a measure (`outcomeSlot.measures`: rates, costs, time...).
// Limits: one count slot and one outcome slot per bullet, never in a bullet that has a number; the
// object of an improvement ends at the first preposition, subordinator or punctuation.
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';
import type { RewriteChange, RewriteSlot } from './rewrite-bullet.js';
import { PARTICLES } from './tense.js';
import { DETERMINERS, FUNCTION_WORDS, OBJECT_STOPS, PREPOSITIONS, SUBORDINATORS, coreOf, isConnector, isWord, splitTok } from './text-tokens.js';

/** Where a slot was put, so the caller can log it. */
interface Placed {
  token: string;
  question: string;
  rule: string;
  from: string;
  to: string;
}

/** Words before the tools of the work: a vague count after them is no scope ("using various programs"). */
const INSTRUMENT_WORDS = new Set(['using', 'via', 'through', 'utilizing']);
/** Determiners that read as modifiers before a counted noun: "[N] daily calls", "[N] new clients". */
const MODIFIER_DETERMINERS = new Set(['daily', 'weekly', 'monthly', 'new']);
// "other" is a modifier: "Guided and assisted [N] other workers" asks how many, as without it.
// "Ensured that staff followed ..." is no "[N] that staff": a subordinator or demonstrative is no modifier.
// "both teams", "either team" already say how many: "[N] both teams" asked again.
const NOT_MODIFIERS = new Set(['their', 'his', 'her', 'my', 'our', 'your', 'its', 'such', 'out', 'up', 'off', 'down', 'this', 'these', 'those', 'both', 'either', 'neither', ...SUBORDINATORS]);
/**
 * Prepositions before the people or work a verb served: "training to [N] new hires", "for [N] clients",
 * "correspondence from [N] providers".
 */
const SERVED_PREPOSITIONS = new Set(['to', 'for', 'with', 'from']);
/** Words before such a preposition that make the noun after it no count of what was served. */
const NOT_SERVED = new Set(['all', 'any', 'each', 'every', 'their', 'his', 'her', 'my', 'our', 'your', 'its', 'other', 'such', 'according', 'due', 'prior', 'compared', 'along', 'together', 'up']);
/** Words that open what follows an improvement's object: it ends there. */
const AFTER_OBJECT = new Set(['while', 'resulting', 'thereby', 'leading', 'using', 'so', 'through', 'via', 'when']);
/** The words an outcome phrase follows: "to improve", "thereby reducing", "that improved", "resulting in increased". */
const AFTER_WORDS = new Set(['to', 'thereby', 'that', 'which', 'in']);
/** A clause that already says what came of the work gets no "cutting [metric]". */
const OUTCOME_WORDS = new Set(['by', 'resulting', 'thereby', 'leading', 'reducing', 'cutting', 'saving', 'improving', 'increasing', 'which', 'decreasing', 'lowering']);

/** `lowered` is the tokens' text, lower-cased (for whole-text pre-tests). */
export function addSlots(
  tokens: string[],
  lowered: string,
  verb: string | undefined,
  lex: RewriteLexicon,
  changes: RewriteChange[],
  slots: RewriteSlot[],
): string[] {
  const out = [...tokens];
  const placed: Placed[] = [];
  // Clause starts: the first token and the token after each ";". The first clause's verb is known; a
  // later clause gets a count slot only when it opens with a verb form in lower case.
  // A verb coordinated after "and" opens a predicate of its own ("Designed file systems and maintained
  // [N] client files"); it is tried after the clause's own verb, in text order.
  const firstAnd = verb === undefined ? -1 : andPredicateAt(out, lex);
  const mayHoldCatchAll = lex.catchAllHint.test(lowered);
  const starts = [0];
  for (let i = 0; i + 1 < out.length; i++) if (out[i]!.endsWith(';') || i + 1 === firstAnd) starts.push(i + 1);
  for (const [n, start] of starts.entries()) {
    // Without a known opening verb the first clause is no verb phrase ("Key achievements: ...").
    if (n === 0 && !verb) continue;
    if (n > 0) {
      const f = isWord(out[start]!) && /^\p{Ll}/u.test(out[start]!) ? lex.forms.get(coreOf(out[start]!)) : undefined;
      if (!f || f.form === 'gerund') continue;
    }
    // The phrase test reads every token of the clause: only where the text could hold a phrase.
    if (mayHoldCatchAll && holdsCatchAll(out, start, lex)) continue;
    const hit = countSlot(out, start, lex);
    if (hit) {
      placed.push(hit);
      break;
    }
  }
  const outcome = outcomeSlot(out, verb, lex);
  if (outcome) placed.push(...outcome);
  for (const p of placed) {
    slots.push({ token: p.token, question: p.question });
    changes.push({ rule: p.rule, from: p.from, to: p.to });
  }
  return out;
}

/** The clause at `start` holds a catch-all duty phrase ("other duties as assigned"): no count slot there. */
function holdsCatchAll(out: readonly string[], start: number, lex: RewriteLexicon): boolean {
  const end = clauseEndFrom(out, start);
  for (let i = start; i < end; i++) {
    const first = coreOf(out[i]!);
    for (const phrase of lex.catchAllClauses) {
      if (phrase[0] === first && phrase.every((w, k) => i + k < end && coreOf(out[i + k]!) === w)) return true;
    }
  }
  return false;
}

/**
 * Index of a verb that opens a second predicate of the first clause after "and" ("Designed file systems
 * and maintained client files"), or -1. Only where the words before "and" hold no preposition,
 * subordinator, "to" or punctuation: "to encourage and assist", "on shipping statuses and expedited
 * orders" are not new predicates. The verb has the form of the clause's opening verb.
 */
function andPredicateAt(out: readonly string[], lex: RewriteLexicon): number {
  const leadAt = leadAdverbAt(out, lex);
  const lead = lex.forms.get(coreOf(out[leadAt] ?? ''));
  if (!lead) return -1;
  // "and" + verb opens a predicate only while no preposition, "to" or punctuation came before it.
  let plain = true;
  for (let i = leadAt + 1; i + 1 < out.length; i++) {
    const t = out[i]!;
    if (t === 'and') {
      // "and support staff": a verb that is also a noun counts only before a determiner.
      if (plain && isVerbOf(out[i + 1], out[i + 2], lead.form, lex)) return i + 1;
      continue;
    }
    // The scan runs to the clause end: only cheap tests on every token (no subordinator is longer than
    // "although," and the token memo is consulted only where one could be).
    if (t.endsWith(';') || (t.length <= 9 && SUBORDINATORS.has(coreOf(t)))) return -1;
    // "Coordinated daily operations, addressed and resolved complaints", "Determined promotions, and
    // terminated employees": a verb of the lead's form after a comma (or ", and") opens a predicate.
    if (t.endsWith(',')) {
      const at = out[i + 1] === 'and' ? i + 2 : i + 1;
      if (isVerbOf(out[at], out[at + 1], lead.form, lex)) return at;
    }
    if (plain) {
      const tok = splitTok(t);
      if (tok.post || tok.pre || PREPOSITIONS.has(tok.lc) || !tok.word) plain = false;
    }
  }
  return -1;
}

/** A lower-case verb in `form` at `v` (not an -ing form, an activity noun or, before no determiner, a noun-like verb). */
function isVerbOf(v: string | undefined, after: string | undefined, form: string, lex: RewriteLexicon): boolean {
  // The forms are keyed by lower-case words: a capitalized or punctuated token finds none.
  const f = v === undefined ? undefined : lex.forms.get(v);
  return !!f && f.form === form && f.form !== 'gerund' && !lex.nounGerunds.has(v!) && (!lex.nounLikeVerbs.has(f.base) || DETERMINERS.has(coreOf(after ?? '')));
}

/**
 * 1 when the clause opens with a manner adverb before its verb ("Correctly received orders"), else 0:
 * an -ly word that is no verb, followed by a verb form that is not an -ing form.
 */
export function leadAdverbAt(tokens: readonly string[], lex: RewriteLexicon, start = 0): number {
  const a = tokens[start];
  const v = tokens[start + 1];
  // endsWith first: the Unicode test is the slow part, and most first words do not end in "ly".
  if (a === undefined || v === undefined || !a.endsWith('ly') || !/^\p{L}\p{Ll}+ly$/u.test(a) || lex.forms.has(coreOf(a))) return 0;
  const f = isWord(v) && !splitTok(v).pre && /^\p{Ll}/u.test(v) ? lex.forms.get(coreOf(v)) : undefined;
  return f && f.form !== 'gerund' ? 1 : 0;
}

/** Index after the clause that starts at `start`: the token closing with ";" or the end. */
function clauseEndFrom(out: readonly string[], start: number): number {
  for (let i = start; i < out.length; i++) if (out[i]!.endsWith(';')) return i + 1;
  return out.length;
}

/** A count slot in the clause at `start`, inserted in `out` (mutated); undefined when none fits. */
function countSlot(out: string[], clauseStart: number, lex: RewriteLexicon): Placed | undefined {
  const clauseEnd = clauseEndFrom(out, clauseStart);
  const start = clauseStart + leadAdverbAt(out, lex, clauseStart);
  const leadForm = lex.forms.get(coreOf(out[start]!))?.form;
  let j = start + 1;
  // Skip coordinated verbs: "Coached and mentored [N] agents", "Documented, researched and resolved".
  const sameForm = (raw: string | undefined) => raw !== undefined && isWord(raw) && lex.forms.get(coreOf(raw))?.form === leadForm;
  for (;;) {
    const prevPost = splitTok(out[j - 1]!).post;
    if (j + 1 < clauseEnd && isConnector(out[j]!) && (prevPost === '' || prevPost === ',') && sameForm(out[j + 1])) j += 2;
    else if (j < clauseEnd && prevPost === ',' && sameForm(out[j]) && lex.forms.has(coreOf(out[j - 1]!))) j += 1;
    else break;
  }
  // "Set up [N] recruitment events", "Filled out [N] applications": the particle belongs to the verb.
  if (j + 1 < clauseEnd && PARTICLES.has(out[j]!) && !splitTok(out[j - 1]!).post) j++;
  if (j >= clauseEnd || splitTok(out[j - 1]!).post) return undefined;
  const people = lex.countSlots.find((s) => s.id === 'people-led');
  // "Led a team to ..." -> "Led a team of [N] to ...": the size of the team is the question.
  if (people && coreOf(out[j]!) === 'a' && coreOf(out[j + 1] ?? '') === 'team' && j + 1 < clauseEnd && splitTok(out[j + 1]!).pre === '') {
    const teamTok = splitTok(out[j + 1]!);
    const after = out[j + 2];
    const closes = teamTok.post !== '' || after === undefined || isConnector(after) || SUBORDINATORS.has(coreOf(after)) || (PREPOSITIONS.has(coreOf(after)) && coreOf(after) !== 'of');
    if (closes && /^[,;:.]?$/.test(teamTok.post)) {
      out.splice(j + 1, 1, out[j + 1]!.slice(0, out[j + 1]!.length - teamTok.post.length), 'of', people.token + teamTok.post);
      return { token: people.token, question: people.question, rule: `slot:${people.id}`, from: '', to: `of ${people.token}` };
    }
  }
  const teamOf = ['a', 'team', 'of'];
  if (teamOf.every((w, k) => coreOf(out[j + k] ?? '') === w)) j += 3;
  else if (coreOf(out[j] ?? '') === 'team' && coreOf(out[j + 1] ?? '') === 'of') j += 2;
  // "multiple projects": the slot replaces the vague count instead of standing before it.
  const vague = j < clauseEnd && isWord(out[j]!) && !splitTok(out[j]!).post && lex.vagueCounts.has(coreOf(out[j]!)) && /^\p{Ll}/u.test(out[j]!);
  const from = vague ? j + 1 : j;
  // Up to three plain modifiers may stand before the counted noun: "[N] insurance claims", "[N] new desktop support technicians".
  // A capitalized modifier is a name the writer wrote ("[N] Service Desk requests"); the slot stays before it.
  const modifier = (raw: string | undefined) =>
    raw !== undefined &&
    (/^\p{Ll}[\p{Ll}-]*$/u.test(raw) || (/^\p{Lu}\p{Ll}[\p{Ll}-]*$/u.test(raw) && !FUNCTION_WORDS.has(raw.toLowerCase())) || /^\p{Lu}{2,5}$/u.test(raw)) &&
    !isConnector(raw) &&
    !PREPOSITIONS.has(raw) &&
    (!DETERMINERS.has(raw) || MODIFIER_DETERMINERS.has(raw)) &&
    !NOT_MODIFIERS.has(raw) &&
    !lex.vagueCounts.has(raw);
  const phraseAt = (at: number, phrase: string[]) =>
    phrase.every((w, k) => {
      const raw = out[at + k];
      return (
        raw !== undefined &&
        at + k < clauseEnd &&
        coreOf(raw) === w &&
        splitTok(raw).pre === '' &&
        (k === phrase.length - 1 || splitTok(raw).post === '')
      );
    });
  // The phrase must end the noun phrase: "[N] employees engaged in", not "[N] staff meetings".
  const endsPhrase = (at: number, phrase: string[]) => {
    const lastRaw = out[at + phrase.length - 1];
    const after = out[at + phrase.length];
    // "[N] out-sourced staff, suppliers, budget": the noun heads a list, and one count cannot cover it.
    // "close out [N] files, records, and report": a counted noun after the comma is the list's next item,
    // though "records" is also a verb form.
    if (lastRaw !== undefined && /^,/.test(splitTok(lastRaw).post) && after !== undefined && (!lex.forms.has(coreOf(after)) || slotsByFirst(lex).has(coreOf(after)))) {
      return false;
    }
    return (
      lastRaw !== undefined &&
      (/^[,;:.)]/.test(splitTok(lastRaw).post) ||
        after === undefined ||
        isConnector(after) ||
        PREPOSITIONS.has(coreOf(after)) ||
        (/(ing|ed)$/.test(coreOf(after)) && !lex.nounGerunds.has(coreOf(after))) ||
        ['who', 'that', 'per', 'daily', 'weekly', 'each', 'while', 'when'].includes(coreOf(after)) ||
        // "[N] customer calls effectively": an adverb after the noun ends its phrase.
        (/^\p{Ll}+ly$/u.test(after) && !/(ily|ply)$/.test(after) && !lex.forms.has(coreOf(after))))
    );
  };
  // The counted noun at `start` (after at most three modifiers); the slot goes before the modifiers.
  // A third modifier ("[N] new desktop support technicians") only where none of the three names people
  // who could be the verb's own object: "Offered parents detailed daily reports" is no "[N] parents ...".
  const nounAt = (start: number): [slot: RewriteLexicon['countSlots'][number], at: number, length: number] | undefined => {
    for (let skip = 0; skip <= 3; skip++) {
      if (skip > 0 && !modifier(out[start + skip - 1])) break;
      if (skip === 3 && [0, 1, 2].some((k) => lex.guidedPeople.has(coreOf(out[start + k]!)))) break;
      const at = start + skip;
      // phraseAt fails unless the phrase starts with this word: compare it before the full check.
      const atCore = out[at] === undefined ? undefined : coreOf(out[at]);
      const candidates = atCore === undefined ? undefined : slotsByFirst(lex).get(atCore);
      for (const [s, phrase] of candidates ?? []) if (phraseAt(at, phrase) && endsPhrase(at, phrase)) return [s, at, phrase.length];
    }
    return undefined;
  };
  // "[N] cash and credit payments", "[N] software and hardware issues": two modifiers joined by "and"
  // before a modified counted noun (the word before "and" is no counted noun or verb: not a list).
  const pairedAt = (at: number) => {
    const m1 = out[at];
    if (out[at + 1] !== 'and' || !modifier(m1) || !/^\p{Ll}/u.test(m1!) || lex.forms.has(coreOf(m1!)) || slotsByFirst(lex).has(coreOf(m1!))) return undefined;
    // "appreciation and invited customers": a verb after "and" opens a predicate, not a modifier.
    // An -ed word there is most often a verb the lexicon does not know ("and invited customers"), and an
    // abstract noun before "and" ("appreciation and ...") is no modifier of what follows.
    const m2 = coreOf(out[at + 2] ?? '');
    if (lex.forms.has(m2) || m2.endsWith('ed') || /(tion|ment|ness|ance|ence)$/.test(coreOf(m1!))) return undefined;
    const hit = nounAt(at + 2);
    return hit && hit[1] > at + 2 ? hit : undefined;
  };
  const direct = nounAt(from) ?? pairedAt(from);
  // "Rang up customers", "Assisted passengers while boarding": walk-in people bare after a particle or
  // before "while/when" read as padding, as they do after a preposition.
  if (direct && direct[1] === from && direct[2] === 1 && lex.paddingAfterPreposition.has(coreOf(out[from]!))) {
    const after = coreOf(out[from + 1] ?? '');
    if (PARTICLES.has(coreOf(out[j - 1]!)) || after === 'while' || after === 'when') return undefined;
  }
  if (direct) {
    const [s] = direct;
    const rule = `slot:${s.id}`;
    if (vague) {
      const was = out[j]!;
      out[j] = s.token;
      return { token: s.token, question: s.question, rule, from: was, to: s.token };
    }
    out.splice(j, 0, s.token);
    return { token: s.token, question: s.question, rule, from: '', to: s.token };
  }
  if (vague) return undefined;
  const volume = volumeSlot(out, j, clauseEnd, lex);
  if (volume) return volume;
  // "Provided process training to [N] new hires", "Managed the daily schedule for [N] physicians": the
  // people or work the verb served, after "to", "for" or "with" within the first words of the object.
  // Its early exits end this scan only; the vague count below is tried after it.
  served: for (let k = j; k < Math.min(clauseEnd - 1, j + 5); k++) {
    const raw = out[k]!;
    const c = coreOf(raw);
    if (SERVED_PREPOSITIONS.has(c) && raw === c) {
      // "Worked to retain customers": "to" before a verb is an infinitive, not a preposition.
      const after = out[k + 1]!;
      if (c === 'to' && lex.forms.get(coreOf(after))?.form === 'base' && !lex.nounGerunds.has(coreOf(after))) break served;
      const hit = nounAt(k + 1);
      if (!hit || hit[1] - (k + 1) > 1) break served;
      // "packaged take-out foods for [N] customers" reads as padding: walk-in customers are no scope
      // unless the writer qualified them ("for [N] new customers", "for [N] corporate clients").
      if (hit[1] === k + 1 && hit[2] === 1 && lex.paddingAfterPreposition.has(coreOf(out[k + 1]!))) break served;
      // "referred grievances to [N] designated departments": a count of sites is not what was served.
      if (hit[0].id === 'sites') break served;
      // "with team members and management": one count cannot cover a list.
      const afterNoun = out[hit[1] + hit[2]];
      if (afterNoun !== undefined && isConnector(afterNoun)) break served;
      const [s] = hit;
      out.splice(k + 1, 0, s.token);
      return { token: s.token, question: s.question, rule: `slot:${s.id}`, from: '', to: `${c} ${s.token}` };
    }
    if (!isWord(raw) || splitTok(raw).post || splitTok(raw).pre || PREPOSITIONS.has(c) || SUBORDINATORS.has(c) || isConnector(raw) || NOT_SERVED.has(c)) break served;
  }
  // "for several multimillion-dollar projects", "the needs of multiple customers": a vague count further
  // into the clause is a question too, and the slot takes its place (the writer's own count word goes).
  for (let k = j; k + 1 < clauseEnd; k++) {
    const raw = out[k]!;
    if (raw.length > 8 || !lex.vagueCounts.has(raw)) continue;
    // "using various programs": the tools are no scope of the work.
    if (INSTRUMENT_WORDS.has(out[k - 1]!)) continue;
    const hit = nounAt(k + 1) ?? pairedAt(k + 1);
    if (!hit || hit[0].id === 'sites') continue;
    const [s] = hit;
    out[k] = s.token;
    return { token: s.token, question: s.question, rule: `slot:${s.id}`, from: raw, to: s.token };
  }
  return undefined;
}

/**
 * "Managed a high volume of inbound calls" -> "... inbound calls ([N] per day)", "Managed high call
 * volume ([N] per day) with tact": the writer called the volume high; the number is the question.
 * The volume phrase must open the object (at `j`); the slot follows its noun phrase.
 */
function volumeSlot(out: string[], j: number, clauseEnd: number, lex: RewriteLexicon): Placed | undefined {
  const v = lex.volumeSlot;
  let k = coreOf(out[j] ?? '') === 'a' ? j + 1 : j;
  const adjective = out[k];
  if (adjective === undefined || !v.adjectives.has(coreOf(adjective)) || splitTok(adjective).post) return undefined;
  const isVolume = (raw: string | undefined) => raw !== undefined && /^volumes?$/.test(coreOf(raw));
  let end: number;
  if (coreOf(adjective).endsWith('-volume') || isVolume(out[k + 1])) {
    // "a high-volume of X", "a high volume of X": the slot follows X.
    k += coreOf(adjective).endsWith('-volume') ? 1 : 2;
    if (coreOf(out[k] ?? '') !== 'of' || splitTok(out[k - 1]!).post) return undefined;
    end = volumeEnd(out, k + 1, clauseEnd, lex);
    if (end <= k + 1) return undefined;
  } else if (isVolume(out[k + 2]) && !splitTok(out[k + 1]!).post && /^\p{Ll}+$/u.test(out[k + 1]!)) {
    // "high call volume": the slot follows "volume".
    end = k + 3;
  } else {
    return undefined;
  }
  if (end > clauseEnd) return undefined;
  const last = out[end - 1]!;
  const { post } = splitTok(last);
  if (/[)"”]/.test(post)) return undefined;
  const unit = v.unit.split(' ');
  out[end - 1] = last.slice(0, last.length - post.length);
  const token = '[N]';
  out.splice(end, 0, `(${token}`, ...unit.slice(0, -1), `${unit.at(-1)!})${post}`);
  return { token, question: v.question, rule: 'slot:volume', from: '', to: `(${token} ${v.unit})` };
}

/**
 * Index after the noun phrase of a volume ("of inbound and outbound calls"): it ends before a
 * preposition or subordinator, or after a token closing with punctuation, when what follows is no
 * further item of a list ("calls, and concluded ..." ends at "calls,", "calls and resolved ..." before
 * "and"; "calls, emails and chats" gives -1: one count cannot cover the list).
 */
function volumeEnd(out: readonly string[], k: number, clauseEnd: number, lex: RewriteLexicon): number {
  for (let i = k; i < clauseEnd; i++) {
    const t = out[i]!;
    const c = coreOf(t);
    if (!isWord(t)) return -1;
    if (i > k && (PREPOSITIONS.has(c) || SUBORDINATORS.has(c) || AFTER_OBJECT.has(c))) return i;
    if (isConnector(t) && lex.forms.has(coreOf(out[i + 1] ?? ''))) return i > k ? i : -1;
    if (splitTok(t).post) {
      const next = out[i + 1];
      if (next === undefined) return i + 1;
      const after = out[i + 2];
      const verbNext = after !== undefined && (lex.forms.has(coreOf(after)) || /^\p{Ll}+ed$/u.test(after));
      return splitTok(t).post === ',' && !(isConnector(next) && verbNext) ? -1 : i + 1;
    }
  }
  return clauseEnd;
}

/**
 * Index after the object that starts at `k`: it ends before a preposition other than "of", a
 * subordinator, "while"/"resulting"..., "and" before a verb, or after a token closing with punctuation.
 */
function objectEnd(out: readonly string[], k: number, end: number, lex: RewriteLexicon): number {
  for (let i = k; i < end; i++) {
    const t = out[i]!;
    const c = coreOf(t);
    if (i > k && ((PREPOSITIONS.has(c) && c !== 'of') || SUBORDINATORS.has(c) || AFTER_OBJECT.has(c))) return i;
    if (i > k && isConnector(t)) {
      const next = out[i + 1];
      const f = next === undefined ? undefined : lex.forms.get(coreOf(next));
      // "and increase employee satisfaction": a new verb, so the object ended; "and integrity" goes on.
      if (next === undefined || (f && !lex.nounLikeVerbs.has(f.base) && !lex.nounGerunds.has(coreOf(next)))) return i;
    }
    if (!isWord(t) && !/^[\p{L}[]/u.test(t)) return i;
    // "acceptance of topics presented by ...": a participle after the noun; "by [X%]" would read as its
    // agent, so no slot.
    if (i > k && lex.forms.get(c)?.form === 'past' && !lex.nounLikeVerbs.has(lex.forms.get(c)!.base)) return k;
    const post = splitTok(t).post;
    // "the accuracy, efficiency and responsiveness": a comma inside a list of nouns does not end it.
    if (post === ',' && out[i + 1] !== undefined && isWord(out[i + 1]!) && /^\p{Ll}/u.test(out[i + 1]!) && !lex.forms.has(coreOf(out[i + 1]!))) continue;
    if (post !== '') return i + 1;
  }
  return end;
}

const BY_FIRST = new WeakMap<RewriteLexicon, Map<string, [RewriteLexicon['countSlots'][number], string[]][]>>();
/** Count slot phrases by their first word, in lexicon order (slot order, then longest phrase first). */
function slotsByFirst(lex: RewriteLexicon) {
  let m = BY_FIRST.get(lex);
  if (!m) {
    m = new Map();
    for (const s of lex.countSlots) {
      for (const phrase of s.phrases) {
        const list = m.get(phrase[0]!) ?? [];
        list.push([s, phrase]);
        m.set(phrase[0]!, list);
      }
    }
    BY_FIRST.set(lex, m);
  }
  return m;
}

/** True when the object out[k..e) names something with a measure ("error rates", "costs"; not "quality" of photos). */
function namesMeasure(out: readonly string[], k: number, e: number, lex: RewriteLexicon): boolean {
  const { measures, measuresWhenModified } = lex.outcomeSlot;
  for (let i = k; i < e; i++) {
    const c = coreOf(out[i]!);
    if (measures.has(c)) return true;
    const before = i > k ? coreOf(out[i - 1]!) : '';
    if (measuresWhenModified.has(c) && before && !DETERMINERS.has(before) && !isConnector(out[i - 1]!) && !splitTok(out[i - 1]!).post) return true;
  }
  return false;
}

/** Puts "by [X%]" after the object that ends before `e` (mutates `out`); false when it reads wrong there. */
function insertBy(out: string[], k: number, e: number, lex: RewriteLexicon): boolean {
  if (e <= k || !namesMeasure(out, k, e, lex)) return false;
  const next = out[e];
  if (next !== undefined && coreOf(next) === 'by') return false;
  const last = out[e - 1]!;
  const { post } = splitTok(last);
  if (/[)"”]/.test(post) || DETERMINERS.has(coreOf(last)) || PREPOSITIONS.has(coreOf(last)) || isConnector(last)) return false;
  out[e - 1] = last.slice(0, last.length - post.length);
  out.splice(e, 0, 'by', lex.outcomeSlot.token + post);
  return true;
}

/** The outcome slot(s) for the bullet, inserted in `out` (mutated); undefined when it has none. */
function outcomeSlot(out: string[], verb: string | undefined, lex: RewriteLexicon): Placed[] | undefined {
  const o = lex.outcomeSlot;
  const byX = (): Placed[] => [{ token: o.token, question: o.question, rule: 'slot:outcome', from: '', to: `by ${o.token}` }];
  const firstEnd = clauseEndFrom(out, 0);
  // The lead verb is the improvement: "Improved customer satisfaction by [X%]".
  if (verb !== undefined && o.verbs.has(verb)) {
    let k = 1 + leadAdverbAt(out, lex);
    while (k < firstEnd && !OBJECT_STOPS.has(coreOf(out[k]!)) && !/[,;:]$/.test(out[k]!)) k++;
    const stop = k < firstEnd ? coreOf(out[k]!) : '';
    if (k < firstEnd && /[,;:]$/.test(out[k]!) && !OBJECT_STOPS.has(stop)) k++;
    else if (stop === 'and') return undefined;
    if (k > 1 + leadAdverbAt(out, lex) && stop !== 'by' && namesMeasure(out, 1 + leadAdverbAt(out, lex), k, lex)) {
      const last = out[k - 1]!;
      const { post } = splitTok(last);
      out[k - 1] = last.slice(0, last.length - post.length);
      out.splice(k, 0, 'by', o.token + post);
      return byX();
    }
    return undefined;
  }
  for (let i = 1; i < out.length - 1; i++) {
    const t = out[i]!;
    const prev = out[i - 1]!;
    // Raw comparisons first: this runs for every token of every bullet, and "that", "in" are written
    // without punctuation. Every form below follows one of these words or a comma.
    if (!AFTER_WORDS.has(prev) && !prev.endsWith(',')) continue;
    const f = isWord(t) && /^\p{Ll}/u.test(t) ? lex.forms.get(coreOf(t)) : undefined;
    // ", reducing costs", "thereby reducing costs": a result the bullet states. A purpose ("to improve
    // data quality") is an aim, not a result: a size asked of it reads as a measured result the writer
    // never claimed (a blind reader marked 5 such slots as changed facts, eval after3), so it gets none.
    const participle = f?.form === 'gerund' && (/,$/.test(prev) || coreOf(prev) === 'thereby') && o.verbs.has(f.base);
    if (participle) {
      const end = clauseEndFrom(out, i);
      return insertBy(out, i + 1, objectEnd(out, i + 1, end, lex), lex) ? byX() : undefined;
    }
    // "spreadsheets that improved reporting accuracy": a result the bullet states.
    const relative = f?.form === 'past' && (coreOf(prev) === 'that' || coreOf(prev) === 'which') && o.verbs.has(f.base);
    if (relative) {
      const end = clauseEndFrom(out, i);
      return insertBy(out, i + 1, objectEnd(out, i + 1, end, lex), lex) ? byX() : undefined;
    }
    // "resulting in increased sales" -> "resulting in a [X%] increase in sales".
    const noun = isWord(t) && !splitTok(t).post ? o.resultNouns.get(t) : undefined;
    const lead = coreOf(out[i - 2] ?? '');
    const says = (coreOf(prev) === 'in' && lead === 'resulting') || (coreOf(prev) === 'to' && (lead === 'leading' || lead === 'led'));
    // "resulting in improvement of GES scores" -> "resulting in a [X%] improvement of GES scores".
    const resultNoun = says && !splitTok(t).post && o.statedResults.has(t) && (out[i + 1] === 'of' || out[i + 1] === 'in');
    if (resultNoun && namesMeasure(out, i + 2, objectEnd(out, i + 2, clauseEndFrom(out, i), lex), lex)) {
      out.splice(i, 0, 'a', o.token);
      return [{ token: o.token, question: o.question, rule: 'slot:outcome', from: t, to: `a ${o.token} ${t}` }];
    }
    if (noun && says && isWord(out[i + 1]!) && /^\p{Ll}/u.test(out[i + 1]!) && namesMeasure(out, i + 1, objectEnd(out, i + 1, clauseEndFrom(out, i), lex), lex)) {
      out.splice(i, 1, 'a', o.token, noun, 'in');
      return [{ token: o.token, question: o.question, rule: 'slot:outcome', from: t, to: `a ${o.token} ${noun} in` }];
    }
  }
  // "Streamlined the intake process, cutting [metric] by [X%]": the object is not the measure.
  // The first clause's words are read only for a streamlining verb (most bullets have another).
  const streamlining = verb !== undefined && o.metric.verbs.has(verb);
  const firstClause = streamlining ? out.slice(0, firstEnd).map(coreOf) : [];
  if (streamlining && firstClause.some((c) => o.metric.objects.has(c)) && !firstClause.some((c) => OUTCOME_WORDS.has(c))) {
    const lastIdx = firstEnd - 1;
    const last = out[lastIdx]!;
    const { post } = splitTok(last);
    if (lastIdx < 1 || /[)"”]/.test(post)) return undefined;
    out[lastIdx] = `${last.slice(0, last.length - post.length)},`;
    out.splice(lastIdx + 1, 0, o.metric.lead, o.metric.token, 'by', o.token + post);
    return [
      { token: o.metric.token, question: o.metric.question, rule: 'slot:outcome-metric', from: '', to: `${o.metric.lead} ${o.metric.token}` },
      { token: o.token, question: o.question, rule: 'slot:outcome', from: '', to: `by ${o.token}` },
    ];
  }
  return undefined;
}
