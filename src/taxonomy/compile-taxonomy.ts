// Compiles the validated taxonomy data into one token trie, once at boot, so matching is a single scan
// over the text whatever the number of patterns (see src/pipeline/match/).
// Phrase syntax: words are normalized like the text (lemma + Porter stem); "a|b" or "(a b|c)" give
// alternatives for one position; "*" lets up to MAX_GAP other words through; "=word" matches the exact
// lower-case word without stemming; "^Word" matches the exact word with its case; "#" matches any number;
// "@name" stands for every entry of the word class `name` (taxonomy `wordClasses`) at that position.
// Limits: alternatives are expanded into separate trie paths, so a phrase is capped at MAX_EXPANSIONS.
import type { Evidence } from '../schemas/analysis.js';
import { type SectionKind, WORK_SECTIONS } from '../schemas/document.js';
import type { Framing, TaxonomyData } from '../schemas/taxonomy.js';
import { type Lemmas, tokenize } from '../text/tokenize.js';
import { DataFileError } from './read-data-file.js';

export const MAX_GAP = 4;
const MAX_EXPANSIONS = 5_000;
export const WILD = '*';

export interface TrieNode {
  next: Map<string, TrieNode>;
  /**
   * Which kinds of key `next` holds, as bits in the order of a token's keys: 1 stem, 2 `=exact`,
   * 4 `^Cased`. The matcher skips a kind no child has: in a large trie every lookup that misses is a
   * cache miss, and most phrases use stems only.
   */
  kinds: number;
  /** Node reached after a `*` gap. */
  wild?: TrieNode;
  /** Indexes into CompiledTaxonomy.patterns of the patterns whose phrase ends here. */
  outputs: number[];
}

/** How the POS lexicon reads a word that stands before a would-be verb. */
export type NominalKind = 'noun' | 'modifier';

export interface CompiledContext {
  window: number;
  without: string[][][];
  requires: string[][][];
  verbFirst: boolean;
}

export interface CompiledPattern {
  /** Globally unique: "<competencyId>.<pattern id>". */
  id: string;
  competencyId: string;
  framing: Framing;
  claim: boolean;
  context?: CompiledContext;
  /** Number of token sequences this pattern compiled into. */
  phraseCount: number;
}

export interface CompiledCompetency {
  id: string;
  name: string;
  pmName: string;
  definition: string;
  talentTriangle: TaxonomyData['competencies'][number]['talentTriangle'];
  pmbokDomain?: TaxonomyData['competencies'][number]['pmbokDomain'];
  strongSections: ReadonlySet<SectionKind>;
  onet: { skills: string[]; tasks: string[] };
  esco: string[];
  patternIds: string[];
}

export interface CompiledTaxonomy {
  version: string;
  lemmas: Lemmas;
  competencies: CompiledCompetency[];
  competencyById: ReadonlyMap<string, CompiledCompetency>;
  patterns: CompiledPattern[];
  patternById: ReadonlyMap<string, CompiledPattern>;
  root: TrieNode;
  /** Key sequences of aspiration cues ("seeking", "will"): a clause holding one is not evidence. */
  aspirations: string[][][];
  /** Negation cues ("never", "no experience"): a match they precede in its clause is not evidence. */
  negation: CompiledNegation;
  /** Hedge cues ("familiar with"): a match they precede in its clause is weak evidence at most. */
  hedges: string[][][];
  /** Absent only in test taxonomies: then no role counts as leading projects. */
  projectLeadership?: CompiledProjectLeadership;
  /**
   * Lower-case words the POS lexicon reads first as a noun, or as a determiner, possessive, adjective,
   * gerund or number (`modifier`): a verb-first pattern's first word after one is a noun ("the
   * receiving leads"), except an -ing form after a noun ("twelve years delivering projects").
   */
  nominalWords: ReadonlyMap<string, NominalKind>;
}

