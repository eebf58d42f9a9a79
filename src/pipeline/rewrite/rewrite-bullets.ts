// The rewrites of a list of bullets sent without a resume (POST /v1/rewrites, and the CLI): competencies
// per bullet come from the taxonomy matcher run on that bullet; with a `targetRole` they are ordered by
// what that role weighs most, which decides the verb a weak opener is replaced with. Each rewrite is the
// pure rewriteBullet step with the boot-time lexicon.
import { appError } from '../../errors.js';
import type { RewriteRequest, RewriteResponse } from '../../schemas/rewrites.js';
import type { AnalysisKnowledge } from '../analyze.js';
import { matchText } from '../match/match-phrases.js';
import { rewriteTidied } from './rewrite-bullet.js';
import { skipReasonTidied } from './skip-bullet.js';
import { tidy } from './tidy-text.js';

/** Competency ids the taxonomy finds in `text`, in order of first appearance. */
export function bulletCompetencies(text: string, knowledge: Pick<AnalysisKnowledge, 'taxonomy'>): string[] {
  return [...new Set(matchText(text, knowledge.taxonomy).map((m) => m.competencyId))];
}

/** Competency ids ordered by the role's requirement weight (heaviest first); others keep their order after. */
function orderForRole(ids: string[], weights: ReadonlyMap<string, number>): string[] {
  return ids
    .map((id, i) => ({ id, i, w: weights.get(id) ?? 0 }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((x) => x.id);
}

/** The answer of POST /v1/rewrites for a validated body. Throws UNKNOWN_ROLE for an unknown role id. */
export function rewriteBulletsRequest(body: RewriteRequest, knowledge: AnalysisKnowledge): RewriteResponse {
  const role = body.targetRole === undefined ? undefined : knowledge.roles.rolesById.get(body.targetRole);
  if (body.targetRole !== undefined && !role) throw appError('UNKNOWN_ROLE', `"${body.targetRole}"; see GET /v1/roles`);
  const weights = new Map(role?.requirements.map((q) => [q.competencyId, q.weight]) ?? []);
  const tense = body.tense ?? 'past';
  const { lexicon } = knowledge;
  const rewrites: RewriteResponse['rewrites'] = [];
  const rewriteSkipped: RewriteResponse['rewriteSkipped'] = [];
  body.bullets.forEach((text, i) => {
    const bulletId = `b${i + 1}`;
    // The skip test and the rewrite read the same tidied text: tidy it once, as rewriteResume does.
    const cleaned = tidy(text);
    const reason = skipReasonTidied(text, cleaned, lexicon);
    if (reason) rewriteSkipped.push({ bulletId, reason });
    else {
      const competencyIds = orderForRole(bulletCompetencies(text, knowledge), weights);
      rewrites.push({ bulletId, ...rewriteTidied(text, cleaned, { tense, competencyIds }, lexicon) });
    }
  });
  return {
    lexiconVersion: lexicon.version,
    ...(body.targetRole ? { targetRole: body.targetRole } : {}),
    rewrites,
    rewriteSkipped,
  };
}
