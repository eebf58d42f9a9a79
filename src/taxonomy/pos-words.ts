// The two word lists the matcher takes from natural's Brill part-of-speech lexicon, by each word's most
// frequent tag: past tenses and participles ("led", "managed"), which after "and" start a second action
// a negation before "and" does not reach; and nouns or noun modifiers (determiner, possessive,
// adjective, gerund, number: "the", "our", "receiving", "team"), after which a verb-first pattern's verb
// is a noun. The lexicon lists the pronoun only as capital "I"; its lower case is tagged a noun, so it
// is left out.
// The lists are derived once, by `npm run pos-words`, into data/pos-words.txt: parsing the 4 MB
// lexicon at every boot left about 37 MB of V8 heap the process never gave back (measured: RSS +48.6
// MB for 9.5 MB of live data), in the API process and in every text-work child. A test keeps the file
// equal to what this derivation gives from the installed lexicon.
import { DataFileError } from './read-data-file.js';
import type { NominalKind } from './compile-taxonomy.js';

export interface PosWords {
  pastVerbs: ReadonlySet<string>;
  nominalWords: ReadonlyMap<string, NominalKind>;
}

/** natural's lexicon, as the package ships it (MIT; from pos-js). */
export const BRILL_LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';

const NOUN_TAGS = new Set(['NN', 'NNS']);
const MODIFIER_TAGS = new Set(['DT', 'PRP$', 'JJ', 'JJR', 'JJS', 'VBG', 'POS', 'CD']);
const SECTIONS = ['past', 'noun', 'modifier'] as const;
const WORD = /^[a-z]+$/;

/** The lists from the lexicon (word -> tags, most frequent first). Pure. */
export function derivePosWords(lexicon: Readonly<Record<string, readonly string[]>>): PosWords {
  const past = new Set<string>();
  const nominal = new Map<string, NominalKind>();
  for (const [word, tags] of Object.entries(lexicon)) {
    if (!WORD.test(word)) continue;
    const tag = tags[0]!;
    if (tag === 'VBD' || tag === 'VBN') past.add(word);
    else if (word === 'i') continue;
    else if (NOUN_TAGS.has(tag)) nominal.set(word, 'noun');
    else if (MODIFIER_TAGS.has(tag)) nominal.set(word, 'modifier');
  }
  return { pastVerbs: past, nominalWords: nominal };
}

/** data/pos-words.txt's text: a comment, then one line per list, "past: w1 w2 ...", words sorted. */
export function formatPosWords(words: PosWords, header: string): string {
  const of = (kind: NominalKind) => [...words.nominalWords].filter(([, k]) => k === kind).map(([w]) => w);
  const lines = { past: [...words.pastVerbs], noun: of('noun'), modifier: of('modifier') };
  return `${header}\n${SECTIONS.map((s) => `${s}: ${lines[s].sort().join(' ')}`).join('\n')}\n`;
}

/** Parses data/pos-words.txt; a malformed file throws a DataFileError naming the line. Pure. */
export function parsePosWords(file: string, text: string): PosWords {
  const found = new Map<string, string[]>();
  const issues: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const m = /^(\w+): (.*)$/.exec(line);
    const section = m?.[1] as (typeof SECTIONS)[number] | undefined;
    if (!m || !section || !SECTIONS.includes(section) || found.has(section)) {
      issues.push(`line ${i + 1}: expected one of ${SECTIONS.map((s) => `"${s}: ..."`).join(', ')}, once each`);
      return;
    }
    const words = m[2]!.split(' ');
    const bad = words.find((w) => !WORD.test(w));
    if (bad !== undefined) issues.push(`line ${i + 1} (${section}): "${bad}" is not a lower-case word`);
    found.set(section, words);
  });
  for (const s of SECTIONS) if (!found.has(s)) issues.push(`${s}: missing`);
  if (issues.length > 0) throw new DataFileError(file, issues);
  const nominal = new Map<string, NominalKind>();
  for (const w of found.get('noun')!) nominal.set(w, 'noun');
  for (const w of found.get('modifier')!) nominal.set(w, 'modifier');
  return { pastVerbs: new Set(found.get('past')), nominalWords: nominal };
}
