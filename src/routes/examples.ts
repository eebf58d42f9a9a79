// The request and response examples of the OpenAPI document, made by the real pipeline at boot from one
// short resume, so every example is an answer the server really gives (and validates against its schema).
import type { FastifyInstance } from 'fastify';
import { analyzeResume } from '../pipeline/analyze.js';
import { readResumeText } from '../pipeline/read/build-document.js';
import { rewriteBulletsRequest } from '../pipeline/rewrite/rewrite-bullets.js';

export const EXAMPLE_RESUME = [
  'Dana Example',
  'Summary',
  'Customer service lead moving into project coordination.',
  'Experience',
  'Customer Service Team Lead 2019 to Present',
  '• Resolved 60 customer inquiries a day by phone and e-mail.',
  '• Trained and coached 8 new hires on the ticketing workflow.',
  '• Handled escalated complaints and tracked them to resolution.',
  'Skills',
  'Zendesk, Excel, scheduling',
].join('\n');

export const EXAMPLE_BULLETS = ['Responsible for handling customer complaints and billing inquiries.', 'Trained new hires'];

/** Month the examples' gap report is computed for: fixed, so the document does not change with the date. */
const EXAMPLE_AS_OF = '2026-12';

type Examples = ReturnType<typeof makeExamples>;
const built = new WeakMap<FastifyInstance, Examples>();

function makeExamples(app: FastifyInstance) {
  const document = readResumeText(EXAMPLE_RESUME, app.readLimits);
  const analysis = analyzeResume(document, app.knowledge, {
    targetRole: app.knowledge.roles.defaultTargetRole,
    asOf: EXAMPLE_AS_OF,
  });
  return {
    document,
    analysis,
    rewrites: rewriteBulletsRequest({ bullets: EXAMPLE_BULLETS }, app.knowledge),
  };
}

/** Built once per app instance at boot (the routes of one app share them). */
export function buildExamples(app: FastifyInstance): Examples {
  let examples = built.get(app);
  if (!examples) {
    examples = makeExamples(app);
    built.set(app, examples);
  }
  return examples;
}
