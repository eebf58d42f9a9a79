// Loads the boot-time data the pipeline steps take as arguments, with the same loaders the server uses.
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_ZIP_LIMITS } from '../../src/extraction/inspect-zip.js';
import type { ExtractLimits, OcrLimits } from '../../src/extraction/extract-text.js';
import { extractLimitsFromConfig } from '../../src/extraction/extractor.js';
import type { ReadLimits } from '../../src/extraction/read-resume.js';
import type { CompiledTaxonomy } from '../../src/taxonomy/compile-taxonomy.js';
import { loadLexicon, type RewriteLexicon } from '../../src/taxonomy/load-lexicon.js';
import { loadRoleKnowledge, type RoleKnowledge } from '../../src/taxonomy/load-roles.js';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.js';

export interface BenchKnowledge {
  dataDir: string;
  taxonomy: CompiledTaxonomy;
  roles: RoleKnowledge;
  lexicon: RewriteLexicon;
  /** OCR off: the stage timings measure text layers, as before OCR. */
  extractLimits: ExtractLimits;
  /** The server's OCR limits, for the OCR section. */
  ocrLimits: OcrLimits;
  readLimits: ReadLimits;
}

/** The server's defaults (no environment), so limits match a default deployment. */
export function loadBenchKnowledge(): BenchKnowledge {
  const config = loadConfig({});
  const dataDir = config.DATA_DIR;
  const taxonomy = loadTaxonomy(dataDir);
  return {
    dataDir,
    taxonomy,
    roles: loadRoleKnowledge(dataDir, taxonomy.competencies.map((c) => c.id)),
    lexicon: loadLexicon(join(dataDir, 'rewrite-lexicon.yaml')),
    extractLimits: { maxPages: config.MAX_PAGES, maxTextChars: config.MAX_TEXT_CHARS },
    ocrLimits: extractLimitsFromConfig(config).ocr!,
    readLimits: {
      maxTextChars: config.MAX_TEXT_CHARS,
      minTextChars: config.MIN_TEXT_CHARS,
      zip: DEFAULT_ZIP_LIMITS,
    },
  };
}