/** Which roles count as leading projects (see eligibility.ts): project titles, or these patterns' evidence. */
export interface CompiledProjectLeadership {
  competencyId: string;
  /** Global pattern ids ("project-delivery.manage-project"). */
  patternIds: ReadonlySet<string>;
  /** Key sequences of project-role titles ("project manager"; WILD gaps kept, as in `lines`). */
  titles: string[][][];
  /** Key sequences (WILD gaps kept) a counted evidence line must hold: leading a project, not an event. */
  lines: string[][][];
  /** Cap on the months of a role counted by a line rather than its title; none when absent. */
  evidenceMonths?: number;
  /** Key sequences that lift the cap from a counted line: the led work recurs through the role. */
  recurringLines: string[][][];
  /** Key sequences that stop a line from counting: the writer only took part in the work. */
  partLines: string[][][];
}

export interface CompiledNegation {
  /** How many words before a match a cue may stand. */
  window: number;
  cues: string[][][];
  /** Phrases that start with a cue but do not negate ("not only", "never missed"). */
  exceptions: string[][][];
  /** Words that end a negation's reach ("never X, but led Y"). */
  barriers: string[][][];
  /** Words ("and") that end a negation's reach when a past-tense verb follows: a second action. */
  coordinators: string[][][];
  /** Phrases that, ending a clause after a match, negate it ("..., I did not"). */
  trailing: string[][][];
  /** Cues that negate only their own object: a conjunction or comma after it ends their reach ("without"). */
  narrow: string[][][];
  /** Lower-case words the POS lexicon reads first as a past tense or participle (VBD/VBN). */
  pastVerbs: ReadonlySet<string>;
  /** Nouns naming someone else: "the PM ran the project" is the PM's action (lower-case words). */
  otherSubjects: ReadonlySet<string>;
}

/** Where a competency's evidence is strong unless its data says otherwise. */
export const DEFAULT_STRONG_SECTIONS = WORK_SECTIONS;

/**
 * A compiled term is a list of alternatives, each a sequence of keys (an alternative such as "=project+"
 * is two tokens). `null` is the wildcard.
 */
type Term = string[][] | null;

function termKeys(alternative: string, lemmas: Lemmas): string[] {
  const mode = alternative.startsWith('=') ? '=' : alternative.startsWith('^') ? '^' : '';
  const body = mode ? alternative.slice(1) : alternative;
  if (body === '#') return ['#'];
  const tokens = tokenize(body.replaceAll('=', ' ').replaceAll('^', ' '), lemmas).filter((t) => !t.filler);
  return tokens.map((t) => (mode === '=' ? `=${t.lower}` : mode === '^' ? `^${t.surface}` : t.key));
}

/** Compiled word classes: each class's entries as alternatives of one position. */
export type WordClasses = ReadonlyMap<string, string[][]>;
const NO_CLASSES: WordClasses = new Map();

/** The alternatives of one class entry or one written alternative ("=a =b" keeps each marker). */
function alternativeKeys(alternative: string, lemmas: Lemmas): string[] {
  return alternative.split(/\s+/).flatMap((w) => termKeys(w, lemmas));
}

/**
 * Compiles `wordClasses`: an entry is one or more words with the usual markers, never a gap, a bracket or
 * another class (a class is one position, and a class inside a class would hide where a match came from).
 */
export function compileWordClasses(
  data: Readonly<Record<string, readonly string[]>>,
  lemmas: Lemmas,
  issues: string[],
): WordClasses {
  const classes = new Map<string, string[][]>();
  for (const [name, entries] of Object.entries(data)) {
    const alternatives: string[][] = [];
    entries.forEach((entry, k) => {
      if (/[*@()|]/.test(entry)) {
        issues.push(`wordClasses.${name}[${k}]: "${entry}" must be plain words (no *, @, | or brackets)`);
        return;
      }
      const keys = alternativeKeys(entry.trim(), lemmas);
      // Entries that stem alike stay: expandPhrase keeps each key sequence once.
      if (keys.length === 0) issues.push(`wordClasses.${name}[${k}]: "${entry}" has no words to match`);
      else alternatives.push(keys);
    });
    classes.set(name, alternatives);
  }
  return classes;
}

