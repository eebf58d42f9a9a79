// POST /v1/rewrites: PM-framed rewrites of bullets sent without a resume (issue 5).
// Competencies per bullet come from the taxonomy matcher run on that bullet; the rewrite
// itself is the pure rewriteBullet step with the boot-time lexicon.
import { appError } from '../errors.js';
import { matchText } from '../pipeline/match/match-phrases.js';
import { rewriteBullet } from '../pipeline/rewrite/rewrite-bullet.js';
import { skipReason } from '../pipeline/rewrite/skip-bullet.js';
import { type RewriteResponse, RewriteRequestSchema, RewriteResponseSchema } from '../schemas/rewrites.js';
import type { Knowledge } from '../taxonomy/knowledge.js';
import { parseInput, type RouteFactory } from './route-spec.js';

/** Competency ids the taxonomy finds in `text`, in order of first appearance. */
export function bulletCompetencies(text: string, knowledge: Pick<Knowledge, 'taxonomy'>): string[] {
  return [...new Set(matchText(text, knowledge.taxonomy).map((m) => m.competencyId))];
}

export const rewriteRoutes: RouteFactory = (app) => [
  {
    spec: {
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
        'the rubric in docs/rewrites.md.',
      tags: ['rewrites'],
      body: { json: RewriteRequestSchema },
      response: RewriteResponseSchema,
      errors: ['INVALID_REQUEST', 'UNKNOWN_ROLE', 'UNAUTHORIZED', 'RATE_LIMITED'],
    },
    handler: async (request): Promise<RewriteResponse> => {
      const body = parseInput(RewriteRequestSchema, request.body, 'body');
      if (body.targetRole && !app.knowledge.roles.rolesById.has(body.targetRole)) {
        throw appError('UNKNOWN_ROLE', `"${body.targetRole}"; see GET /v1/roles`);
      }
      const tense = body.tense ?? 'past';
      const { lexicon } = app.knowledge;
      const rewrites: RewriteResponse['rewrites'] = [];
      const rewriteSkipped: RewriteResponse['rewriteSkipped'] = [];
      body.bullets.forEach((text, i) => {
        const bulletId = `b${i + 1}`;
        const reason = skipReason(text, lexicon);
        if (reason) rewriteSkipped.push({ bulletId, reason });
        else rewrites.push({ bulletId, ...rewriteBullet(text, { tense, competencyIds: bulletCompetencies(text, app.knowledge) }, lexicon) });
      });
      return {
        lexiconVersion: lexicon.version,
        ...(body.targetRole ? { targetRole: body.targetRole } : {}),
        rewrites,
        rewriteSkipped,
      };
    },
  },
];
