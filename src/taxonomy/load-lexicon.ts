// Loads data/rewrite-lexicon.yaml at boot, validates it and compiles it for the rewriter.
// Validation enforces the honesty contract on the data itself: no replacement may contain a digit,
// an upper-case letter or a protected name; every verb the rewriter can write on its own (openers,
// object and competency verbs, support framing) must be a known verb, and a support
// opener may only become a verb of `supportVerbs`, none of which claims ownership.
import { z } from 'zod';
import { parseDataText, readDataFile } from './read-data-file.js';

const word = z
  .string()
  .min(1)
  .regex(/^[a-z][a-z' -]*$/, 'lower-case words only');
const verbName = z
  .string()
  .regex(/^[a-z][a-z-]*$/, 'a lower-case base verb')
  .describe('base form of a verb listed under `verbs`');
const noDigits = (s: string) => !/\d/.test(s);
const replacement = z
  .string()
  .min(1)
  .refine((s) => noDigits(s.replaceAll('$0', '')), 'must not contain a digit (a rewrite never adds a number)')
  .refine(
    (s) => !/[A-Z]/.test(s.replaceAll('$0', '')),
    'must be lower case (a rewrite never adds a proper noun)',
  );

const OpenerSchema = z
  .object({
    id: z.string().min(1),
    phrase: word,
    mode: z.enum(['action', 'support', 'skill', 'replace']),
    verb: verbName,
    keep: word.optional().describe('words written after the verb'),
    onlyBefore: z.array(word).optional().describe('apply only when the next word is one of these'),
    skillBeforeNoun: z.literal(true).optional().describe('before a noun phrase it is a skill claim, left as written'),
  })
  .strict();

const TermMapSchema = z
  .object({
    id: z.string().min(1),
    from: z.string().min(1).refine(noDigits, 'must not contain a digit'),
    to: replacement,
    requiresAny: z.array(word).optional(),
    forbidsAny: z.array(word).optional(),
    notBefore: z.array(word).optional().describe('not applied where the next word is one of these'),
  })
  .strict();

const SlotToken = z.string().regex(/^\[[^\d[\]]+\]$/, 'a bracketed token without digits, such as [N]');

export const RewriteLexiconFileSchema = z
  .object({
    version: z.number().int().positive(),
    verbs: z.array(verbName).min(1),
    irregular: z.record(
      verbName,
      z.object({ past: word, third: word.optional(), gerund: word.optional() }).strict(),
    ),
    doubleFinal: z.array(verbName),
    strongVerbs: z.array(verbName).min(1),
    leadFillers: z.array(word),
    supportVerbs: z.array(verbName).min(1),
    supportFraming: z.object({ activity: verbName, activityPreposition: word, people: verbName }).strict(),
    completedWork: z.object({ verbs: z.array(verbName), markers: z.array(word) }).strict(),
    nounGerunds: z.array(word),
    nounLikeVerbs: z.array(verbName),
    weakOpeners: z.array(OpenerSchema).min(1),
    objectVerbs: z.array(z.object({ id: z.string(), verb: verbName, words: z.array(word).min(1) }).strict()),
    competencyVerbs: z.record(z.string(), verbName),
    nominalizations: z.record(word, verbName),
    buriedObjects: z
      .record(word, word)
      .describe('a noun before a nominalization and its form as an object: "client relationship management" -> "managed client relationships"'),
    relevanceTerms: z.array(z.string().regex(/^[a-z][a-z-]*$/, 'a lower-case word prefix')).min(1),
    guidedPeople: z.array(word),
    termMaps: z.array(TermMapSchema),
    countSlots: z.array(
      z
        .object({
          id: z.string(),
          token: SlotToken,
          words: z.array(word).min(1),
          question: z.string().min(5).endsWith('?'),
        })
        .strict(),
    ),
    vagueCounts: z.array(word).describe('words a count slot may stand in for ("multiple projects" -> "[N] projects")'),
    paddingAfterPreposition: z.array(word).describe('nouns that get no count slot bare after "to/for/with/from" (padding)'),
    catchAllClauses: z
      .array(z.string().min(1))
      .describe('phrases of a catch-all duty ("other duties as assigned"): a clause holding one gets no count slot'),
    termMapGroups: z
      .array(
        z
          .object({
            id: z.string().min(1),
            words: z.array(word).min(1),
            notBefore: z.array(word).optional().describe('an occurrence before one of these words is a name of its own ("customer service") and does not count'),
          })
          .strict(),
      )
      .describe('term maps applied all or none: every occurrence of `words` in a bullet must be mapped by the group, or none is'),
    numberWords: z.array(word).describe('spelled-out counts ("seven missions"): a bullet with one gets no count slot, as with a digit'),
    volumeSlot: z
      .object({ adjectives: z.array(word).min(1), unit: replacement, question: z.string().min(5).endsWith('?') })
      .strict()
      .describe('"a high volume of calls ([N] per day)": the count of a volume the writer called high'),
    typoFixes: z
      .record(z.string().regex(/^[a-z]+$/, 'a lower-case word'), z.enum(['and', 'the', 'of', 'or', 'to']))
      .describe('a typo that breaks a verb chain and the function word it stands for ("ans" -> "and")'),
    lightVerbs: z.array(verbName).describe('verbs that give way to the verb of a buried nominalization ("Performed payment reconciliation" -> "Reconciled payments")'),
    nounActs: z
      .object({
        lightVerbs: z.array(verbName).min(1),
        nouns: z.record(
          word,
          z
            .object({
              verb: verbName,
              drop: z.array(word).describe('prepositions after the noun that the verb takes as its direct object ("assistance to customers" -> "assisted customers")'),
              keep: z.array(word).describe('prepositions the verb keeps ("assistance with orders" -> "assisted with orders")'),
            })
            .strict(),
        ),
      })
      .strict()
      .describe('a light verb before the noun of an act gives way to the act\'s verb ("Provided assistance to customers" -> "Assisted customers")'),
    subordinatePast: z
      .record(word, word)
      .describe('present forms of be/have/need and the past they take in a "that/which/who" clause when the rewrite puts the writer\'s present into the past'),
    intransitiveVerbs: z.array(verbName).describe('verbs whose gerund before "of" does not become the verb ("Listening of calls")'),
    outcomeSlot: z
      .object({
        token: SlotToken,
        verbs: z.array(verbName).min(1),
        question: z.string().min(5).endsWith('?'),
        statedResults: z.array(word).describe('result nouns after "resulting in"/"leading to" that get "a [X%]" before them'),
        measures: z.array(word).min(1).describe('"by [X%]" only where the improved object names one of these'),
        measuresWhenModified: z.array(word).describe('measures only after a modifier ("data quality", not "quality")'),
        resultNouns: z
          .record(word, word)
          .describe('"resulting in increased sales" -> "resulting in a [X%] increase in sales": participle -> noun'),
        metric: z
          .object({
            verbs: z.array(verbName).min(1),
            lead: word.describe('written before the metric token, such as "cutting"'),
            objects: z.array(word).min(1).describe('the first clause must name one of these (a process, not a policy)'),
            token: SlotToken,
            question: z.string().min(5).endsWith('?'),
          })
          .strict()
          .describe('an improvement verb whose object is not the measure ("Streamlined the intake process, cutting [metric] by [X%]")'),
      })
      .strict(),
    pmLexicon: z.array(word),
    protectedNames: z.array(z.string().min(1)),
  })
  .strict()
  .superRefine((lex, ctx) => {
    const known = new Set([...lex.verbs, ...Object.keys(lex.irregular)]);
    const check = (verb: string, path: (string | number)[]) => {
      if (!known.has(verb)) ctx.addIssue({ code: 'custom', path, message: `unknown verb "${verb}"` });
    };
    for (const [i, v] of lex.strongVerbs.entries()) check(v, ['strongVerbs', i]);
    for (const [i, o] of lex.weakOpeners.entries()) check(o.verb, ['weakOpeners', i, 'verb']);
    for (const [i, o] of lex.objectVerbs.entries()) check(o.verb, ['objectVerbs', i, 'verb']);
    for (const [k, v] of Object.entries(lex.competencyVerbs)) check(v, ['competencyVerbs', k]);
    for (const [k, v] of Object.entries(lex.nominalizations)) check(v, ['nominalizations', k]);
    for (const [i, v] of lex.outcomeSlot.verbs.entries()) check(v, ['outcomeSlot', 'verbs', i]);
    for (const [i, v] of lex.outcomeSlot.metric.verbs.entries()) check(v, ['outcomeSlot', 'metric', 'verbs', i]);
    for (const [i, v] of lex.nounLikeVerbs.entries()) check(v, ['nounLikeVerbs', i]);
    for (const [i, v] of lex.supportVerbs.entries()) check(v, ['supportVerbs', i]);
    for (const [i, v] of lex.completedWork.verbs.entries()) check(v, ['completedWork', 'verbs', i]);
    for (const [i, v] of lex.intransitiveVerbs.entries()) check(v, ['intransitiveVerbs', i]);
    for (const [i, v] of lex.lightVerbs.entries()) check(v, ['lightVerbs', i]);
    for (const [i, v] of lex.nounActs.lightVerbs.entries()) check(v, ['nounActs', 'lightVerbs', i]);
    for (const [k, v] of Object.entries(lex.nounActs.nouns)) check(v.verb, ['nounActs', 'nouns', k, 'verb']);
    check(lex.supportFraming.activity, ['supportFraming', 'activity']);
    check(lex.supportFraming.people, ['supportFraming', 'people']);
    const support = new Set(lex.supportVerbs);
    for (const [key, v] of [['activity', lex.supportFraming.activity], ['people', lex.supportFraming.people]] as const) {
      if (!support.has(v)) ctx.addIssue({ code: 'custom', path: ['supportFraming', key], message: `"${v}" is not one of supportVerbs` });
    }
    for (const [i, o] of lex.weakOpeners.entries()) {
      if (o.mode === 'support' && !support.has(o.verb)) {
        ctx.addIssue({ code: 'custom', path: ['weakOpeners', i, 'verb'], message: `a support opener may only become one of supportVerbs, not "${o.verb}"` });
      }
    }
    // slots.ts writes "a team of [N]" with the question of this slot.
    if (!lex.countSlots.some((s) => s.id === 'people-led')) {
      ctx.addIssue({ code: 'custom', path: ['countSlots'], message: 'needs the slot "people-led" (used for "a team of [N]")' });
    }
    const mapIds = new Set(lex.termMaps.map((t) => t.id));
    for (const [i, g] of lex.termMapGroups.entries()) {
      if (!mapIds.has(g.id)) ctx.addIssue({ code: 'custom', path: ['termMapGroups', i, 'id'], message: `no term map has the id "${g.id}"` });
    }
    const names = lex.protectedNames.map((n) => n.toLowerCase());
    for (const [i, t] of lex.termMaps.entries()) {
      const to = ` ${t.to.toLowerCase()} `;
      for (const n of names) {
        if (to.includes(` ${n} `) && !` ${t.from.toLowerCase()} `.includes(` ${n} `)) {
          ctx.addIssue({
            code: 'custom',
            path: ['termMaps', i, 'to'],
            message: `adds protected name "${n}"`,
          });
        }
      }
    }
  });
export type RewriteLexiconFile = z.infer<typeof RewriteLexiconFileSchema>;

export type VerbForm = 'base' | 'past' | 'third' | 'gerund';
export interface VerbForms {
  base: string;
  past: string;
  third: string;
  gerund: string;
}

export interface CompiledOpener {
  id: string;
  words: string[];
  mode: 'action' | 'support' | 'skill' | 'replace';
  verb: string;
  keep?: string;
  onlyBefore?: Set<string>;
  skillBeforeNoun?: true;
}

export interface CompiledTermMap {
  id: string;
  from: string;
  to: string;
  pattern: RegExp;
  /**
   * `from` lower-cased with `pattern` made sticky, when `from` is ASCII: in ASCII text every match of
   * `pattern` starts where the lower-cased text holds `ascii.from`, so only those places are tried.
   */
  ascii?: { from: string; sticky: RegExp };
  /** Finds the replacement already in a bullet (then the map is skipped); absent when `to` quotes `$0`. */
  present?: RegExp;
  /** The first letter/digit run of `from`, lower-cased: a bullet without it cannot match `pattern`. */
  firstRun?: string;
  /**
   * The other runs of `from`, lower-cased, that are ASCII. In ASCII text a match of `pattern` shows
   * each of them as a whole run (case folding of ASCII letters is lower-casing), so a bullet lacking
   * one is skipped without running the regexes. Not used on other text: "ſ" matches "s" under /iu.
   */
  asciiRuns: string[];
  requiresAny?: Set<string>;
  forbidsAny?: Set<string>;
  notBefore?: Set<string>;
}

export interface CompiledCountSlot {
  id: string;
  token: string;
  phrases: string[][];
  question: string;
}

/** The lexicon as the rewriter uses it: lookups built once at boot. */
export interface RewriteLexicon {
  version: number;
  verbs: Map<string, VerbForms>;
  /** Any inflected form (lower case) -> its base and which form it is. */
  forms: Map<string, { base: string; form: VerbForm }>;
  strong: Set<string>;
  leadFillers: Set<string>;
  supportVerbs: Set<string>;
  supportFraming: RewriteLexiconFile['supportFraming'];
  completedWork: { verbs: Set<string>; markers: Set<string> };
  nounGerunds: Set<string>;
  nounLikeVerbs: Set<string>;
  openers: CompiledOpener[];
  /**
   * The openers a bullet's first word (lower case) can start, in `openers` order: those whose first
   * word is that word or another form of the same verb ("assisting" for "assisted with").
   */
  openersByFirst: Map<string, CompiledOpener[]>;
  objectVerbs: { id: string; verb: string; words: Set<string> }[];
  competencyVerbs: Map<string, string>;
  nominalizations: Map<string, string>;
  /** Noun before a nominalization -> its form as the verb's object ("relationship" -> "relationships"). */
  buriedObjects: Map<string, string>;
  /**
   * The file's relevanceTerms by the char code of their first letter, each distinct term with the number of
   * times it is listed (the score counts list entries): a word is compared only with the terms it
   * could start with. An array, not a Map: indexing by a number is cheaper than hashing a string.
   */
  relevanceByFirst: ([term: string, count: number][] | undefined)[];
  guidedPeople: Set<string>;
  termMaps: CompiledTermMap[];
  /**
   * Indexes into `termMaps`, ascending, by the longest ASCII run of `from` (lower case; the rarest
   * in bullets: "level" for "a high level of service", not "a"); `termMapsWithoutRun` holds the maps
   * with no ASCII run. A map can match ASCII text only where that run occurs, so an ASCII bullet is
   * tried only against the maps of the runs it holds.
   */
  termMapsByRun: Map<string, number[]>;
  termMapsWithoutRun: number[];
  /** Global pattern finding exactly the ASCII runs of lower-cased text that are keys of `termMapsByRun`. */
  termMapRunPattern: RegExp;
  countSlots: CompiledCountSlot[];
  vagueCounts: Set<string>;
  volumeSlot: { adjectives: Set<string>; unit: string; question: string };
  paddingAfterPreposition: Set<string>;
  /** Lower-cased token runs of catch-all duty phrases: a clause holding one gets no count slot. */
  catchAllClauses: string[][];
  /** The longest word of each catch-all phrase as a substring: lower-cased text without one holds no phrase. */
  catchAllHint: RegExp;
  termMapGroups: { id: string; pattern: RegExp }[];
  /** Spelled-out counts: a bullet with one already says how many ("Trained two new hires"). */
  numberWords: Set<string>;
  /** Any number word as a substring: a bullet whose lower-cased text has none holds no number word token. */
  numberWordHint: RegExp;
  /** Typo -> function word, and a pattern that finds any of them as a lower-case word between spaces. */
  typoFixes: Map<string, string>;
  typoPattern?: RegExp;
  intransitiveVerbs: Set<string>;
  lightVerbs: Set<string>;
  /** is -> was, are -> were, need -> needed: a "that/which/who" clause's verb when its main verb moved into the past. */
  subordinatePast: Map<string, string>;
  /** A light verb before the noun of an act ("Provided assistance to") and the act's verb. */
  nounActs: { lightVerbs: Set<string>; nouns: Map<string, { verb: string; drop: Set<string>; keep: Set<string> }> };
  outcomeSlot: {
    token: string;
    verbs: Set<string>;
    question: string;
    measures: Set<string>;
    statedResults: Set<string>;
    measuresWhenModified: Set<string>;
    resultNouns: Map<string, string>;
    metric: { verbs: Set<string>; lead: string; token: string; question: string; objects: Set<string> };
  };
  /** Lower-case words the rewrite may capitalize although the original does not contain them. */
  allowedCapitalized: Set<string>;
  protectedNames: string[];
  /** `protectedNames` lower-cased, for case-blind lookups. */
  protectedLower: Set<string>;
  /** Matches where any protected name occurs as written (a substring, like `includes`); absent when none. */
  protectedPattern?: RegExp;
}

function getOrAdd(map: Map<string, number[]>, key: string): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function inflect(base: string, lex: RewriteLexiconFile): VerbForms {
  const irregular = lex.irregular[base];
  const doubled = lex.doubleFinal.includes(base) ? base + base.at(-1) : base;
  const consonantY = /[^aeiou]y$/.test(base);
  const past =
    irregular?.past ??
    (base.endsWith('e') ? `${base}d` : consonantY ? `${base.slice(0, -1)}ied` : `${doubled}ed`);
  const third =
    irregular?.third ??
    (consonantY ? `${base.slice(0, -1)}ies` : /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : `${base}s`);
  const gerund =
    irregular?.gerund ??
    (base.endsWith('ie')
      ? `${base.slice(0, -2)}ying`
      : /[^eoy]e$/.test(base)
        ? `${base.slice(0, -1)}ing`
        : `${doubled}ing`);
  return { base, past, third, gerund };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a validated lexicon file. Pure. */
export function compileLexicon(lex: RewriteLexiconFile): RewriteLexicon {
  const verbs = new Map<string, VerbForms>();
  const forms = new Map<string, { base: string; form: VerbForm }>();
  for (const base of new Set([...lex.verbs, ...Object.keys(lex.irregular)])) {
    const f = inflect(base, lex);
    verbs.set(base, f);
    // Earlier entries win so that a base form is never shadowed by another verb's inflection.
    for (const form of ['base', 'past', 'third', 'gerund'] as const) {
      if (!forms.has(f[form])) forms.set(f[form], { base, form });
    }
  }
  const allowedCapitalized = new Set<string>(lex.pmLexicon);
  for (const f of verbs.values()) for (const w of Object.values(f)) allowedCapitalized.add(w);
  for (const t of lex.termMaps)
    for (const w of t.to.split(/[\s()]+/)) if (w && w !== '$0') allowedCapitalized.add(w);
  const openers: CompiledOpener[] = lex.weakOpeners
    .map((o) => ({ ...o, words: o.phrase.split(' '), onlyBefore: o.onlyBefore ? new Set(o.onlyBefore) : undefined }))
    .sort((a, b) => b.words.length - a.words.length);
  // Keyed by every opener's first word and every form of the verbs they start with: other words
  // start no opener.
  const openerBase = (o: CompiledOpener) => forms.get(o.words[0]!)?.base;
  const openerBases = new Set(openers.map(openerBase));
  const firstWords = new Set(openers.map((o) => o.words[0]!));
  for (const [w, f] of forms) if (openerBases.has(f.base)) firstWords.add(w);
  const openersByFirst = new Map<string, CompiledOpener[]>();
  for (const w of firstWords) {
    const base = forms.get(w)?.base;
    openersByFirst.set(
      w,
      openers.filter((o) => o.words[0] === w || (base !== undefined && openerBase(o) === base)),
    );
  }
  // Terms are ASCII: 128 slots, filled so that the array stays packed.
  const relevanceByFirst: ([string, number][] | undefined)[] = new Array<undefined>(128).fill(undefined);
  for (const t of new Set(lex.relevanceTerms)) {
    (relevanceByFirst[t.charCodeAt(0)] ??= []).push([t, lex.relevanceTerms.filter((x) => x === t).length]);
  }

  const termMaps: CompiledTermMap[] = lex.termMaps
    .map((t) => {
      const present = new RegExp(`\\b${escapeRegExp(t.to)}\\b`, 'i');
      return {
        id: t.id,
        from: t.from,
        to: t.to,
        pattern: new RegExp(`(?<![\\p{L}\\p{N}'-])${escapeRegExp(t.from)}(?![\\p{L}\\p{N}-])`, 'giu'),
        ...(/^[\0-\x7f]+$/.test(t.from)
          ? { ascii: { from: t.from.toLowerCase(), sticky: new RegExp(`(?<![\\p{L}\\p{N}'-])${escapeRegExp(t.from)}(?![\\p{L}\\p{N}-])`, 'yiu') } }
          : {}),
        // A map whose source holds its target ("on a daily basis" -> "daily") would always find it present.
        ...(t.to.includes('$0') || present.test(t.from) ? {} : { present }),
        ...(/^[\p{L}\p{N}]/u.test(t.from) ? { firstRun: /^[\p{L}\p{N}]+/u.exec(t.from)![0].toLowerCase() } : {}),
        asciiRuns: (t.from.match(/[\p{L}\p{N}]+/gu) ?? [])
          .slice(/^[\p{L}\p{N}]/u.test(t.from) ? 1 : 0)
          .map((r) => r.toLowerCase())
          .filter((r) => /^[a-z0-9]+$/.test(r)),
        ...(t.requiresAny ? { requiresAny: new Set(t.requiresAny) } : {}),
        ...(t.forbidsAny ? { forbidsAny: new Set(t.forbidsAny) } : {}),
        ...(t.notBefore ? { notBefore: new Set(t.notBefore) } : {}),
      };
    })
    // Longer phrases first so "customer inquiries" wins over "inquiries".
    .sort((a, b) => b.from.length - a.from.length);
  const termMapsByRun = new Map<string, number[]>();
  const termMapsWithoutRun: number[] = [];
  termMaps.forEach((t, i) => {
    const key = [t.firstRun ?? '', ...t.asciiRuns].filter((r) => /^[a-z0-9]+$/.test(r)).reduce((a, r) => (r.length > a.length ? r : a), '');
    (key ? getOrAdd(termMapsByRun, key) : termMapsWithoutRun).push(i);
  });

  return {
    version: lex.version,
    verbs,
    forms,
    strong: new Set(lex.strongVerbs),
    leadFillers: new Set(lex.leadFillers),
    supportVerbs: new Set(lex.supportVerbs),
    supportFraming: lex.supportFraming,
    completedWork: { verbs: new Set(lex.completedWork.verbs), markers: new Set(lex.completedWork.markers) },
    nounGerunds: new Set(lex.nounGerunds),
    nounLikeVerbs: new Set(lex.nounLikeVerbs),
    openers,
    openersByFirst,
    objectVerbs: lex.objectVerbs.map((o) => ({ id: o.id, verb: o.verb, words: new Set(o.words) })),
    competencyVerbs: new Map(Object.entries(lex.competencyVerbs)),
    nominalizations: new Map(Object.entries(lex.nominalizations)),
    buriedObjects: new Map(Object.entries(lex.buriedObjects)),
    relevanceByFirst,
    guidedPeople: new Set(lex.guidedPeople),
    termMaps,
    termMapsByRun,
    termMapsWithoutRun,
    // A key matches only as a whole run ([a-z0-9] on neither side); with no key, a pattern that never matches.
    termMapRunPattern: new RegExp(termMapsByRun.size ? `(?<![a-z0-9])(?:${[...termMapsByRun.keys()].map(escapeRegExp).join('|')})(?![a-z0-9])` : '(?!)', 'g'),
    countSlots: lex.countSlots.map((s) => ({
      id: s.id,
      token: s.token,
      question: s.question,
      phrases: s.words.map((w) => w.split(' ')).sort((a, b) => b.length - a.length),
    })),
    outcomeSlot: {
      token: lex.outcomeSlot.token,
      verbs: new Set(lex.outcomeSlot.verbs),
      question: lex.outcomeSlot.question,
      measures: new Set(lex.outcomeSlot.measures),
      statedResults: new Set(lex.outcomeSlot.statedResults),
      measuresWhenModified: new Set(lex.outcomeSlot.measuresWhenModified),
      resultNouns: new Map(Object.entries(lex.outcomeSlot.resultNouns)),
      metric: { ...lex.outcomeSlot.metric, verbs: new Set(lex.outcomeSlot.metric.verbs), objects: new Set(lex.outcomeSlot.metric.objects) },
    },
    vagueCounts: new Set(lex.vagueCounts),
    paddingAfterPreposition: new Set(lex.paddingAfterPreposition),
    catchAllClauses: lex.catchAllClauses.map((c) => c.toLowerCase().split(/\s+/)),
    catchAllHint: new RegExp(
      lex.catchAllClauses.map((c) => escapeRegExp(c.toLowerCase().split(/\s+/).reduce((a, w) => (w.length > a.length ? w : a), ''))).join('|'),
    ),
    termMapGroups: lex.termMapGroups.map((g) => ({
      id: g.id,
      pattern: new RegExp(
        `(?<![\\p{L}\\p{N}'-])(?:${g.words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-])` +
          (g.notBefore?.length ? `(?!\\s+(?:${g.notBefore.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-]))` : ''),
        'giu',
      ),
    })),
    numberWords: new Set(lex.numberWords),
    numberWordHint: new RegExp(lex.numberWords.map(escapeRegExp).join('|')),
    volumeSlot: { ...lex.volumeSlot, adjectives: new Set(lex.volumeSlot.adjectives) },
    typoFixes: new Map(Object.entries(lex.typoFixes)),
    // The space is matched, not looked behind: a pattern opening with a lookbehind is tried at every
    // position, this one only at spaces (the rewriter only tests it, so the match's extent is unused).
    ...(Object.keys(lex.typoFixes).length
      ? { typoPattern: new RegExp(` (?:${Object.keys(lex.typoFixes).map(escapeRegExp).join('|')})(?= \\p{L})`, 'u') }
      : {}),
    intransitiveVerbs: new Set(lex.intransitiveVerbs),
    lightVerbs: new Set(lex.lightVerbs),
    subordinatePast: new Map(Object.entries(lex.subordinatePast)),
    nounActs: {
      lightVerbs: new Set(lex.nounActs.lightVerbs),
      nouns: new Map(Object.entries(lex.nounActs.nouns).map(([k, v]) => [k, { verb: v.verb, drop: new Set(v.drop), keep: new Set(v.keep) }])),
    },
    allowedCapitalized,
    protectedNames: lex.protectedNames,
    protectedLower: new Set(lex.protectedNames.map((n) => n.toLowerCase())),
    ...(lex.protectedNames.length
      ? { protectedPattern: new RegExp(lex.protectedNames.map(escapeRegExp).join('|')) }
      : {}),
  };
}

/** Parses and compiles lexicon YAML text; `file` names the source in errors. Pure. */
export function parseLexicon(file: string, text: string): RewriteLexicon {
  return compileLexicon(parseDataText(file, text, RewriteLexiconFileSchema));
}

/** Reads data/rewrite-lexicon.yaml (or `file`). Boot-time only; throws DataFileError when invalid. */
export function loadLexicon(file = 'data/rewrite-lexicon.yaml'): RewriteLexicon {
  return compileLexicon(readDataFile(file, RewriteLexiconFileSchema));
}
