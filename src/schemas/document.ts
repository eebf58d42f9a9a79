import { z } from 'zod';

export const SECTION_KINDS = [
  'contact',
  'summary',
  'experience',
  'education',
  'skills',
  'certifications',
  'projects',
  'volunteer',
  'other',
] as const;
export const SectionKindSchema = z.enum(SECTION_KINDS);

/** Sections that describe work done: where roles are read, bullets are strong evidence and get rewrites. */
export const WORK_SECTIONS: readonly SectionKind[] = ['experience', 'projects', 'volunteer'];
export type SectionKind = z.infer<typeof SectionKindSchema>;

const offset = z.number().int().nonnegative();

export const SectionSchema = z
  .object({
    kind: SectionKindSchema,
    heading: z.string().describe('The heading as written; empty for the untitled top of the resume and for jobs listed right under it without a heading.'),
    start: offset,
    end: offset,
  })
  .meta({ id: 'Section' });
export type Section = z.infer<typeof SectionSchema>;

export const RoleSchema = z
  .object({
    title: z.string(),
    organization: z.string().optional(),
    location: z.string().optional(),
    startDate: z.string().optional().describe('YYYY-MM or YYYY'),
    endDate: z.string().optional().describe('YYYY-MM or YYYY; absent when current'),
    current: z.boolean(),
    start: offset,
    end: offset,
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;

export const BulletSchema = z
  .object({
    id: z.string().describe('Stable within one response: b1, b2, ...'),
    text: z.string().describe('Always equal to document.text.slice(start, end).'),
    start: offset,
    end: offset,
    kind: z
      .enum(['bullet', 'sentence'])
      .describe('"bullet": one source bullet or line; "sentence": one sentence of a paragraph. Both are units of evidence.'),
    section: SectionKindSchema,
    roleIndex: z.number().int().nonnegative().optional().describe('Index into roles[] when under a role.'),
  })
  .meta({ id: 'Bullet' });
export type Bullet = z.infer<typeof BulletSchema>;

export const TextSpanSchema = z
  .object({
    text: z.string().describe('Always equal to document.text.slice(start, end).'),
    start: offset,
    end: offset,
  })
  .meta({ id: 'TextSpan' });
export type TextSpan = z.infer<typeof TextSpanSchema>;

export const LINK_KINDS = ['linkedin', 'github', 'portfolio'] as const;
export const ContactSchema = z
  .object({
    name: TextSpanSchema.optional(),
    emails: z.array(TextSpanSchema),
    phones: z.array(TextSpanSchema),
    location: TextSpanSchema.optional(),
    links: z.array(TextSpanSchema.extend({ kind: z.enum(LINK_KINDS) })),
  })
  .describe('Personal data: returned to the caller, never logged.')
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;

export const EducationSchema = z
  .object({
    institution: TextSpanSchema.optional(),
    degree: TextSpanSchema.optional(),
    field: TextSpanSchema.optional(),
    endDate: z.string().optional().describe('YYYY-MM or YYYY: the last date written on the entry.'),
    start: offset,
    end: offset,
  })
  .meta({ id: 'Education' });
export type Education = z.infer<typeof EducationSchema>;

export const PM_CREDENTIALS = ['PMP', 'CAPM', 'CSM', 'PSM', 'PRINCE2', 'Google PM'] as const;
export const CertificationSchema = z
  .object({
    name: TextSpanSchema,
    issuer: TextSpanSchema.optional(),
    date: z.string().optional().describe('YYYY-MM or YYYY'),
    credential: z.enum(PM_CREDENTIALS).optional().describe('A known project-management credential, whatever its spelling.'),
    start: offset,
    end: offset,
  })
  .meta({ id: 'Certification' });
export type Certification = z.infer<typeof CertificationSchema>;

export const LanguageSchema = z
  .object({ name: TextSpanSchema, level: TextSpanSchema.optional(), start: offset, end: offset })
  .meta({ id: 'Language' });
export type Language = z.infer<typeof LanguageSchema>;

export const WARNING_CODES = [
  'TWO_COLUMN_LAYOUT',
  'MOJIBAKE_REPAIRED',
  'LIGATURES_REPLACED',
  'LITTLE_TEXT',
  'NO_EXPERIENCE_SECTION',
  'NO_SECTIONS',
  'TEXT_TRUNCATED',
  'CONTROL_CHARACTERS_REMOVED',
  'OCR_USED',
  'LOW_OCR_CONFIDENCE',
] as const;
export const WarningSchema = z
  .object({ code: z.enum(WARNING_CODES), message: z.string() })
  .meta({ id: 'Warning' });
export type Warning = z.infer<typeof WarningSchema>;

/** `image`: a PNG, JPEG or TIFF upload, read by OCR. */
export const DocumentFormatSchema = z.enum(['pdf', 'docx', 'txt', 'image']);
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;

export const ResumeDocumentSchema = z
  .object({
    format: DocumentFormatSchema.describe('Decided from the bytes, never from Content-Type or file name.'),
    pages: z.number().int().positive().optional().describe('PDF and image uploads only.'),
    characters: z.number().int().nonnegative().describe('Length of `text` in UTF-16 code units.'),
    text: z.string().describe('The normalized full text. Every offset in the response indexes into it.'),
    sections: z.array(SectionSchema),
    roles: z.array(RoleSchema),
    bullets: z.array(BulletSchema),
    contact: ContactSchema,
    education: z.array(EducationSchema),
    certifications: z.array(CertificationSchema),
    skills: z.array(TextSpanSchema).describe('Entries of skills sections, one item each.'),
    languages: z.array(LanguageSchema),
    warnings: z.array(WarningSchema),
  })
  .meta({ id: 'ResumeDocument' });
export type ResumeDocument = z.infer<typeof ResumeDocumentSchema>;

/** JSON body accepted wherever a resume is: the resume as plain text. */
export const TextResumeBodySchema = z
  .object({ text: z.string().describe('The resume as plain text (UTF-8 JSON string).') })
  .strict()
  .meta({ id: 'TextResume' });
