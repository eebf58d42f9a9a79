// Composes the analysis steps into the POST /v1/analyses response: match -> score (-> gaps, rewrites).
// Pure: takes the structured document and the boot-time knowledge, returns data. Deterministic: the same
// document and taxonomy give byte-identical JSON (every list is in taxonomy or document order).
import type { Analysis } from '../schemas/analysis.js';
import type { ResumeDocument } from '../schemas/document.js';
import type { CompiledTaxonomy } from '../taxonomy/compile-taxonomy.js';
import { matchEvidence } from './match.js';
import { scoreCompetencies } from './score.js';

/** The part of the boot-time knowledge this step needs. */
export interface AnalysisKnowledge {
  taxonomy: CompiledTaxonomy;
}

// biome-ignore lint/complexity/noBannedTypes: options are added by the gap-report and rewrite steps.
export type AnalyzeOptions = {};

export function analyzeResume(
  doc: ResumeDocument,
  knowledge: AnalysisKnowledge,
  _options: AnalyzeOptions = {},
): Analysis {
  const { taxonomy } = knowledge;
  const evidence = matchEvidence(doc, taxonomy);
  const competencies = scoreCompetencies(doc, evidence, taxonomy);
  return { taxonomyVersion: taxonomy.version, document: doc, competencies };
}
