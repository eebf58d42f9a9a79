// Boot-time only: reads data/taxonomy.yaml, validates it with zod and compiles it. A bad entry throws a
// DataFileError naming the file and the field, which stops the server before it listens.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type TaxonomyData, TaxonomyDataSchema } from '../schemas/taxonomy.js';
import { type CompiledTaxonomy, compileTaxonomy } from './compile-taxonomy.js';
import { parseDataText, readDataFile } from './read-data-file.js';

export const TAXONOMY_FILE = 'taxonomy.yaml';

const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';
let pastVerbs: ReadonlySet<string> | undefined;

/**
 * Words whose most frequent tag in natural's Brill lexicon is a past tense or participle ("led",
 * "managed"): after "and" they start a second action, which a negation before "and" does not reach.
 * Read once per process (4 MB of JSON, about 5,000 words kept).
 */
export function loadPastVerbs(): ReadonlySet<string> {
  if (!pastVerbs) {
    // Parsed from the file, not require()d: require keeps the whole 4 MB lexicon in its module cache
    // for the life of the process, and only the past forms are needed.
    const path = createRequire(import.meta.url).resolve(LEXICON);
    const lexicon = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>;
    pastVerbs = new Set(
      Object.entries(lexicon)
        .filter(([word, tags]) => /^[a-z]+$/.test(word) && (tags[0] === 'VBD' || tags[0] === 'VBN'))
        .map(([word]) => word),
    );
  }
  return pastVerbs;
}

export function loadTaxonomy(dataDir: string): CompiledTaxonomy {
  const file = join(dataDir, TAXONOMY_FILE);
  const data: TaxonomyData = readDataFile(file, TaxonomyDataSchema);
  return compileTaxonomy(data, file, loadPastVerbs());
}

/** Same as loadTaxonomy for YAML text already in memory (tests, tools). */
export function parseTaxonomy(yamlText: string, file = TAXONOMY_FILE): CompiledTaxonomy {
  return compileTaxonomy(parseDataText(file, yamlText, TaxonomyDataSchema), file, loadPastVerbs());
}
