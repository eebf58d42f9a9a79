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
    explanation: z
      .string()
      .optional()
      .describe('How the score was computed from the evidence (formula in the operation description).'),
    evidence: z.array(EvidenceSchema),
  })
  .meta({ id: 'CompetencyResult' });
export type CompetencyResult = z.infer<typeof CompetencyResultSchema>;

// --- gapReport (issue 4) ---

export const GapStatusSchema = z
  .enum(['strength', 'reframe', 'thin', 'gap'])
  .describe(
    'strength: at the required level with project-framed evidence; reframe: at or one level below it but only in ' +
      'customer-service terms (rewrites fix it); thin: some evidence below the level; gap: no evidence.',
  );
export type GapStatus = z.infer<typeof GapStatusSchema>;

export const CloseBySchema = z
  .enum(['nothing', 'reframe', 'experience', 'credential'])
  .describe(
    'What closes the item: nothing (already a strength), reframe (rewrite existing bullets), experience ' +
      '(new work, a course or a role), credential (a certification or membership).',
  );
export type CloseBy = z.infer<typeof CloseBySchema>;

export const NextStepSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['certification', 'course', 'experience', 'networking', 'role']),
    title: z.string(),
    why: z.string(),
    competencyIds: z.array(z.string()),
    effort: z.string(),
    eligible: z.boolean().describe('False when a prerequisite is missing; `why` then says which.'),
    impact: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe('Readiness points this step would add for the target role.'),
  })
  .meta({ id: 'NextStep' });
export type NextStep = z.infer<typeof NextStepSchema>;

export const GapItemSchema = z
  .object({
    competencyId: z.string(),
    required: LevelSchema,
    actual: LevelSchema,
    weight: z.number(),
    status: GapStatusSchema,
    closeBy: CloseBySchema,
    evidenceCount: z.number().int().nonnegative(),
    bulletIds: z
      .array(z.string())
      .describe('For a reframe: the customer-service-worded bullets to rewrite (see rewrites[].bulletId).'),
    advice: z.string(),
  })
  .meta({ id: 'GapItem' });
export type GapItem = z.infer<typeof GapItemSchema>;

export const EligibilityFactsSchema = z
  .object({
    monthsLeadingProjects: z
      .number()
      .int()
      .nonnegative()
      .describe('Months (overlaps merged) of the roles in projectRoles.'),
    projectRoles: z
      .array(
        z.object({
          roleIndex: z.number().int().nonnegative(),
          months: z
            .number()
            .int()
            .positive()
            .describe(
              "The role's own months, before overlaps are merged; for a role counted by a line, at most the taxonomy's projectLeadership.evidenceMonths (its last months).",
            ),
          reason: z
            .enum(['title', 'evidence'])
            .describe('title: the role title is a project role; evidence: one of its own lines shows leading a project.'),
          quote: z.string().describe('The title or the line that counted: text.slice(start, end).'),
          start: z.number().int().nonnegative(),
          end: z.number().int().nonnegative(),
        }),
      )
      .describe('The roles counted as leading projects, and why.'),
    degree: z.enum(['none', 'secondary', 'associate', 'bachelor', 'master']),
    credentialsHeld: z.array(z.string()).describe('Credential ids named on the resume.'),
  })
  .meta({ id: 'EligibilityFacts' });
export type EligibilityFacts = z.infer<typeof EligibilityFactsSchema>;

export const JobDescriptionReportSchema = z
  .object({
    characters: z.number().int().nonnegative(),
    competencies: z
      .array(
        z.object({
          competencyId: z.string(),
          mentions: z.number().int().positive(),
          required: LevelSchema,
          weight: z.number(),
        }),
      )
      .describe('What the posting asks for, found with the same matcher as the resume.'),
    coverage: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe('Readiness computed against the posting instead of the profile.'),
    missingTerms: z.array(z.string()).describe("The posting's important terms that the resume never uses."),
    items: z.array(GapItemSchema),
  })
  .meta({ id: 'JobDescriptionReport' });
export type JobDescriptionReport = z.infer<typeof JobDescriptionReportSchema>;

