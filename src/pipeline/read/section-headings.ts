// Section heading vocabulary: data, not control flow. A line is a heading when, lower-cased and
// stripped of punctuation, it equals one of these phrases (or is an ALL-CAPS line starting with one).
// Limits: headings glued to other text on the same line ("Skills: Excel, Word") are not headings.
import type { SectionKind } from '../../schemas/document.js';

export const SECTION_HEADINGS: Record<Exclude<SectionKind, 'contact'>, readonly string[]> = {
  summary: [
    'summary',
    'professional summary',
    'career summary',
    'executive summary',
    'profile',
    'professional profile',
    'executive profile',
    'career profile',
    'personal profile',
    'objective',
    'career objective',
    'professional objective',
    'about me',
    'about',
    'overview',
    'career overview',
    'personal statement',
    'qualifications',
    'summary of qualifications',
    'qualifications summary',
    'career highlights',
    'introduction',
    'statement',
  ],
  experience: [
    'experience',
    'work experience',
    'professional experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'relevant experience',
    'professional history',
    'job history',
    'experience and accomplishments',
    'work experience and accomplishments',
    'professional background',
    'career experience',
    'employment experience',
    'related experience',
    'additional experience',
    'internships',
    'internship experience',
    'military experience',
    'positions held',
  ],
  education: [
    'education',
    'education and training',
    'education & training',
    'educational background',
    'academic background',
    'academic history',
    'training',
    'education and certifications',
    'education & certifications',
    'academics',
    'coursework',
    'relevant coursework',
    'degrees',
  ],
  skills: [
    'skills',
    'highlights',
    'skill highlights',
    'core competencies',
    'competencies',
    'key skills',
    'technical skills',
    'professional skills',
    'areas of expertise',
    'expertise',
    'core qualifications',
    'skills and abilities',
    'skills & abilities',
    'abilities',
    'strengths',
    'key strengths',
    'computer skills',
    'technical proficiencies',
    'proficiencies',
    'tools',
    'technologies',
    'languages',
    'language skills',
    'skills summary',
    'summary of skills',
    'relevant skills',
    'additional skills',
    'soft skills',
    'hard skills',
    'capabilities',
    'specialties',
  ],
  certifications: [
    'certifications',
    'certification',
    'certificates',
    'licenses',
    'licenses and certifications',
    'licenses & certifications',
    'certifications and licenses',
    'credentials',
    'professional certifications',
    'professional development',
    'training and certifications',
  ],
  projects: [
    'projects',
    'project highlights',
    'key projects',
    'selected projects',
    'personal projects',
    'academic projects',
    'project experience',
    'relevant projects',
    'notable projects',
  ],
  volunteer: [
    'volunteer',
    'volunteering',
    'volunteer experience',
    'volunteer work',
    'community service',
    'community involvement',
    'volunteer activities',
    'leadership and volunteer experience',
  ],
  other: [
    'accomplishments',
    'achievements',
    'key achievements',
    'awards',
    'honors',
    'honors and awards',
    'awards and honors',
    'interests',
    'hobbies',
    'activities',
    'additional information',
    'affiliations',
    'professional affiliations',
    'memberships',
    'publications',
    'references',
    'presentations',
    'extracurricular activities',
    'campus involvement',
    'on campus involvement',
    'personal information',
    'additional',
    'miscellaneous',
    'contact',
    'contact information',
  ],
};

const LOOKUP = new Map<string, Exclude<SectionKind, 'contact'>>();
for (const [kind, phrases] of Object.entries(SECTION_HEADINGS)) {
  for (const p of phrases) LOOKUP.set(p, kind as Exclude<SectionKind, 'contact'>);
}

// The first word of every heading's key: most lines fail this test and skip building their whole key.
const FIRST_WORDS = new Set([...LOOKUP.keys()].map((p) => p.split(' ')[0]!));
// The first word of key(line), read from the lower-cased line ("&" becomes "and" in the key).
const FIRST_WORD = /[a-z]+|&/;

function key(line: string): string {
  return keyOfLower(line.toLowerCase());
}

function keyOfLower(lower: string): string {
  return lower
    .replace(/&/g, ' and ')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The kind of section a heading opens. */
export type HeadingKind = Exclude<SectionKind, 'contact'>;

/** The section kind a heading line opens, or undefined when the line is not a heading. */
export function matchSectionHeading(line: string): HeadingKind | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 48) return undefined;
  if (/[.!?,;]$/.test(trimmed)) return undefined;
  const lower = trimmed.toLowerCase();
  const first = FIRST_WORD.exec(lower)?.[0];
  if (first === undefined || !FIRST_WORDS.has(first === '&' ? 'and' : first)) return undefined;
  const k = keyOfLower(lower);
  if (!k) return undefined;
  const exact = LOOKUP.get(k) ?? LOOKUP.get(k.replace(/ and /g, ' & '));
  if (exact) return exact;
  return undefined;
}

// Sections of no known kind that still list roles ("year–year Job title, Employer" under moderncv's
// "Miscellaneous", "Member" under "On Campus Involvement"); awards, interests and the like do not.
const OTHER_WITH_ROLES = new Set(['miscellaneous', 'campus involvement', 'on campus involvement', 'activities', 'extracurricular activities']);

/** Whether an "other" section's heading announces entries that may be roles. */
export function mayHoldRoles(heading: string): boolean {
  return OTHER_WITH_ROLES.has(key(heading.trim()));
}
