// Boot-time only: reads data/taxonomy.yaml, validates it with zod and compiles it. A bad entry throws a
// DataFileError naming the file and the field, which stops the server before it listens.
import { join } from 'node:path';
import { type TaxonomyData, TaxonomyDataSchema } from '../schemas/taxonomy.js';
import { type CompiledTaxonomy, compileTaxonomy } from './compile-taxonomy.js';
import { parseDataText, readDataFile } from './read-data-file.js';

export const TAXONOMY_FILE = 'taxonomy.yaml';

export function loadTaxonomy(dataDir: string): CompiledTaxonomy {
  const file = join(dataDir, TAXONOMY_FILE);
  const data: TaxonomyData = readDataFile(file, TaxonomyDataSchema);
  return compileTaxonomy(data, file);
}

/** Same as loadTaxonomy for YAML text already in memory (tests, tools). */
export function parseTaxonomy(yamlText: string, file = TAXONOMY_FILE): CompiledTaxonomy {
  return compileTaxonomy(parseDataText(file, yamlText, TaxonomyDataSchema), file);
}
