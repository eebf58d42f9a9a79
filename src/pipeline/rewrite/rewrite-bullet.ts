// Rewrites one resume bullet so a PM hiring manager sees the project work in it, without new facts.
// Heuristic: replace a weak opener with a verb that fits the object (or keep the writer's own verb),
// align tense, translate customer-service terms from data/, add visible [N]/[X%] slots where a
// number is missing. Every edit only moves, drops or re-inflects the writer's words or inserts
// lexicon words that carry no digit, proper noun or tool. Limits: no parser; glued sentences
// without a period and noun-only bullets are left as they are.
import type { Evidence, Rewrite } from '../../schemas/analysis.js';
import { type ResumeDocument, WORK_SECTIONS } from '../../schemas/document.js';
import type { RewriteLexicon, VerbForm } from '../../taxonomy/load-lexicon.js';
import { NON_ASCII, scoreBullet } from './score-bullet.js';

export type Tense = 'past' | 'present';
export interface RewriteContext {
  /** past for past roles, present for the current role. */
  tense: Tense;
  /** Competencies the analyzer found on this bullet, most relevant first. */
  competencyIds?: string[];
}
export interface RewriteChange {
  rule: string;
  from: string;
  to: string;
}
export interface RewriteSlot {
  token: string;
  question: string;
}
export interface BulletRewrite {
  original: string;
  rewrite: string;
  competencyIds: string[];
  changes: RewriteChange[];
  slots: RewriteSlot[];
  scoreBefore: number;
  scoreAfter: number;
}

/** Bullets longer than this are tidied and graded but not restructured (pathological input). */
const MAX_RESTRUCTURE = 2000;
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
const CONNECTORS = new Set(['and', '&', 'or']);
const DETERMINERS = new Set(['the', 'a', 'an', 'all', 'any', 'each', 'every', 'various', 'multiple', 'new', 'their', 'our', 'its', 'daily', 'weekly', 'monthly']);
const PREPOSITIONS = new Set(['of', 'for', 'in', 'on', 'with', 'at', 'to', 'from', 'by', 'as', 'per', 'up']);
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'as',
  'and',
  'also',
  'in',
  'on',
  'with',
  'for',
  'to',
  'by',
  'from',
  'this',
  'these',
  'all',
  'each',
  'other',
  'our',
  'my',
  'their',
  'its',
  'while',
  'through',
  'when',
  'then',
  'later',
]);
const OBJECT_STOPS = new Set([
  'by',
  'through',
  'via',
  'while',
  'resulting',
  'which',
  'thereby',
  'leading',
  'to',
  'using',
  'in',
  'across',
  'from',
  'within',
  'for',
  'at',
  'during',
  'and',
  'with',
]);
const BULLET_GLYPH =
  /^(?:[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219\u27a2\u27a4\u2192\u00b7*>]|[-\u2013\u2014o](?=\s))\s*/u;

interface Tok {
  pre: string;
  core: string;
  post: string;
  /** `core` lower-cased. */
  lc: string;
  /** The raw token passes WORD_TOKEN (see isWord). */
  word: boolean;
}

