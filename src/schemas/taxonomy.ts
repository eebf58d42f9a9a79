import { z } from 'zod';
import { SectionKindSchema } from './document.js';

// Schema of data/taxonomy.yaml (validated at boot) and of GET /v1/taxonomy.

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug like "resolve-complaints"');

export const FRAMINGS = ['cs', 'pm', 'general'] as const;
export const FramingSchema = z
  .enum(FRAMINGS)
  .describe('cs: customer-service wording; pm: project-management wording; general: neutral.');
export type Framing = z.infer<typeof FramingSchema>;

export const TALENT_TRIANGLE = ['Power Skills', 'Ways of Working', 'Business Acumen'] as const;
export const PMBOK_DOMAINS = [
  'Stakeholders',
  'Team',
  'Development Approach and Life Cycle',
  'Planning',
  'Project Work',
  'Delivery',
  'Measurement',
  'Uncertainty',
] as const;

const phrase = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !/^\*|\*$/.test(s), 'must not start or end with the wildcard *');

export const ContextRuleSchema = z
  .object({
    window: z.number().int().min(1).max(12).default(4),
    without: z.array(phrase).default([]),
    requires: z.array(phrase).default([]),
    /**
     * The phrase starts with a verb, and a match counts only where that word reads as one: first in its
     * clause, after a comma, or after a word the POS lexicon does not read first as a determiner,
     * possessive, adjective, gerund, noun or number ("the receiving leads" is a noun).
     */
    verbFirst: z.boolean().default(false),
  })
  .strict();
export type ContextRule = z.infer<typeof ContextRuleSchema>;

export const PatternEntrySchema = z
  .object({
    id: slug,
    framing: FramingSchema,
    claim: z.boolean().default(false),
    phrases: z.array(phrase).min(1, 'needs at least one phrase'),
    context: ContextRuleSchema.optional(),
  })
  .strict();
export type PatternEntry = z.infer<typeof PatternEntrySchema>;

const onetSkillId = z
  .string()
  .regex(/^2\.[AB]\.\d\.[a-z]$/, 'must be an O*NET skill element ID like 2.A.1.b');
const onetTaskRef = z
  .string()
  .regex(/^\d{2}-\d{4}\.\d{2}\/\d+$/, 'must be "<O*NET-SOC code>/<task ID>" like 43-4051.00/18565');
const escoUri = z
  .string()
  .regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[\w.-]+$/, 'must be an ESCO skill URI');

export const CompetencyEntrySchema = z
  .object({
    id: slug,
    name: z.string().min(1),
    pmName: z.string().min(1),
    definition: z.string().min(1),
    talentTriangle: z.enum(TALENT_TRIANGLE),
    pmbokDomain: z.enum(PMBOK_DOMAINS).optional(),
    strongSections: z.array(SectionKindSchema).optional(),
    onet: z.object({ skills: z.array(onetSkillId), tasks: z.array(onetTaskRef) }).strict(),
    esco: z.array(escoUri),
    patterns: z.array(PatternEntrySchema).min(1, 'needs at least one pattern'),
  })
  .strict();
export type CompetencyEntry = z.infer<typeof CompetencyEntrySchema>;

export const NegationSchema = z
  .object({
    window: z.number().int().min(1).max(12).default(6),
    cues: z.array(phrase).default([]),
    exceptions: z.array(phrase).default([]),
    barriers: z.array(phrase).default([]),
    coordinators: z.array(phrase).default([]),
    /** Phrases that, ending a clause after a match, negate it: "the team planned and ran it, I did not". */
    trailing: z.array(phrase).default([]),
    /** Cues that negate only their own object ("without receipts and unhappy customers"). */
    narrow: z.array(phrase).default([]),
    /**
     * Nouns naming someone else ("pm", "manager", "vendor"): after a determiner ("the management company's
     * PM ran the project"), a past-tense verb that follows is that person's action, not the writer's.
     */
    otherSubjects: z.array(z.string().regex(/^[a-z]+$/, 'must be one lower-case word')).default([]),
  })
  .strict();
