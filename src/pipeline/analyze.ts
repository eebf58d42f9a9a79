// Composes the analysis steps into the POST /v1/analyses response: match -> score -> gaps, rewrites.
// Pure: takes the structured document and the boot-time knowledge, returns data. Deterministic: the same
// document and knowledge give byte-identical JSON (every list is in taxonomy or document order).
import type { Analysis, CompetencyResult, Evidence } from '../schemas/analysis.js';
import type { ResumeDocument } from '../schemas/document.js';
import type { CompiledTaxonomy } from '../taxonomy/compile-taxonomy.js';
import type { RewriteLexicon } from '../taxonomy/load-lexicon.js';
import type { RoleKnowledge } from '../taxonomy/load-roles.js';
import { competencyOf, matchEvidence } from './match/collect-evidence.js';
import { scoreCompetencies } from './match/score.js';
import { type GapOptions, reportGaps } from './report/gaps.js';
import { rewriteResume } from './rewrite/rewrite-bullet.js';
import { type Token, tokenize } from '../text/tokenize.js';

/** The part of the boot-time knowledge the analysis needs. */
export interface AnalysisKnowledge {
  taxonomy: CompiledTaxonomy;
  lexicon: RewriteLexicon;
  roles: RoleKnowledge;
}

/** Request options; the gap-report and rewrite steps add theirs here. */
export type AnalyzeOptions = GapOptions;

/** Evidence and one scored result per competency: the part of the analysis the taxonomy alone decides. */
export function scoreResume(
  doc: ResumeDocument,
  taxonomy: CompiledTaxonomy,
  tokens: readonly Token[] = tokenize(doc.text, taxonomy.lemmas),
): { evidence: Evidence[]; competencies: CompetencyResult[] } {
  const evidence = matchEvidence(doc, taxonomy, tokens);
  return { evidence, competencies: scoreCompetencies(doc, evidence, taxonomy) };
}

export function analyzeResume(
  doc: ResumeDocument,
  knowledge: AnalysisKnowledge,
  options: AnalyzeOptions = {},
): Analysis {
  const { taxonomy } = knowledge;
  // The text is tokenized once: the matcher and the posting reader read the same tokens.
  const tokens = tokenize(doc.text, taxonomy.lemmas);
  const { evidence, competencies } = scoreResume(doc, taxonomy, tokens);
  const { rewrites, rewriteSkipped } = rewriteResume(doc, evidence, (e) => competencyOf(e, taxonomy), knowledge.lexicon);
  return {
    taxonomyVersion: taxonomy.version,
    document: doc,
    competencies,
    rewrites,
    rewriteSkipped,
    gapReport: reportGaps(doc, competencies, { taxonomy, roles: knowledge.roles }, options, tokens),
  };
}
