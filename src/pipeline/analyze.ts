// Composes the analysis steps into the POST /v1/analyses response: match -> score (-> gaps, rewrites).
// Pure: takes the structured document and the boot-time knowledge, returns data. Deterministic: the same
// document and taxonomy give byte-identical JSON (every list is in taxonomy or document order).
import type { Analysis } from '../schemas/analysis.js';
import type { ResumeDocument } from '../schemas/document.js';
import type { CompiledTaxonomy } from '../taxonomy/compile-taxonomy.js';
import type { RewriteLexicon } from '../taxonomy/load-lexicon.js';
import type { RoleKnowledge } from '../taxonomy/load-roles.js';
import { type GapOptions, reportGaps } from './report/gaps.js';
import { competencyOf, matchEvidence } from './match/collect-evidence.js';
import { rewriteResume } from './rewrite/rewrite-bullet.js';
import { scoreCompetencies } from './match/score.js';

/** The part of the boot-time knowledge this step needs. */
export interface AnalysisKnowledge {
  taxonomy: CompiledTaxonomy;
  /** Without it (tests of the matcher alone) rewrites[] is empty. */
  lexicon?: RewriteLexicon;
  /** Without it (tests of the matcher alone) there is no gapReport. */
  roles?: RoleKnowledge;
}

/** Request options; the gap-report and rewrite steps add theirs here. */
export type AnalyzeOptions = GapOptions;

export function analyzeResume(
  doc: ResumeDocument,
  knowledge: AnalysisKnowledge,
  options: AnalyzeOptions = {},
): Analysis {
  const { taxonomy } = knowledge;
  const evidence = matchEvidence(doc, taxonomy);
  const competencies = scoreCompetencies(doc, evidence, taxonomy);
  const { rewrites, rewriteSkipped } = knowledge.lexicon
    ? rewriteResume(doc, evidence, (e) => competencyOf(e, taxonomy), knowledge.lexicon)
    : { rewrites: [], rewriteSkipped: [] };
  const gapReport = knowledge.roles
    ? reportGaps(doc, competencies, { taxonomy, roles: knowledge.roles }, options)
    : undefined;
  return {
    taxonomyVersion: taxonomy.version,
    document: doc,
    competencies,
    rewrites,
    rewriteSkipped,
    ...(gapReport ? { gapReport } : {}),
  };
}
