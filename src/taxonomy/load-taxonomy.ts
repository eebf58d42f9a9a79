// Boot-time only: reads data/taxonomy.yaml, validates it with zod and compiles it. A bad entry throws a
// DataFileError naming the file and the field, which stops the server before it listens.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type TaxonomyData, TaxonomyDataSchema } from '../schemas/taxonomy.js';
import { type CompiledTaxonomy, compileTaxonomy, type NominalKind } from './compile-taxonomy.js';
import { parseDataText, readDataFile } from './read-data-file.js';

export const TAXONOMY_FILE = 'taxonomy.yaml';

const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';
const NOUN_TAGS = new Set(['NN', 'NNS']);
const MODIFIER_TAGS = new Set(['DT', 'PRP$', 'JJ', 'JJR', 'JJS', 'VBG', 'POS', 'CD']);
let posWords: { pastVerbs: ReadonlySet<string>; nominalWords: ReadonlyMap<string, NominalKind> } | undefined;

/**
 * Reads natural's Brill lexicon once per process and keeps two word lists from it (by each word's most
 * frequent tag): past tenses and participles ("led", "managed"), which after "and" start a second action
 * a negation before "and" does not reach; and nouns or modifiers (determiner, possessive, adjective,
 * gerund, number: "the", "our", "receiving", "team"), after which a verb-first pattern's verb is a noun.
 * The lexicon lists the pronoun only as capital "I"; its lower case is tagged a noun, so it is left out.
 * Parsed from the file, not require()d: require keeps the whole 4 MB lexicon in its module cache for
 * the life of the process, and only these lists are needed.
 */
function loadPosWords() {
  if (!posWords) {
    const path = createRequire(import.meta.url).resolve(LEXICON);
    const lexicon = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>;
    const past = new Set<string>();
    const nominal = new Map<string, NominalKind>();
    for (const [word, tags] of Object.entries(lexicon)) {
      if (!/^[a-z]+$/.test(word)) continue;
      const tag = tags[0]!;
      if (tag === 'VBD' || tag === 'VBN') past.add(word);
      else if (word === 'i') continue;
      else if (NOUN_TAGS.has(tag)) nominal.set(word, 'noun');
      else if (MODIFIER_TAGS.has(tag)) nominal.set(word, 'modifier');
    }
    posWords = { pastVerbs: past, nominalWords: nominal };
  }
  return posWords;
}

/** Past tenses and participles of the POS lexicon (about 5,000 words). */
export function loadPastVerbs(): ReadonlySet<string> {
  return loadPosWords().pastVerbs;
}

/** Nouns and noun modifiers of the POS lexicon (about 32,000 words), for the verb-object check. */
export function loadNominalWords(): ReadonlyMap<string, NominalKind> {
  return loadPosWords().nominalWords;
}

export function loadTaxonomy(dataDir: string): CompiledTaxonomy {
  const file = join(dataDir, TAXONOMY_FILE);
  const data: TaxonomyData = readDataFile(file, TaxonomyDataSchema);
  return compileTaxonomy(data, file, loadPastVerbs(), loadNominalWords());
}

/** Same as loadTaxonomy for YAML text already in memory (tests, tools). */
export function parseTaxonomy(yamlText: string, file = TAXONOMY_FILE): CompiledTaxonomy {
  return compileTaxonomy(parseDataText(file, yamlText, TaxonomyDataSchema), file, loadPastVerbs(), loadNominalWords());
}