function parseTerms(phrase: string, lemmas: Lemmas, classes: WordClasses): Term[] {
  const terms: Term[] = [];
  for (const [raw] of phrase.matchAll(/\([^)]*\)|\S+/g)) {
    if (raw === WILD) {
      terms.push(null);
      continue;
    }
    // "a|(b c)" used to compile as the two positions "a|b" and "c", so the phrase silently never matched
    // what its writer meant (found in round 14): a bracket must hold a whole position.
    if (!raw.startsWith('(') && /[()]/.test(raw))
      throw new Error(`"${raw}": brackets must hold a whole position: write "(a|b c)", not "a|(b c)"`);
    const body = raw.startsWith('(') ? raw.slice(1, -1) : raw;
    const alternatives = body
      .split('|')
      .map((a) => a.trim())
      .filter(Boolean)
      .flatMap((a) => {
        if (a.startsWith('@')) {
          const members = classes.get(a.slice(1));
          if (!members) throw new Error(`"${a}": no such word class in wordClasses`);
          return members;
        }
        // "=a =b" inside a group: every word keeps its own marker.
        const keys = alternativeKeys(a, lemmas);
        return keys.length > 0 ? [keys] : [];
      });
    if (alternatives.length > 0) terms.push(alternatives);
  }
  return terms;
}

/** Expands the alternatives of a phrase into key sequences (WILD marks a gap). */
export function expandPhrase(phrase: string, lemmas: Lemmas, classes: WordClasses = NO_CLASSES): string[][] {
  const terms = parseTerms(phrase, lemmas, classes);
  let sequences: string[][] = [[]];
  for (const term of terms) {
    if (term === null) {
      sequences = sequences.map((s) => [...s, WILD]);
      continue;
    }
    const next: string[][] = [];
    // The same key sequence reached twice (a word both written and in a class) is kept once.
    const seen = new Set<string>();
    for (const s of sequences)
      for (const alt of term) {
        const seq = [...s, ...alt];
        const id = seq.join('\u0000');
        if (!seen.has(id)) {
          seen.add(id);
          next.push(seq);
        }
      }
    sequences = next;
    if (sequences.length > MAX_EXPANSIONS)
      throw new Error(`expands to more than ${MAX_EXPANSIONS} sequences`);
  }
  return sequences.filter((s) => s.some((k) => k !== WILD));
}

/** The bit of a trie key's kind (TrieNode.kinds): `=exact` and `^Cased` keys carry their prefix. */
export function keyKind(key: string): number {
  return key.startsWith('=') ? 2 : key.startsWith('^') ? 4 : 1;
}

function insert(root: TrieNode, keys: string[], output: number): void {
  let node = root;
  for (const key of keys) {
    if (key === WILD) {
      node.wild ??= { next: new Map(), kinds: 0, outputs: [] };
      node = node.wild;
      continue;
    }
    let child = node.next.get(key);
    if (!child) {
      child = { next: new Map(), kinds: 0, outputs: [] };
      node.next.set(key, child);
      node.kinds |= keyKind(key);
    }
    node = child;
  }
  if (!node.outputs.includes(output)) node.outputs.push(output);
}

/**
 * Compiles validated taxonomy data. Throws DataFileError (naming `source` and the field) when a phrase
 * cannot be compiled, e.g. it holds only filler words.
 */
