// Boot-time only: reads data/taxonomy.yaml, validates it with zod and compiles it. A bad entry throws a
// DataFileError naming the file and the field, which stops the server before it listens.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type TaxonomyData, TaxonomyDataSchema } from '../schemas/taxonomy.js';
import { type CompiledTaxonomy, compileTaxonomy, type NominalKind } from './compile-taxonomy.js';
import { parseDataText, readDataFile } from './read-data-file.js';

export const TAXONOMY_FILE = 'taxonomy.yaml';

const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';
let pastVerbs: ReadonlySet<string> | undefined;
let nominalWords: ReadonlyMap<string, NominalKind> | undefined;
const NOUN_TAGS = new Set(['NN', 'NNS']);
const MODIFIER_TAGS = new Set(['DT', 'PRP$', 'JJ', 'JJR', 'JJS', 'VBG', 'POS', 'CD']);

function readLexicon(): Record<string, string[]> {
  return createRequire(import.meta.url)(LEXICON) as Record<string, string[]>;
}

/**
 * Words whose most frequent tag in natural's Brill lexicon is a past tense or participle ("led",
 * "managed"): after "and" they start a second action, which a negation before "and" does not reach.
 * Read once per process (4 MB of JSON, about 5,000 words kept).
 */
export function loadPastVerbs(): ReadonlySet<string> {
  if (!pastVerbs) {
    const lexicon = readLexicon();
    pastVerbs = new Set(
      Object.entries(lexicon)
        .filter(([word, tags]) => /^[a-z]+$/.test(word) && (tags[0] === 'VBD' || tags[0] === 'VBN'))
        .map(([word]) => word),
    );
  }
  return pastVerbs;
}

/**
 * Words whose most frequent tag in the same lexicon is a determiner, possessive, adjective, gerund, noun
 * or number ("the", "our", "receiving", "team"): a verb right after one is read as a noun. The lexicon
 * lists the pronoun only as capital "I"; its lower case is tagged a noun, so it is left out.
 */
export function loadNominalWords(): ReadonlyMap<string, NominalKind> {
  if (!nominalWords) {
    const map = new Map<string, NominalKind>();
    for (const [word, tags] of Object.entries(readLexicon())) {
      if (!/^[a-z]+$/.test(word) || word === 'i') continue;
      if (NOUN_TAGS.has(tags[0]!)) map.set(word, 'noun');
      else if (MODIFIER_TAGS.has(tags[0]!)) map.set(word, 'modifier');
    }
    nominalWords = map;
  }
  return nominalWords;
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