export const GapReportSchema = z
  .object({
    targetRole: z.object({ id: z.string(), title: z.string(), onetCode: z.string() }),
    readiness: z.number().int().min(0).max(100),
    explanation: z.string(),
    items: z.array(GapItemSchema),
    gaps: z
      .object({
        reframable: z.array(z.string()),
        needsExperience: z.array(z.string()),
        needsCredential: z.array(z.string()),
      })
      .describe('Competency ids of the non-strength items, by what closes them.'),
    facts: EligibilityFactsSchema,
    projectExperience: z
      .object({
        monthsRequired: z.number().int().positive(),
        monthsCounted: z.number().int().nonnegative().describe('facts.monthsLeadingProjects.'),
        weight: z.number().positive(),
        credit: z.number().min(0).max(1).describe('min(1, monthsCounted / monthsRequired).'),
      })
      .optional()
      .describe(
        "The role's project-experience part of readiness: readiness = 100 x (sum of item weight x credit + weight x credit here) / (sum of item weights + weight here).",
      ),
    nextSteps: z.array(NextStepSchema),
    roleFit: z.array(
      z.object({ id: z.string(), title: z.string(), readiness: z.number().int().min(0).max(100) }),
    ),
    jobDescription: JobDescriptionReportSchema.optional(),
  })
  .meta({ id: 'GapReport' });
export type GapReport = z.infer<typeof GapReportSchema>;

export const RewriteChangeSchema = z.object({ rule: z.string(), from: z.string(), to: z.string() });
export type RewriteChange = z.infer<typeof RewriteChangeSchema>;
export const RewriteSlotSchema = z.object({ token: z.string(), question: z.string() });
export type RewriteSlot = z.infer<typeof RewriteSlotSchema>;

export const REWRITE_FRAMINGS = ['own-terms', 'no-placeholders', 'result-first'] as const;
export const RewriteAlternativeSchema = z
  .object({
    framing: z
      .enum(REWRITE_FRAMINGS)
      .describe(
        'own-terms: the same rewrite in the writer\'s own words (no term maps); no-placeholders: without its slots ([N], [X%], [metric]); result-first: the result before the act, in the writer\'s order, where the rewrite put the act first.',
      ),
    rewrite: z.string(),
    slots: z.array(RewriteSlotSchema),
  })
  .meta({ id: 'RewriteAlternative' });
export type RewriteAlternative = z.infer<typeof RewriteAlternativeSchema>;

export const RewriteSchema = z
  .object({
    bulletId: z.string(),
    original: z.string(),
    rewrite: z.string(),
    competencyIds: z.array(z.string()),
    changes: z.array(RewriteChangeSchema),
    slots: z.array(RewriteSlotSchema),
    alternatives: z
      .array(RewriteAlternativeSchema)
      .max(2)
      .describe('Zero to two other honest framings the person can pick; each passes the same honesty checks.'),
    scoreBefore: z.number().int().min(0).max(100),
    scoreAfter: z.number().int().min(0).max(100),
  })
  .meta({ id: 'Rewrite' });
export type Rewrite = z.infer<typeof RewriteSchema>;

export const REWRITE_SKIP_REASONS = ['title', 'header', 'date', 'contact', 'fragment', 'not-work-text'] as const;
export const RewriteSkippedSchema = z
  .object({
    bulletId: z.string(),
    reason: z
      .enum(REWRITE_SKIP_REASONS)
      .describe(
        'title: a job title or award name; header: a heading or a role header line; date: a date line; ' +
          'contact: an e-mail, phone or address line; fragment: too few words to be a clause; ' +
          'not-work-text: the reader marked it as something other than a bullet or sentence.',
      ),
  })
  .meta({ id: 'RewriteSkipped' });
export type RewriteSkipped = z.infer<typeof RewriteSkippedSchema>;

export const AnalysisSchema = z
  .object({
    taxonomyVersion: z.string(),
    document: ResumeDocumentSchema,
    competencies: z.array(CompetencyResultSchema),
    rewrites: z
      .array(RewriteSchema)
      .describe(
        'One PM-framed rewrite per bullet of the experience, projects and volunteer sections, except those in rewriteSkipped[].',
      ),
    rewriteSkipped: z
      .array(RewriteSkippedSchema)
      .describe('Work-section lines that are not rewritten because they are a title, header, date, contact line or fragment.'),
    gapReport: GapReportSchema.describe(
      'Readiness for `targetRole` (default: the role GET /v1/roles marks `default`) and, with `jobDescription`, ' +
        'for the posting.',
    ),
  })
  .meta({ id: 'Analysis' });
export type Analysis = z.infer<typeof AnalysisSchema>;
