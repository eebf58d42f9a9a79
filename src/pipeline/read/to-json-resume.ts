// The reading as a JSON Resume document: basics from contact, work and volunteer from roles with their
// units as highlights, education, certificates, skills and languages. Pure mapping, no new reading.
// Heuristic: roles of volunteer sections go to volunteer[], all others to work[]; LiveCareer's
// anonymized "Company Name" is left out. Limits: summary, awards and projects are not mapped.
import type { ResumeDocument } from '../../schemas/document.js';
import type { JsonResume } from '../../schemas/json-resume.js';

const SCHEMA_URL = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';
const NETWORK = { linkedin: 'LinkedIn', github: 'GitHub' } as const;

function absoluteUrl(link: string): string {
  return /^https?:\/\//i.test(link) ? link : `https://${link}`;
}

function organizationOf(name: string | undefined): string | undefined {
  return name && name !== 'Company Name' ? name : undefined;
}

function locationOf(text: string): { address: string; city?: string; region?: string } {
  const m = /^(.+?)\s*,\s*([^,]+)$/.exec(text);
  return m ? { address: text, city: m[1]!, region: m[2]! } : { address: text };
}

export function toJsonResume(doc: ResumeDocument): JsonResume {
  const { contact } = doc;
  const portfolio = contact.links.find((l) => l.kind === 'portfolio');
  const highlightsOf = (roleIndex: number) =>
    doc.bullets.filter((b) => b.roleIndex === roleIndex).map((b) => b.text);
  const roleSection = (start: number) => doc.sections.find((s) => s.start <= start && start < s.end)?.kind;
  const entries = doc.roles.map((r, i) => ({
    organization: organizationOf(r.organization),
    position: r.title || undefined,
    location: r.location && !/^City\b/.test(r.location) ? r.location : undefined,
    startDate: r.startDate,
    endDate: r.current ? undefined : r.endDate,
    highlights: highlightsOf(i),
    volunteer: roleSection(r.start) === 'volunteer',
  }));
  const defined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    $schema: SCHEMA_URL,
    basics: defined({
      name: contact.name?.text,
      email: contact.emails[0]?.text,
      phone: contact.phones[0]?.text,
      url: portfolio ? absoluteUrl(portfolio.text) : undefined,
      location: contact.location ? locationOf(contact.location.text) : undefined,
      profiles: contact.links
        .filter((l) => l.kind !== 'portfolio')
        .map((l) => ({ network: NETWORK[l.kind as 'linkedin' | 'github'], url: absoluteUrl(l.text) })),
    }),
    work: entries
      .filter((e) => !e.volunteer)
      .map((e) =>
        defined({ name: e.organization, position: e.position, location: e.location, startDate: e.startDate, endDate: e.endDate, highlights: e.highlights }),
      ),
    volunteer: entries
      .filter((e) => e.volunteer)
      .map((e) => defined({ organization: e.organization, position: e.position, startDate: e.startDate, endDate: e.endDate, highlights: e.highlights })),
    education: doc.education.map((e) =>
      defined({ institution: e.institution?.text, area: e.field?.text, studyType: e.degree?.text, endDate: e.endDate }),
    ),
    certificates: doc.certifications.map((c) => defined({ name: c.name.text, issuer: c.issuer?.text, date: c.date })),
    skills: doc.skills.map((s) => ({ name: s.text })),
    languages: doc.languages.map((l) => defined({ language: l.name.text, fluency: l.level?.text })),
  };
}
