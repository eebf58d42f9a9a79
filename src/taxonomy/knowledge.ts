// Everything read from data/ at boot, validated, compiled once and handed to routes and pipeline steps.
// Each data file adds its loader here; a bad file throws DataFileError and stops the server.
import { join } from 'node:path';
import type { CompiledTaxonomy } from './compile-taxonomy.js';
import { loadLexicon, type RewriteLexicon } from './load-lexicon.js';
import { loadRoleKnowledge, type RoleKnowledge } from './load-roles.js';
import { loadTaxonomy } from './load-taxonomy.js';
import { DataFileError } from './read-data-file.js';

export interface Knowledge {
  dataDir: string;
  lexicon: RewriteLexicon;
  taxonomy: CompiledTaxonomy;
  /** Role profiles, credentials and next steps (data/roles.yaml), checked against the taxonomy's ids. */
  roles: RoleKnowledge;
}

export function loadKnowledge(dataDir: string): Knowledge {
  const taxonomy = loadTaxonomy(dataDir);
  const competencyIds = taxonomy.competencies.map((c) => c.id);
  const lexiconFile = join(dataDir, 'rewrite-lexicon.yaml');
  const lexicon = loadLexicon(lexiconFile);
  checkLexiconIds(lexiconFile, lexicon, new Set(competencyIds));
  return { dataDir, lexicon, taxonomy, roles: loadRoleKnowledge(dataDir, competencyIds) };
}

/** The lexicon names competencies (which verb suits each): every one must exist in the taxonomy. */
export function checkLexiconIds(file: string, lexicon: RewriteLexicon, competencyIds: ReadonlySet<string>): void {
  const issues = [...lexicon.competencyVerbs.keys()]
    .filter((id) => !competencyIds.has(id))
    .map((id) => `competencyVerbs.${id}: unknown competency "${id}" (see data/taxonomy.yaml)`);
  if (issues.length > 0) throw new DataFileError(file, issues);
}
