// Everything read from data/ at boot, validated, compiled once and handed to routes and pipeline steps.
// Each data file adds its loader here; a bad file throws DataFileError and stops the server.
import { join } from 'node:path';
import type { CompiledTaxonomy } from './compile-taxonomy.js';
import { loadLexicon, type RewriteLexicon } from './load-lexicon.js';
import { loadRoleKnowledge, type RoleKnowledge } from './load-roles.js';
import { loadTaxonomy } from './load-taxonomy.js';

export interface Knowledge {
  dataDir: string;
  lexicon: RewriteLexicon;
  taxonomy: CompiledTaxonomy;
  /** Role profiles, credentials and next steps (data/roles.yaml), checked against the taxonomy's ids. */
  roles: RoleKnowledge;
}

export function loadKnowledge(dataDir: string): Knowledge {
  const taxonomy = loadTaxonomy(dataDir);
  return {
    dataDir,
    lexicon: loadLexicon(join(dataDir, 'rewrite-lexicon.yaml')),
    taxonomy,
    roles: loadRoleKnowledge(
      dataDir,
      taxonomy.competencies.map((c) => c.id),
    ),
  };
}
