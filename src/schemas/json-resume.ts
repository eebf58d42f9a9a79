import { z } from 'zod';

// The part of the JSON Resume schema (jsonresume.org, v1.0.0) that SkillBridge fills. Dates follow its
// iso8601 pattern (YYYY, YYYY-MM or YYYY-MM-DD); URLs are absolute.
const iso8601 = z.string().regex(/^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$/);

const JsonResumeWorkSchema = z.object({
  name: z.string().optional(),
  position: z.string().optional(),
  location: z.string().optional(),
  startDate: iso8601.optional(),
  endDate: iso8601.optional(),
  highlights: z.array(z.string()),
});

export const JsonResumeSchema = z
  .object({
    $schema: z.string(),
    basics: z.object({
      name: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
      url: z.string().optional(),
      location: z.object({ address: z.string().optional(), city: z.string().optional(), region: z.string().optional() }).optional(),
      profiles: z.array(z.object({ network: z.string(), url: z.string(), username: z.string().optional() })),
    }),
    work: z.array(JsonResumeWorkSchema),
    volunteer: z.array(
      z.object({
        organization: z.string().optional(),
        position: z.string().optional(),
        startDate: iso8601.optional(),
        endDate: iso8601.optional(),
        highlights: z.array(z.string()),
      }),
    ),
    education: z.array(
      z.object({
        institution: z.string().optional(),
        area: z.string().optional(),
        studyType: z.string().optional(),
        endDate: iso8601.optional(),
      }),
    ),
    certificates: z.array(z.object({ name: z.string(), issuer: z.string().optional(), date: iso8601.optional() })),
    skills: z.array(z.object({ name: z.string() })),
    languages: z.array(z.object({ language: z.string(), fluency: z.string().optional() })),
  })
  .describe('The same reading as a JSON Resume document (https://jsonresume.org/schema), for job boards and resume builders.')
  .meta({ id: 'JsonResume' });
export type JsonResume = z.infer<typeof JsonResumeSchema>;
