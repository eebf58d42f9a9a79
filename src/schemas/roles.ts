import { z } from 'zod';
import { LevelSchema } from './analysis.js';

// Role profiles, credentials and next steps (data/roles.yaml) and the GET /v1/roles contract.
// The file schema and the response schema are the same objects: what a coach edits is what a
// client reads.

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id');

export const DEGREE_LEVELS = ['none', 'secondary', 'associate', 'bachelor', 'master'] as const;
export const DegreeLevelSchema = z
  .enum(DEGREE_LEVELS)
  .describe('Highest education found on the resume; "secondary" is a high-school diploma or equivalent.');
export type DegreeLevel = z.infer<typeof DegreeLevelSchema>;

export const RaiseSchema = z
  .object({
    competencyId: id,
    level: LevelSchema.exclude(['none']).describe(
      'The level this step or credential brings the competency to.',
    ),
  })
  .strict();
export type Raise = z.infer<typeof RaiseSchema>;

export const EligibilityPathSchema = z
  .object({
    degree: DegreeLevelSchema.exclude(['none']).optional().describe('Minimum education for this path.'),
    monthsLeadingProjects: z.number().int().positive().optional(),
  })
  .strict();

export const EligibilitySchema = z
  .object({
    paths: z
      .array(EligibilityPathSchema)
      .min(1)
      .describe('Any one path suffices; `{}` means no prerequisite.'),
    educationHours: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Contact hours of PM education to complete first.'),
    educationHoursWaivedBy: z.array(id).optional().describe('Credentials that satisfy the education hours.'),
    requiredCourse: z.string().optional(),
  })
  .strict();
export type Eligibility = z.infer<typeof EligibilitySchema>;

export const CredentialSchema = z
  .object({
    id,
    title: z.string().min(1),
    issuer: z.string().min(1),
    aliases: z.array(z.string().min(2)).min(1).describe('How the credential is written on a resume.'),
    effort: z.string().min(1),
    raises: z.array(RaiseSchema).min(1),
    eligibility: EligibilitySchema,
  })
  .strict()
  .meta({ id: 'Credential' });
export type Credential = z.infer<typeof CredentialSchema>;

export const NEXT_STEP_KINDS = ['certification', 'course', 'experience', 'networking', 'role'] as const;

export const StepTemplateSchema = z
  .object({
    id,
    kind: z
      .enum(NEXT_STEP_KINDS)
      .exclude(['certification'])
      .describe('Certifications come from credentials.'),
    roleId: id.optional().describe('For kind "role": the role profile this step applies for.'),
    title: z.string().min(1),
    why: z.string().min(1),
    effort: z.string().min(1),
    source: z.string().min(1),
    raises: z.array(RaiseSchema).min(1),
  })
  .strict()
  .meta({ id: 'StepTemplate' });
export type StepTemplate = z.infer<typeof StepTemplateSchema>;

export const RequirementSchema = z
  .object({
    competencyId: id,
    level: LevelSchema.exclude(['none']),
    weight: z.number().positive().max(3),
  })
  .strict()
  .meta({ id: 'Requirement' });
export type Requirement = z.infer<typeof RequirementSchema>;

export const RoleProfileSchema = z
  .object({
    id,
    title: z.string().min(1),
    level: z.enum(['entry', 'junior', 'mid']),
    summary: z.string().min(1),
    onet: z
      .object({
        code: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an O*NET-SOC code'),
        title: z.string(),
      })
      .strict(),
    esco: z.array(
      z
        .object({ uri: z.string().regex(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]+$/, 'must be an ESCO occupation URI'), label: z.string() })
        .strict(),
    ),
    source: z.string().min(1),
    requirements: z.array(RequirementSchema).min(1),
    projectExperience: z
      .object({
        months: z.number().int().positive().describe('Months leading projects at which this part is fully met.'),
        weight: z.number().positive().max(30).describe('Its weight, in the units of the requirement weights.'),
      })
      .strict()
      .optional()
      .describe(
        'Track record a recruiter looks for: the months leading projects (facts.monthsLeadingProjects) counted into readiness beside the competencies.',
      ),
    credentials: z.array(id),
    nextSteps: z.array(id),
  })
  .strict()
  .meta({ id: 'RoleProfile' });
export type RoleProfile = z.infer<typeof RoleProfileSchema>;

export const RoleDefaultsSchema = z
  .object({
    targetRole: id.describe('The role a gap report targets when the request names none.'),
  })
  .strict();

export const RolesFileSchema = z
  .object({
    version: z.literal(1),
    defaults: RoleDefaultsSchema,
    credentials: z.array(CredentialSchema).min(1),
    nextSteps: z.array(StepTemplateSchema).min(1),
    roles: z.array(RoleProfileSchema).min(1),
  })
  .strict();
export type RolesFile = z.infer<typeof RolesFileSchema>;

// --- GET /v1/roles ---

export const RoleSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    level: RoleProfileSchema.shape.level,
    summary: z.string(),
    onetCode: z.string(),
    default: z.boolean().describe('The role a gap report targets when `targetRole` is not sent.'),
  })
  .meta({ id: 'RoleSummary' });

export const RoleListSchema = z.object({ roles: z.array(RoleSummarySchema) }).meta({ id: 'RoleList' });
export type RoleList = z.infer<typeof RoleListSchema>;

/** One profile with its credentials and next steps resolved, so a client needs one call. */
export const RoleDetailSchema = RoleProfileSchema.omit({ credentials: true, nextSteps: true })
  .extend({
    credentials: z.array(CredentialSchema),
    nextSteps: z.array(StepTemplateSchema),
  })
  .meta({ id: 'RoleDetail' });
export type RoleDetail = z.infer<typeof RoleDetailSchema>;

export const RoleParamsSchema = z.object({
  id: z.string().max(100).describe('A role id from GET /v1/roles, such as `project-coordinator`.'),
});
