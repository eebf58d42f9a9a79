import { z } from 'zod';
import { ResumeDocumentSchema, SectionKindSchema } from './document.js';

// Contract of POST /v1/analyses. Issue 3 owns competencies, issue 4 gapReport, issue 5 rewrites.

export const LEVELS = ['none', 'emerging', 'developing', 'strong'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export const EvidenceSchema = z
  .object({
    quote: z.string().describe('Always equal to document.text.slice(start, end).'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    section: SectionKindSchema,
    bulletId: z.string().optional(),
    roleIndex: z.number().int().nonnegative().optional(),
    strength: z.enum(['strong', 'weak']),
    patternId: z.string().describe('The taxonomy pattern that matched (see GET /v1/taxonomy).'),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof EvidenceSchema>;

export const CompetencyResultSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    pmName: z.string(),
    level: LevelSchema,
    score: z.number().int().min(0).max(100),
    evidence: z.array(EvidenceSchema),
  })
  .meta({ id: 'CompetencyResult' });
export type CompetencyResult = z.infer<typeof CompetencyResultSchema>;

export const GapStatusSchema = z.enum(['strength', 'reframe', 'thin', 'gap']);
export const NextStepSchema = z
  .object({
    kind: z.enum(['certification', 'course', 'experience', 'networking', 'role']),
    title: z.string(),
    why: z.string(),
    competencyIds: z.array(z.string()),
    effort: z.string(),
  })
  .meta({ id: 'NextStep' });

export const GapItemSchema = z
  .object({
    competencyId: z.string(),
    required: LevelSchema,
    actual: LevelSchema,
    weight: z.number(),
    status: GapStatusSchema,
    evidenceCount: z.number().int().nonnegative(),
    advice: z.string(),
  })
  .meta({ id: 'GapItem' });

export const GapReportSchema = z
  .object({
    targetRole: z.object({ id: z.string(), title: z.string(), onetCode: z.string() }),
    readiness: z.number().int().min(0).max(100),
    explanation: z.string(),
    items: z.array(GapItemSchema),
    nextSteps: z.array(NextStepSchema),
    roleFit: z.array(z.object({ id: z.string(), title: z.string(), readiness: z.number().int().min(0).max(100) })),
  })
  .meta({ id: 'GapReport' });
export type GapReport = z.infer<typeof GapReportSchema>;

export const RewriteSchema = z
  .object({
    bulletId: z.string(),
    original: z.string(),
    rewrite: z.string(),
    competencyIds: z.array(z.string()),
    changes: z.array(z.object({ rule: z.string(), from: z.string(), to: z.string() })),
    slots: z.array(z.object({ token: z.string(), question: z.string() })),
    scoreBefore: z.number().int().min(0).max(100),
    scoreAfter: z.number().int().min(0).max(100),
  })
  .meta({ id: 'Rewrite' });
export type Rewrite = z.infer<typeof RewriteSchema>;

export const AnalysisSchema = z
  .object({
    taxonomyVersion: z.string(),
    document: ResumeDocumentSchema,
    competencies: z.array(CompetencyResultSchema),
  })
  .meta({ id: 'Analysis' });
export type Analysis = z.infer<typeof AnalysisSchema>;
