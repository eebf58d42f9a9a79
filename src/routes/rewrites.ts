// POST /v1/rewrites: PM-framed rewrites of bullets sent without a resume.
// Competencies per bullet come from the taxonomy matcher run on that bullet; with a `targetRole` they are
// ordered by what that role weighs most, which decides the verb a weak opener is replaced with. The
// rewrite itself is the pure rewriteBullet step with the boot-time lexicon.
import { appError } from '../errors.js';
import { matchText } from '../pipeline/match/match-phrases.js';
import { rewriteBullet } from '../pipeline/rewrite/rewrite-bullet.js';
import { skipReason } from '../pipeline/rewrite/skip-bullet.js';
import { type RewriteRequest, type RewriteResponse, RewriteRequestSchema, RewriteResponseSchema } from '../schemas/rewrites.js';
import type { Knowledge } from '../taxonomy/knowledge.js';
import { buildExamples, EXAMPLE_BULLETS } from './examples.js';
import { defineRoute, type RouteFactory } from './route-spec.js';

/** Competency ids the taxonomy finds in `text`, in order of first appearance. */
export function bulletCompetencies(text: string, knowledge: Pick<Knowledge, 'taxonomy'>): string[] {
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
export function rewriteBulletsRequest(body: RewriteRequest, knowledge: Knowledge): RewriteResponse {
  const role = body.targetRole === undefined ? undefined : knowledge.roles.rolesById.get(body.targetRole);
  if (body.targetRole !== undefined && !role) throw appError('UNKNOWN_ROLE', `"${body.targetRole}"; see GET /v1/roles`);
  const weights = new Map(role?.requirements.map((q) => [q.competencyId, q.weight]) ?? []);
  const tense = body.tense ?? 'past';
  const { lexicon } = knowledge;
  const rewrites: RewriteResponse['rewrites'] = [];
  const rewriteSkipped: RewriteResponse['rewriteSkipped'] = [];
  body.bullets.forEach((text, i) => {
    const bulletId = `b${i + 1}`;
    const reason = skipReason(text, lexicon);
    if (reason) rewriteSkipped.push({ bulletId, reason });
    else {
      const competencyIds = orderForRole(bulletCompetencies(text, knowledge), weights);
      rewrites.push({ bulletId, ...rewriteBullet(text, { tense, competencyIds }, lexicon) });
    }
  });
  return {
    lexiconVersion: lexicon.version,
    ...(body.targetRole ? { targetRole: body.targetRole } : {}),
    rewrites,
    rewriteSkipped,
  };
}

export const rewriteRoutes: RouteFactory = (app) => [
  defineRoute(
    {
      method: 'POST',
      url: '/v1/rewrites',
      operationId: 'createRewrites',
      summary: 'Rewrite resume bullets for a project-management reader',
      description:
        'Rewrites up to 100 bullets so a PM hiring manager sees the project work in them: a strong verb ' +
        'first, customer-service terms in their PM meaning, visible slots such as `[N]` where a number ' +
        'is missing. A rewrite never adds a number, an employer, a tool or a result. `changes[]` lists ' +
        'every rule applied; `alternatives[]` offers up to two other honest framings; titles, headers, dates and ' +
        'contact lines are not rewritten but listed in `rewriteSkipped[]`. `scoreBefore`/`scoreAfter` follow ' +
        'the rubric in docs/rewrites.md. With `targetRole`, the competencies that role weighs most choose the ' +
        'verb a weak opener becomes.',
      tags: ['rewrites'],
      body: { json: RewriteRequestSchema },
      response: RewriteResponseSchema,
      errors: ['INVALID_REQUEST', 'UNKNOWN_ROLE', 'FILE_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
      examples: { request: { bullets: EXAMPLE_BULLETS }, response: buildExamples(app).rewrites },
    },
    async (request) => rewriteBulletsRequest(request.body, app.knowledge),
  ),
];