const LEADING_NON_WORD = /^[^\p{L}\p{N}]*/u;
const TRAILING_NON_WORD = /[^\p{L}\p{N}]*$/u;
// Tokens repeat across bullets ("and", "customer", "calls,"): a bounded memo keeps the per-token
// regex work off the hot path. Results are frozen values of the input alone, so output is unchanged.
const TOK_MEMO = new Map<string, Tok>();
const TOK_MEMO_MAX = 20_000;
/** A token that is one word made of letters (hyphens allowed) with at most trailing punctuation. */
const WORD_TOKEN = /^[\p{L}][\p{L}'’-]*[,;:.]?$/u;

function splitTok(raw: string): Tok {
  const hit = TOK_MEMO.get(raw);
  if (hit) return hit;
  const pre = LEADING_NON_WORD.exec(raw)![0];
  const rest = raw.slice(pre.length);
  const post = rest === '' ? '' : TRAILING_NON_WORD.exec(rest)![0];
  const core = rest.slice(0, rest.length - post.length);
  const tok = Object.freeze({ pre, core, post, lc: core.toLowerCase(), word: WORD_TOKEN.test(raw) });
  if (TOK_MEMO.size >= TOK_MEMO_MAX) TOK_MEMO.clear();
  TOK_MEMO.set(raw, tok);
  return tok;
}
function someIn(wanted: Set<string>, words: Set<string>): boolean {
  for (const w of wanted) if (words.has(w)) return true;
  return false;
}
const lower = (s: string) => s.toLowerCase();
/** `s.split(' ').filter(Boolean)`; the filter pass only when there is an empty piece to drop. */
function splitSpaces(s: string): string[] {
  const parts = s.split(' ');
  return parts.includes('') ? parts.filter(Boolean) : parts;
}
// Shares the token memo: one lookup instead of a second map.
const isWord = (raw: string): boolean => splitTok(raw).word;
const coreOf = (raw: string) => splitTok(raw).lc;
// Connectors have at most 3 letters and toLowerCase never shortens a string, so longer tokens
// ("and," is 4) cannot be one: skip the replace and lower-casing for them.
const isConnector = (raw: string) => raw.length <= 4 && CONNECTORS.has(lower(raw.replace(/,$/, '')));
/** Title-case lines ("Training & Administration Manager") are headings, not sentences. */
function looksLikeTitle(tokens: string[]): boolean {
  const words = tokens.filter((t) => /^\p{L}/u.test(t));
  const caps = words.filter((t) => /^\p{Lu}/u.test(t)).length;
  return words.length >= 2 && caps / words.length >= 0.6 && !tokens.some((t) => /[.;]$/.test(t));
}

function verbIn(base: string, tense: Tense, lex: RewriteLexicon): string {
  const forms = lex.verbs.get(base);
  if (!forms) return base;
  const wanted = tense === 'past' ? forms.past : forms.base;
  // "excel" capitalized reads as the tool: fall back to the other tense rather than name a product.
  return isProtected(wanted, lex) ? (tense === 'past' ? forms.base : forms.past) : wanted;
}

function isProtected(word: string, lex: RewriteLexicon): boolean {
  return lex.protectedLower.has(lower(word));
}

function capitalize(s: string): string {
  // Only where upper case maps one letter to one letter and back ("ᾀ" would become two letters).
  return s.replace(/^\p{Ll}/u, (c) => (c.toUpperCase().length === 1 && c.toUpperCase().toLowerCase() === c ? c.toUpperCase() : c));
}

/**
 * `s.replace(/[...]+$/u, '')` where `charClass` is `/[...]/`, one character of that class: the
 * anchored pattern is tried from every position of the string, while the run it removes is found by
 * walking back from the end. The classes used hold BMP characters only, so testing one UTF-16 unit
 * at a time is the same as testing code points.
 */
function stripTrailing(s: string, charClass: RegExp): string {
  let end = s.length;
  while (end > 0 && charClass.test(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}
const PUNCT_OR_SPACE = /[\s.;,:]/;
const stripTrailingPunct = (s: string) => stripTrailing(s, PUNCT_OR_SPACE);
const SPACE_OR_PERIOD = /[\s.]/;

/** Removes mojibake, glyphs and stray spacing. Never touches digits or their separators. */
function tidy(text: string): string {
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

/** Splits at ". X" (or ".X") between sentences; keeps abbreviations and decimals intact. */
function splitSentences(text: string): string[] {
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

interface ClauseResult {
  tokens: string[];
  /** Base of the verb the clause now opens with, if any. */
  verb?: string;
}

function matchOpener(tokens: string[], lex: RewriteLexicon) {
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
    if (ok) return o;
  }
  return undefined;
}

function objectVerb(rest: string[], ctx: RewriteContext, lex: RewriteLexicon): string | undefined {
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
function nominalization(rest: string[], lex: RewriteLexicon): [string, number] | undefined {
  const i = coreOf(rest[0] ?? '') === 'the' ? 1 : 0;
  const noun = rest[i];
  if (!noun || !isWord(noun) || splitTok(noun).post || coreOf(rest[i + 1] ?? '') !== 'of') return undefined;
  const verb = lex.nominalizations.get(coreOf(noun));
  return verb ? [verb, i + 2] : undefined;
}

function rewriteClause(
  clause: string,
  ctx: RewriteContext,
  lex: RewriteLexicon,
  changes: RewriteChange[],
): ClauseResult {
  const tokens = splitSpaces(clause);
  while (tokens.length > 1 && isWord(tokens[0]!) && lex.leadFillers.has(coreOf(tokens[0]!))) {
    changes.push({ rule: 'drop-filler', from: tokens.shift()!, to: '' });
  }
  if (tokens.length === 0) return { tokens };

  const opener = matchOpener(tokens, lex);
  let verb: string | undefined;
  let extra: string[] = [];
  let rest: string[];
  let verbPost = '';
  // The form the writer used for the verbs that follow (for coordinated verbs: "X-ed and Y-ed").
  let chainForm: VerbForm | undefined;

  if (opener) {
    const used = tokens.slice(0, opener.words.length);
    const lastPost = splitTok(used.at(-1)!).post.replace(/:$/, '');
    rest = tokens.slice(opener.words.length);
    // "Ability to quickly assess": the adverb would stand between the new verb and its object.
    if (rest.length > 1 && /^\p{Ll}+ly$/u.test(rest[0]!) && lex.forms.has(coreOf(rest[1]!))) {
      changes.push({ rule: 'drop-filler', from: rest.shift()!, to: '' });
    }
    const r0 = rest[0];
    // "billing and collections", "training and development staff": an activity noun, not a verb.
    const r1 = rest[1];
    const nounUse =
      r0 !== undefined &&
      lex.nounGerunds.has(coreOf(r0)) &&
      (splitTok(r0).post !== '' || !r1 || isConnector(r1) || PREPOSITIONS.has(coreOf(r1)));
    const r0Form = r0 && isWord(r0) && !nounUse ? lex.forms.get(coreOf(r0)) : undefined;
    const nom = nominalization(rest, lex);
    chainForm = lex.forms.get(coreOf(used[0]!))?.form;
    if (opener.mode === 'replace' || opener.mode === 'skill') {
      verb = opener.verb;
      extra = opener.keep ? opener.keep.split(' ') : [];
    } else if (opener.mode === 'action') {
      const takesBase = opener.words.at(-1) === 'to';
      if (r0 && r0Form && (r0Form.form === 'gerund' || (takesBase && r0Form.form === 'base'))) {
        verb = r0Form.base;
        chainForm = r0Form.form;
        verbPost = splitTok(r0).post;
        rest = rest.slice(1);
      } else if (nom) {
        verb = nom[0];
        rest = rest.slice(nom[1]);
      } else if (opener.nounKeep) {
        // "Proficient at databases" claims a skill, not work done: "Applied proficiency in databases".
        verb = 'apply';
        extra = opener.nounKeep.split(' ');
      } else {
        verb = objectVerb(rest, ctx, lex) ?? opener.verb;
        // "Responsible for scheduling, billing" must not become "Scheduled scheduling, billing".
        const forms = Object.values(lex.verbs.get(verb) ?? {});
        if (rest.slice(0, 8).some((t) => forms.includes(coreOf(t)))) verb = opener.verb;
      }
    } else {
      // support: never claim ownership of work the writer only helped with.
      const helpFamily = opener.words[0]!.startsWith('help');
      const people = rest
        .slice(0, 4)
        .findIndex((t) => lex.guidedPeople.has(coreOf(t)) && isWord(t) && !splitTok(t).post);
      const afterPeople = people >= 0 ? rest[people + 1] : undefined;
      const toSkip = afterPeople && coreOf(afterPeople) === 'to' ? 1 : 0;
      const bareVerb = people >= 0 ? rest[people + 1 + toSkip] : undefined;
      const bareForm = bareVerb && isWord(bareVerb) ? lex.forms.get(coreOf(bareVerb)) : undefined;
      if (r0 && r0Form?.form === 'gerund') {
        verb = 'contribute';
        extra = ['to'];
      } else if (nom) {
        verb = 'contribute';
        extra = ['to'];
      } else if (helpFamily && r0 && r0Form?.form === 'base' && !lex.guidedPeople.has(coreOf(r0))) {
        verb = 'contribute';
        extra = ['to', lex.verbs.get(r0Form.base)!.gerund + splitTok(r0).post];
        rest = rest.slice(1);
      } else if (people >= 0 && bareForm?.form === 'base' && (helpFamily || toSkip)) {
        verb = 'guide';
        rest = [...rest.slice(0, people + 1), 'to', ...rest.slice(people + 1 + toSkip)];
      } else {
        verb = opener.verb;
        if (verb === 'contribute') extra = ['to'];
      }
    }
    const head = [verbIn(verb, ctx.tense, lex) + (extra.length ? '' : verbPost || lastPost), ...extra];
    if (extra.length && (verbPost || lastPost)) head[head.length - 1] += verbPost || lastPost;
    changes.push({
      rule: opener.mode === 'replace' ? 'verb-map' : 'weak-opener',
      from: [...used, ...tokens.slice(opener.words.length, tokens.length - rest.length)].join(' '),
      to: head.join(' '),
    });
    return {
      tokens: convertChain([...head, ...rest], head.length, chainForm, ctx, lex, changes),
      verb,
    };
  }

  const first = tokens[0]!;
  const form = isWord(first) ? lex.forms.get(coreOf(first)) : undefined;
  if (!form || looksLikeTitle(tokens)) return { tokens };
  const second = tokens[1] ?? '';
  // "Program Managing 2 engagements", "Service Delivery for ...": a noun compound, not a verb.
  if (form.form === 'base' && /^\p{Lu}\p{Ll}/u.test(second)) return { tokens };
  // "Scheduling of trainings", "Setting up of": a gerund used as a noun.
  if (form.form === 'gerund' && (coreOf(second) === 'of' || coreOf(tokens[2] ?? '') === 'of'))
    return { tokens };
  const target = verbIn(form.base, ctx.tense, lex);
  const { post } = splitTok(first);
  const out = [...tokens];
  // "Excelled" must not become "Excel": never write a form that reads as a tool or organization.
  if (isProtected(target, lex)) return { tokens };
  if (lower(target) !== coreOf(first)) {
    out[0] = target + post;
    changes.push({ rule: 'tense', from: first, to: out[0] });
  } else {
    out[0] = lower(splitTok(first).core) + post;
  }
  return { tokens: convertChain(out, 1, form.form, ctx, lex, changes), verb: form.base };
}

/**
 * A coordinated gerund is a verb only when its list ends in a gerund that takes an object:
 * "creating, editing and verifying product documentation" yes; "scheduling, billing, and filing"
 * or "complaints and billing inquiries" no.
 */
function gerundIsVerb(out: string[], i: number, lex: RewriteLexicon): boolean {
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
function chainIsContiguous(
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

/** Re-inflects verbs coordinated with the opening one ("Handle cash and tracked ..." -> one tense). */
function convertChain(
  tokens: string[],
  from: number,
  chainForm: VerbForm | undefined,
  ctx: RewriteContext,
  lex: RewriteLexicon,
  changes: RewriteChange[],
): string[] {
  const out = [...tokens];
  const wanted: VerbForm = ctx.tense === 'past' ? 'past' : 'base';
  // After "to", a base form is an infinitive ("to keep clients satisfied and retain business").
  let toSeen = false;
  for (let i = Math.max(from, 1); i < out.length; i++) {
    const raw = out[i]!;
    let prevIdx = i - 1;
    if (prevIdx > 0 && coreOf(out[prevIdx]!).endsWith('ly')) prevIdx--;
    const prev = out[prevIdx]!;
    const joined = isConnector(prev) || /,$/.test(prev);
    if (coreOf(raw) === 'to') toSeen = true;
    if (!joined || !isWord(raw) || /^\p{Lu}/u.test(raw)) continue;
    const f = lex.forms.get(coreOf(raw));
    if (!f) continue;
    // Only words in the same form as the opening verb: "and issues" after "Manage" is a noun.
    if (f.form !== chainForm || f.form === wanted) continue;
    if (f.form === 'gerund' && !gerundIsVerb(out, i, lex)) continue;
    // "-s" and "-ing" forms are also nouns ("files and records"): away from the opening verbs they
    // count as verbs only before a determiner ("and completing the hiring").
    const contiguous = chainIsContiguous(out, from, i, lex, chainForm);
    const nounLike = f.form === 'third' || f.form === 'gerund' || lex.nounLikeVerbs.has(f.base);
    if (nounLike && !contiguous && !DETERMINERS.has(coreOf(out[i + 1] ?? ''))) continue;
    if (f.form === 'base' && wanted === 'past' && (chainForm !== 'base' || toSeen)) continue;
    if (isProtected(verbIn(f.base, ctx.tense, lex), lex)) continue;
    const to = verbIn(f.base, ctx.tense, lex) + splitTok(raw).post;
    changes.push({ rule: 'tense', from: raw, to });
    out[i] = to;
  }
  return out;
}

function applyTermMaps(text: string, lex: RewriteLexicon, changes: RewriteChange[]): string {
  const ascii = !NON_ASCII.test(text);
  // On ASCII text [a-z0-9] is \p{L}\p{N} of the lower-cased text (see asciiRuns in load-lexicon).
  const runs = new Set(text.toLowerCase().match(ascii ? /[a-z0-9]+/g : /[\p{L}\p{N}]+/gu) ?? []);
  // Built only when a map that passed the run checks asks for it.
  let words: Set<string> | undefined;
  const wordsOf = () => (words ??= new Set((text.match(/[\p{L}][\p{L}'-]*/gu) ?? []).map(lower)));
  type Hit = { start: number; end: number; to: string; rule: string };
  const hits: Hit[] = [];
  const taken = (s: number, e: number) => hits.some((h) => s < h.end && e > h.start);
  for (const t of lex.termMaps) {
    if (t.firstRun !== undefined && !runs.has(t.firstRun)) continue;
    if (ascii && !t.asciiRuns.every((r) => runs.has(r))) continue;
    if (t.requiresAny && !someIn(t.requiresAny, wordsOf())) continue;
    if (t.forbidsAny && someIn(t.forbidsAny, wordsOf())) continue;
    // "media inquiries and requests" must not become "requests and requests".
    if (t.present?.test(text)) continue;
    t.pattern.lastIndex = 0;
    for (let m = t.pattern.exec(text); m; m = t.pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      let to = t.to.replaceAll('$0', m[0]);
      if (/^\p{Lu}/u.test(m[0]) && !/^\p{Lu}+$/u.test(m[0])) to = capitalize(to);
      hits.push({ start, end, to, rule: `term-map:${t.id}` });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.start) + h.to;
    at = h.end;
    changes.push({ rule: h.rule, from: text.slice(h.start, h.end), to: h.to });
  }
  return out + text.slice(at);
}

function addSlots(
  tokens: string[],
  verb: string | undefined,
  lex: RewriteLexicon,
  changes: RewriteChange[],
  slots: RewriteSlot[],
): string[] {
  if (!verb) return tokens;
  const out = [...tokens];
  // End of the first clause: the first token closing with ";".
  let clauseEnd = out.findIndex((t) => /;$/.test(t));
  clauseEnd = clauseEnd < 0 ? out.length : clauseEnd + 1;

  // Count slot: right after the opening verb chain ("Trained [N] new hires").
  const leadForm = lex.forms.get(coreOf(out[0]!))?.form;
  let j = 1;
  // Skip coordinated verbs: "Coached and mentored [N] agents".
  while (
    j + 1 < clauseEnd &&
    isConnector(out[j]!) &&
    !splitTok(out[j - 1]!).post &&
    isWord(out[j + 1]!) &&
    lex.forms.get(coreOf(out[j + 1]!))?.form === leadForm
  )
    j += 2;
  const teamOf = ['a', 'team', 'of'];
  if (teamOf.every((w, k) => coreOf(out[j + k] ?? '') === w)) j += 3;
  else if (coreOf(out[j] ?? '') === 'team' && coreOf(out[j + 1] ?? '') === 'of') j += 2;
  // Up to two plain modifiers may stand before the counted noun: "[N] insurance claims".
  const modifier = (raw: string | undefined) =>
    raw !== undefined &&
    /^\p{Ll}[\p{Ll}-]*$/u.test(raw) &&
    !isConnector(raw) &&
    !PREPOSITIONS.has(raw) &&
    !DETERMINERS.has(raw) &&
    !['their', 'his', 'her', 'my', 'our', 'your', 'its', 'other', 'such'].includes(raw);
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
    return (
      lastRaw !== undefined &&
      (/^[,;:.)]/.test(splitTok(lastRaw).post) ||
        after === undefined ||
        isConnector(after) ||
        PREPOSITIONS.has(coreOf(after)) ||
        (/(ing|ed)$/.test(coreOf(after)) && !lex.nounGerunds.has(coreOf(after))) ||
        ['who', 'that', 'per', 'daily', 'weekly', 'each'].includes(coreOf(after)))
    );
  };
  outer: for (let skip = 0; skip <= 2; skip++) {
    if (skip > 0 && !modifier(out[j + skip - 1])) break;
    const at = j + skip;
    // phraseAt fails unless the phrase starts with this word: compare it before the full check.
    const atCore = out[at] === undefined ? undefined : coreOf(out[at]);
    for (const s of lex.countSlots) {
      for (const phrase of s.phrases) {
        if (phrase[0] !== atCore) continue;
        if (phraseAt(at, phrase) && endsPhrase(at, phrase) && j > 0 && j < clauseEnd && !splitTok(out[j - 1]!).post) {
          out.splice(j, 0, s.token);
          clauseEnd++;
          slots.push({ token: s.token, question: s.question });
          changes.push({ rule: `slot:${s.id}`, from: '', to: s.token });
          break outer;
        }
      }
    }
  }

  // Outcome slot: an improvement verb gets "by [X%]" after its object.
  if (lex.outcomeSlot.verbs.has(verb)) {
    let k = 1;
    while (k < clauseEnd && !OBJECT_STOPS.has(coreOf(out[k]!)) && !/[,;:]$/.test(out[k]!)) k++;
    const stop = k < clauseEnd ? coreOf(out[k]!) : '';
    if (k < clauseEnd && /[,;:]$/.test(out[k]!) && !OBJECT_STOPS.has(stop)) k++;
    else if (stop === 'and') return out;
    if (k > 1 && stop !== 'by') {
      const last = out[k - 1]!;
      const { post } = splitTok(last);
      out[k - 1] = last.slice(0, last.length - post.length);
      out.splice(k, 0, 'by', lex.outcomeSlot.token + post);
      slots.push({ token: lex.outcomeSlot.token, question: lex.outcomeSlot.question });
      changes.push({ rule: 'slot:outcome', from: '', to: `by ${lex.outcomeSlot.token}` });
    }
  }
  return out;
}

function finish(tokens: string[], changes: RewriteChange[], lex: RewriteLexicon): string {
  const out: string[] = [];
  // splitTok(out.at(-1)), carried from one token to the next rather than looked up again.
  let prevTok: Tok | undefined;
  for (const t of tokens) {
    const prev = out.at(-1);
    const tok = splitTok(t);
    if (prev && tok.word && prevTok!.word && !prevTok!.post && prevTok!.lc === tok.lc) {
      changes.push({ rule: 'remove-doubled-word', from: `${prev} ${t}`, to: prev });
      out[out.length - 1] = prev + tok.post;
      prevTok = splitTok(out[out.length - 1]!);
      continue;
    }
    out.push(t);
    prevTok = tok;
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
  const firstWord = /^[\p{L}&]+/u.exec(text)?.[0] ?? '';
  return `${isProtected(firstWord, lex) ? text : capitalize(text)}.`;
}

/** Rewrites one bullet. Pure and deterministic: same text, context and lexicon, same result. */
export function rewriteBullet(text: string, context: RewriteContext, lexicon: RewriteLexicon): BulletRewrite {
  const changes: RewriteChange[] = [];
  const slots: RewriteSlot[] = [];
  const competencyIds = [...(context.competencyIds ?? [])];
  const scoreBefore = scoreBullet(text, lexicon).total;
  // Fields in the order of the Rewrite schema, so the JSON reads original -> rewrite -> why.
  const result = (rewrite: string, scoreAfter: number): BulletRewrite => {
    // The opening verb was recorded in lower case; report it as the rewrite shows it.
    const rewriteLc = rewrite.toLowerCase();
    for (const c of changes) {
      if (c.to && rewriteLc.startsWith(c.to.toLowerCase())) c.to = rewrite.slice(0, c.to.length);
    }
    return { original: text, rewrite, competencyIds, changes, slots, scoreBefore, scoreAfter };
  };
  const cleaned = tidy(text);
  if (cleaned !== stripTrailing(text.trim(), SPACE_OR_PERIOD) && cleaned) {
    changes.push({ rule: 'tidy-text', from: text.trim(), to: cleaned });
  }
  if (!cleaned) {
    return result('', scoreBefore);
  }
  if (cleaned.length > MAX_RESTRUCTURE) {
    const rewrite = `${capitalize(cleaned)}.`;
    return result(rewrite, scoreBullet(rewrite, lexicon).total);
  }

  const sentences = splitSentences(cleaned);
  // Clauses after a semicolon get the same treatment as sentences ("...; maintain X" -> "maintained").
  const clauses = sentences.flatMap((s) => (s.includes(';') ? s.split(/;\s+/) : [s])).filter(Boolean);
  const parts: string[][] = [];
  let firstVerb: string | undefined;
  clauses.forEach((s, i) => {
    const r = rewriteClause(s, context, lexicon, changes);
    if (i === 0) firstVerb = r.verb;
    const toks = r.tokens;
    if (i > 0 && toks[0] && isWord(toks[0])) {
      const c = coreOf(toks[0]);
      // Lower-case a sentence start only when it is surely not a name: a verb, a function word,
      // an -ed verb or an -ly adverb written in title case.
      const plainCase = /^\p{Lu}\p{Ll}+$/u.test(splitTok(toks[0]).core);
      if (
        c !== 'i' &&
        (lexicon.forms.has(c) || FUNCTION_WORDS.has(c) || (plainCase && /(ed|ly)$/.test(c) && c.length > 5))
      )
        toks[0] = lower(toks[0]);
    }
    if (toks.length) parts.push(toks);
  });
  if (sentences.length > 1) changes.push({ rule: 'join-sentences', from: '. ', to: '; ' });
  const joined = parts.map((p) => stripTrailingPunct(p.join(' '))).join('; ');
  const mapped = applyTermMaps(joined, lexicon, changes);
  // \p{N} is slow in V8; on ASCII text it is [0-9].
  const hasNumber = /[0-9]/.test(cleaned) || (NON_ASCII.test(cleaned) && /\p{N}/u.test(cleaned));
  const tokens = splitSpaces(mapped);
  const slotted = hasNumber ? tokens : addSlots(tokens, firstVerb, lexicon, changes, slots);
  const rewrite = finish(slotted, changes, lexicon);
  const scoreAfter = Math.max(scoreBullet(rewrite, lexicon).total, 0);
  return result(rewrite, scoreAfter);
}

/** Sections whose bullets describe work done, and so get a rewrite. */
export const REWRITE_SECTIONS = WORK_SECTIONS;

/**
 * One rewrite per work bullet of a resume: competencies from the evidence found on that bullet
 * (in evidence order), present tense under the current role, past elsewhere.
 */
export function rewriteResume<E extends Pick<Evidence, 'bulletId'>>(
  doc: Pick<ResumeDocument, 'bullets' | 'roles'>,
  evidence: readonly E[],
  competencyOf: (e: E) => string,
  lexicon: RewriteLexicon,
): Rewrite[] {
  const byBullet = new Map<string, string[]>();
  for (const e of evidence) {
    if (!e.bulletId) continue;
    const ids = byBullet.get(e.bulletId) ?? [];
    const id = competencyOf(e);
    if (!ids.includes(id)) ids.push(id);
    byBullet.set(e.bulletId, ids);
  }
  return doc.bullets
    .filter((b) => REWRITE_SECTIONS.includes(b.section))
    .map((b) => {
      const current = b.roleIndex !== undefined && doc.roles[b.roleIndex]?.current === true;
      const context = { tense: current ? 'present' : 'past', competencyIds: byBullet.get(b.id) ?? [] } as const;
      return { bulletId: b.id, ...rewriteBullet(b.text, context, lexicon) };
    });
}
