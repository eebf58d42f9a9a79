// Everything read from data/ at boot, validated, compiled once and handed to routes and pipeline steps.
// Each data file adds its loader here; a bad file throws DataFileError and stops the server.
import { join } from 'node:path';
import type { CompiledTaxonomy } from './compile-taxonomy.js';
import { loadLexicon, type RewriteLexicon } from './load-lexicon.js';
import { loadTaxonomy } from './load-taxonomy.js';

export interface Knowledge {
  dataDir: string;
  lexicon: RewriteLexicon;
  taxonomy: CompiledTaxonomy;
}

export function loadKnowledge(dataDir: string): Knowledge {
  return {
    dataDir,
    lexicon: loadLexicon(join(dataDir, 'rewrite-lexicon.yaml')),
    taxonomy: loadTaxonomy(dataDir),
  };
}
