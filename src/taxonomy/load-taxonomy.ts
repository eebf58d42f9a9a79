// Boot-time only: reads data/taxonomy.yaml, validates it with zod and compiles it. A bad entry throws a
// DataFileError naming the file and the field, which stops the server before it listens.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TaxonomyData, TaxonomyDataSchema } from '../schemas/taxonomy.js';
import { type CompiledTaxonomy, compileTaxonomy, type NominalKind } from './compile-taxonomy.js';
import { parseDataText, readDataFile, readDataText } from './read-data-file.js';
import { parsePosWords, type PosWords } from './pos-words.js';

export const TAXONOMY_FILE = 'taxonomy.yaml';

export const POS_WORDS_FILE = 'pos-words.txt';
const posWordsByFile = new Map<string, PosWords>();

/** data/pos-words.txt (see pos-words.ts), read once per process and file. */
function loadPosWords(dataDir: string): PosWords {
  const file = join(dataDir, POS_WORDS_FILE);
  let words = posWordsByFile.get(file);
  if (!words) {
    words = parsePosWords(file, readDataText(file));
    posWordsByFile.set(file, words);
  }
  return words;
}

/** Past tenses and participles of the POS lexicon (about 5,000 words). */
export function loadPastVerbs(dataDir: string): ReadonlySet<string> {
  return loadPosWords(dataDir).pastVerbs;
}

/** Nouns and noun modifiers of the POS lexicon (about 32,000 words), for the verb-object check. */
export function loadNominalWords(dataDir: string): ReadonlyMap<string, NominalKind> {
  return loadPosWords(dataDir).nominalWords;
}

export function loadTaxonomy(dataDir: string): CompiledTaxonomy {
  const file = join(dataDir, TAXONOMY_FILE);
  const data: TaxonomyData = readDataFile(file, TaxonomyDataSchema);
  return compileTaxonomy(data, file, loadPastVerbs(dataDir), loadNominalWords(dataDir));
}

/** The data/ folder shipped with the code (src/taxonomy or dist/taxonomy, two levels down). */
const SHIPPED_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

/** Same as loadTaxonomy for YAML text already in memory (tests, tools); POS words from `dataDir`. */
export function parseTaxonomy(yamlText: string, file = TAXONOMY_FILE, dataDir = SHIPPED_DATA_DIR): CompiledTaxonomy {
  return compileTaxonomy(parseDataText(file, yamlText, TaxonomyDataSchema), file, loadPastVerbs(dataDir), loadNominalWords(dataDir));
}
