import { z } from 'zod';
import { RewriteSchema, RewriteSkippedSchema } from './analysis.js';

// Contract of POST /v1/rewrites: bullets rewritten without a resume (issue 5).

export const MAX_REWRITE_BULLETS = 100;
export const MAX_BULLET_CHARS = 2000;

export const RewriteRequestSchema = z
  .object({
    bullets: z
      .array(z.string().max(MAX_BULLET_CHARS))
      .min(1)
      .max(MAX_REWRITE_BULLETS)
      .describe(`One to ${MAX_REWRITE_BULLETS} resume bullets, each at most ${MAX_BULLET_CHARS} characters.`),
    targetRole: z.string().min(1).optional().describe('A role id from GET /v1/roles (400 UNKNOWN_ROLE otherwise); echoed back.'),
    tense: z
      .enum(['past', 'present'])
      .optional()
      .describe('past (default) for a past role, present for the current one.'),
  })
  .strict()
  .meta({ id: 'RewriteRequest' });
export type RewriteRequest = z.infer<typeof RewriteRequestSchema>;

export const RewriteResponseSchema = z
  .object({
    lexiconVersion: z.number().int().positive(),
    targetRole: z.string().optional(),
    rewrites: z
      .array(RewriteSchema)
      .describe('One entry per input bullet not in rewriteSkipped[], in order; bulletId is b1, b2, ... by position.'),
    rewriteSkipped: z
      .array(RewriteSkippedSchema)
      .describe('Input lines that are not rewritten (a title, header, date, contact line or fragment), with the reason.'),
  })
  .meta({ id: 'RewriteResponse' });
export type RewriteResponse = z.infer<typeof RewriteResponseSchema>;