export type Negation = z.infer<typeof NegationSchema>;

export const ProjectLeadershipSchema = z
  .object({
    competency: slug,
    patterns: z.array(slug).min(1),
    titles: z.array(phrase).min(1),
    lines: z.array(phrase).min(1),
    /** A role counted by one of its lines (not its title) counts at most this many months. */
    evidenceMonths: z.number().int().positive().optional(),
    /**
     * A counted line that also holds one of these says the led work recurs through the role ("10-14
     * events a year"): the role's months all count, as for a title.
     */
    recurringLines: z.array(phrase).default([]),
    /** A line that holds one of these says the writer only took part ("Took part in ...", "as one of six testers"): it never counts. */
    partLines: z.array(phrase).default([]),
  })
  .strict();
export type ProjectLeadership = z.infer<typeof ProjectLeadershipSchema>;

export const TaxonomyDataSchema = z
  .object({
    version: z.string().min(1),
    aspirationCues: z.array(phrase).default([]),
    negation: NegationSchema.default({ window: 6, cues: [], exceptions: [], barriers: [], coordinators: [], trailing: [], narrow: [], otherSubjects: [] }),
    hedgeCues: z.array(phrase).default([]),
    projectLeadership: ProjectLeadershipSchema.optional(),
    lemmas: z.record(z.string(), z.string()).default({}),
    /**
     * Named word classes ("@work-unit": team, department, HR, kitchen ...), written once and used as one
     * position of any pattern phrase as `@name`: a verb class and an object class combine without
     * listing each pair (docs/matching.md, "Word classes").
     */
    wordClasses: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a class name is lower-case words joined by -'), z.array(phrase).min(1)).default({}),
    competencies: z.array(CompetencyEntrySchema).min(1),
  })
  .strict()
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.competencies.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['competencies', i, 'id'], message: 'duplicate id' });
      seen.add(c.id);
      const local = new Set<string>();
      c.patterns.forEach((p, j) => {
        if (local.has(p.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['competencies', i, 'patterns', j, 'id'],
            message: 'duplicate id',
          });
        }
        local.add(p.id);
      });
    });
    const lead = data.projectLeadership;
    if (!lead) return;
    const owner = data.competencies.find((c) => c.id === lead.competency);
    if (!owner) {
      ctx.addIssue({ code: 'custom', path: ['projectLeadership', 'competency'], message: 'unknown competency id' });
    } else {
      lead.patterns.forEach((id, k) => {
        if (!owner.patterns.some((p) => p.id === id))
          ctx.addIssue({
            code: 'custom',
            path: ['projectLeadership', 'patterns', k],
            message: `no pattern "${id}" in competency ${owner.id}`,
          });
      });
    }
  });
export type TaxonomyData = z.infer<typeof TaxonomyDataSchema>;

export const TaxonomyCompetencySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    pmName: z.string(),
    definition: z.string(),
    talentTriangle: z.enum(TALENT_TRIANGLE),
    pmbokDomain: z.enum(PMBOK_DOMAINS).optional(),
    onet: z.object({
      skills: z.array(z.object({ id: z.string(), url: z.string() })),
      tasks: z.array(z.object({ occupation: z.string(), taskId: z.string() })),
    }),
    esco: z.array(z.string()),
    patternCount: z.number().int().nonnegative().describe('Pattern entries (each with its own patternId).'),
    phraseCount: z.number().int().nonnegative().describe('Token sequences compiled from those patterns.'),
    patterns: z.array(
      z.object({ id: z.string(), framing: FramingSchema, claim: z.boolean(), phrases: z.number().int() }),
    ),
  })
  .meta({ id: 'TaxonomyCompetency' });

export const TaxonomyResponseSchema = z
  .object({
    version: z.string(),
    competencies: z.array(TaxonomyCompetencySchema),
  })
  .meta({ id: 'Taxonomy' });
export type TaxonomyResponse = z.infer<typeof TaxonomyResponseSchema>;
