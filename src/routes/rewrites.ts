// POST /v1/rewrites: PM-framed rewrites of bullets sent without a resume (pipeline/rewrite/rewrite-bullets.ts).
// Up to 100 bullets of 2,000 characters: past TEXT_WORK_MIN_CHARS in all they are rewritten in a text-work
// child, like a long resume, so a full request does not hold the event loop (100-260 ms of work here).
import { RewriteRequestSchema, RewriteResponseSchema } from '../schemas/rewrites.js';
import { buildExamples, EXAMPLE_BULLETS } from './examples.js';
import { defineRoute, type RouteFactory } from './route-spec.js';

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
    async (request) => app.textWork.rewrites(request.body),
  ),
];