export function compileTaxonomy(
  data: TaxonomyData,
  source = 'data/taxonomy.yaml',
  pastVerbs: ReadonlySet<string> = new Set(),
  nominalWords: ReadonlyMap<string, NominalKind> = new Map(),
): CompiledTaxonomy {
  const lemmas: Lemmas = new Map(
    Object.entries(data.lemmas).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()]),
  );
  const root: TrieNode = { next: new Map(), kinds: 0, outputs: [] };
  const patterns: CompiledPattern[] = [];
  const competencies: CompiledCompetency[] = [];
  const issues: string[] = [];
  const classes = compileWordClasses(data.wordClasses, lemmas, issues);

  // Cue and context lists are matched word after word, with no gap: a `*` there would be dropped
  // silently and the phrase read as contiguous words ("never * led" as "never led").
  const compileList = (list: string[], path: string): string[][][] =>
    list.flatMap((phrase, k) => {
      try {
        const expanded = expandPhrase(phrase, lemmas, classes);
        if (expanded.some((s) => s.includes(WILD))) {
          issues.push(`${path}[${k}]: "${phrase}" has a gap (*), which this list does not support`);
          return [];
        }
        if (expanded.length === 0) issues.push(`${path}[${k}]: "${phrase}" has no words to match`);
        return [expanded];
      } catch (err) {
        issues.push(`${path}[${k}]: ${(err as Error).message}`);
        return [];
      }
    });

  for (const c of data.competencies) {
    const patternIds: string[] = [];
    for (const p of c.patterns) {
      const id = `${c.id}.${p.id}`;
      const index = patterns.length;
      const base = `competencies[${c.id}].patterns[${p.id}]`;
      let phraseCount = 0;
      p.phrases.forEach((phrase, k) => {
        let sequences: string[][];
        try {
          sequences = expandPhrase(phrase, lemmas, classes);
        } catch (err) {
          issues.push(`${base}.phrases[${k}]: ${(err as Error).message}`);
          return;
        }
        if (sequences.length === 0) issues.push(`${base}.phrases[${k}]: "${phrase}" has no words to match`);
        for (const seq of sequences) insert(root, seq, index);
        phraseCount += sequences.length;
      });
      const context: CompiledContext | undefined = p.context
        ? {
            window: p.context.window,
            without: compileList(p.context.without, `${base}.context.without`),
            requires: compileList(p.context.requires, `${base}.context.requires`),
            verbFirst: p.context.verbFirst,
          }
        : undefined;
      patterns.push({ id, competencyId: c.id, framing: p.framing, claim: p.claim, context, phraseCount });
      patternIds.push(id);
    }
    competencies.push({
      id: c.id,
      name: c.name,
      pmName: c.pmName,
      definition: c.definition,
      talentTriangle: c.talentTriangle,
      pmbokDomain: c.pmbokDomain,
      strongSections: new Set(c.strongSections ?? DEFAULT_STRONG_SECTIONS),
      onet: { skills: c.onet.skills, tasks: c.onet.tasks },
      esco: c.esco,
      patternIds,
    });
  }
  const aspirations = compileList(data.aspirationCues, 'aspirationCues');
  const negation: CompiledNegation = {
    window: data.negation.window,
    cues: compileList(data.negation.cues, 'negation.cues'),
    exceptions: compileList(data.negation.exceptions, 'negation.exceptions'),
    barriers: compileList(data.negation.barriers, 'negation.barriers'),
    coordinators: compileList(data.negation.coordinators, 'negation.coordinators'),
    trailing: compileList(data.negation.trailing, 'negation.trailing'),
    narrow: compileList(data.negation.narrow, 'negation.narrow'),
    pastVerbs,
    otherSubjects: new Set(data.negation.otherSubjects),
  };
  const hedges = compileList(data.hedgeCues, 'hedgeCues');
  const lead = data.projectLeadership;
  // Project titles and lines keep their WILD gaps: eligibility.ts walks them against one title or line at a time.
  const compileLines = (phrases: readonly string[], field: string) =>
    phrases.flatMap((phrase, k) => {
      try {
        return [expandPhrase(phrase, lemmas, classes)];
      } catch (err) {
        issues.push(`projectLeadership.${field}[${k}]: ${(err as Error).message}`);
        return [];
      }
    });
  const projectLeadership: CompiledProjectLeadership | undefined = lead && {
    competencyId: lead.competency,
    patternIds: new Set(lead.patterns.map((id) => `${lead.competency}.${id}`)),
    titles: compileLines(lead.titles, 'titles'),
    lines: compileLines(lead.lines, 'lines'),
    recurringLines: compileLines(lead.recurringLines, 'recurringLines'),
    partLines: compileLines(lead.partLines, 'partLines'),
    ...(lead.evidenceMonths !== undefined ? { evidenceMonths: lead.evidenceMonths } : {}),
  };
  if (issues.length > 0) throw new DataFileError(source, issues);

  return {
    version: data.version,
    lemmas,
    competencies,
    competencyById: new Map(competencies.map((c) => [c.id, c])),
    patterns,
    patternById: new Map(patterns.map((p) => [p.id, p])),
    root,
    aspirations,
    negation,
    hedges,
    nominalWords,
    ...(projectLeadership ? { projectLeadership } : {}),
  };
}

/** The strength rule applied to one piece of evidence (see docs/matching.md). */
export function strengthFor(
  competency: CompiledCompetency,
  pattern: CompiledPattern,
  section: SectionKind,
): Evidence['strength'] {
  if (pattern.claim) return 'weak';
  return competency.strongSections.has(section) ? 'strong' : 'weak';
}

