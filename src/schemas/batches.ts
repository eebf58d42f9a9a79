import { z } from 'zod';
import { AnalysisSchema } from './analysis.js';
import { ErrorResponseSchema } from './error.js';

// Contract of /v1/batches (issue 16): asynchronous analyses of many resumes, results kept for a while.

export const BatchStatusSchema = z
  .enum(['queued', 'running', 'completed', 'cancelled'])
  .describe('queued: nothing started; running: some items done or in progress; completed: every item ended.');
export type BatchStatus = z.infer<typeof BatchStatusSchema>;

export const BatchJsonBodySchema = z
  .object({
    items: z
      .array(
        z.object({
          id: z.string().max(200).optional().describe('Your reference for the item, echoed as `itemId`.'),
          text: z.string().describe('The resume as plain text.'),
        }),
      )
      .min(1)
      .describe('The resumes, at most BATCH_MAX_ITEMS (default 100; 413 past it).'),
    targetRole: z.string().max(100).optional().describe('A role id from GET /v1/roles.'),
    jobDescription: z.string().max(100_000).optional().describe('A job posting as plain text.'),
    webhookUrl: z
      .string()
      .max(2000)
      .optional()
      .describe('Called with a signed `batch.completed` event when the batch ends (https unless configured).'),
  })
  .strict()
  .meta({ id: 'BatchRequest' });
export type BatchJsonBody = z.infer<typeof BatchJsonBodySchema>;

export const BatchUploadSchema = z
  .object({
    resumes: z
      .array(z.string().meta({ format: 'binary' }))
      .describe('One or more PDF, DOCX or TXT files, each within the per-file limit of POST /v1/analyses.'),
    targetRole: z.string().optional(),
    jobDescription: z.string().optional().describe('The posting as a text field, or as a file in this field.'),
    webhookUrl: z.string().optional(),
  })
  .meta({ id: 'BatchUpload' });

export const BatchHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .max(200)
    .optional()
    .describe('The same key and body within 24 h answer the same batch; another body with it gives 409.'),
});

export const BatchParamsSchema = z.object({ id: z.string().max(100).describe('The batch id.') });

export const BatchSchema = z
  .object({
    id: z.string(),
    status: BatchStatusSchema,
    total: z.number().int().positive(),
    completed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    createdAt: z.string().describe('ISO 8601'),
    expiresAt: z.string().describe('ISO 8601; the batch and its results are deleted then.'),
  })
  .meta({ id: 'Batch' });
export type Batch = z.infer<typeof BatchSchema>;

export const BatchAcceptedSchema = BatchSchema.pick({ id: true, total: true, createdAt: true, expiresAt: true })
  .extend({ status: z.literal('queued') })
  .meta({ id: 'BatchAccepted' });

export const BatchItemResultSchema = z
  .object({
    index: z.number().int().nonnegative().describe('Position in the submission, from 0.'),
    itemId: z.string().optional(),
    filename: z.string().optional(),
    status: z.enum(['completed', 'failed']),
    analysis: AnalysisSchema.optional().describe('Byte for byte what POST /v1/analyses answers for this item.'),
    error: ErrorResponseSchema.optional(),
  })
  .meta({ id: 'BatchItemResult' });
export type BatchItemResult = z.infer<typeof BatchItemResultSchema>;

export const BatchResultsSchema = z
  .object({
    id: z.string(),
    status: BatchStatusSchema,
    items: z.array(BatchItemResultSchema).describe('The items that have ended, in submission order.'),
  })
  .meta({ id: 'BatchResults' });

export const RankedCandidateSchema = z
  .object({
    index: z.number().int().nonnegative(),
    itemId: z.string().optional(),
    filename: z.string().optional(),
    name: z.string().optional().describe("From the resume's contact block, when it has one."),
    readiness: z.number().int().min(0).max(100),
    jobDescriptionCoverage: z.number().int().min(0).max(100).optional(),
    strengths: z.array(z.string()).max(3).describe('Up to 3 competency ids at the required level, heaviest first.'),
    gaps: z.array(z.string()).max(3).describe('Up to 3 competency ids below the required level, heaviest first.'),
  })
  .meta({ id: 'RankedCandidate' });
export type RankedCandidate = z.infer<typeof RankedCandidateSchema>;

export const BatchRankingSchema = z
  .object({
    id: z.string(),
    status: BatchStatusSchema,
    rankedBy: z.enum(['readiness', 'jobDescriptionCoverage']),
    items: z.array(RankedCandidateSchema),
  })
  .meta({ id: 'BatchRanking' });
export type BatchRanking = z.infer<typeof BatchRankingSchema>;

export const BatchWebhookEventSchema = z
  .object({
    type: z.literal('batch.completed'),
    data: BatchSchema.pick({ id: true, status: true, total: true, completed: true, failed: true }),
  })
  .meta({ id: 'BatchWebhookEvent' });
export type BatchWebhookEvent = z.infer<typeof BatchWebhookEventSchema>;
