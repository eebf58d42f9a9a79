// Splits normalized text into sections, roles and bullets, all as offsets into that text.
// Heuristics: a heading is a short line from the vocabulary in section-headings.ts; a role starts at a
// line holding a date range (or at the line above a dates-only line) inside experience-like sections;
// the role's title is told from its organization by title words ("manager", "representative", ...);
// every other content line of a section is a bullet. Limits: a role without dates is not detected, and
// "Title, Org" lines without a title word are read as title only.
import type { Bullet, Role, Section, SectionKind, Warning } from '../../schemas/document.js';
import { matchSectionHeading } from './section-headings.js';

export interface Segmented {
  sections: Section[];
  roles: Role[];
  bullets: Bullet[];
  warnings: Warning[];
}

interface Line {
  text: string;
  start: number;
  end: number;
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE = `(?:${MONTH},?\\s+(?:19|20)\\d{2}|\\d{1,2}\\s*/\\s*(?:19|20)\\d{2}|(?:19|20)\\d{2}(?:-\\d{2})?)`;
const END = `(?:${DATE}|present|current|currently|now|today|date)`;
const RANGE = new RegExp(`(${DATE})\\s*(?:to|-|–|—|until|through|till)\\s*(${END})\\b`, 'i');
const ROLE_SECTIONS = new Set<SectionKind>(['experience', 'projects', 'volunteer']);
const TITLE_WORDS =
  /\b(?:manager|representative|rep|associate|coordinator|specialist|clerk|engineer|developer|director|agent|assistant|supervisor|analyst|officer|consultant|lead|leader|intern|administrator|advisor|adviser|teller|cashier|banker|technician|accountant|designer|receptionist|secretary|server|hostess|chef|cook|nurse|president|vp|head|owner|founder|executive|architect|planner|scheduler|trainer|instructor|teacher|tutor|attendant|worker|volunteer|preparer|writer|editor|estimator|superintendent|foreman|creator|maintainer|member|ambassador|crew|staff|partner|counselor|stylist|merchandiser|buyer|operator|dispatcher|driver)\b/i;
const LOCATION =
  /(?:\bCity\s*,\s*State\b|\b[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*\s*,\s*(?:[A-Z]{2}|[A-Z][a-z]+)\b)\s*$/;
const ANON_ORG = /\bCompany Name\b/;
const ANON_LOCATION = /\bCity\s*,\s*State\s*$/;

/** "06/2012" -> "2012-06", "March 2011" -> "2011-03", "2019" -> "2019". */
export function normalizeDate(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  let m = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec(s);
  if (m) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? `${m[2]}-${String(month).padStart(2, '0')}` : m[2];
  }
  m = /^([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(s);
  if (m) return MONTHS[m[1]!] ? `${m[2]}-${MONTHS[m[1]!]}` : m[2];
  m = /^(\d{4})(?:-(\d{2}))?$/.exec(s);
  if (m) return m[2] ? `${m[1]}-${m[2]}` : m[1];
  return undefined;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part, start, end: start + part.length });
    start += part.length + 1;
  }
  return lines;
}

function clean(s: string): string {
  return s
    .replace(/^[\s,|•·:;–—-]+|[\s,|•·:;–—-]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface TitleParts {
  title: string;
  organization?: string;
  location?: string;
}

/** Reads "Title, Org", "Org, Title", "Title at Org", "Title | Org" and LiveCareer's "Company Name" lines. */
function parseTitleParts(before: string, after: string): TitleParts {
  let location: string | undefined;
  const takeLocation = (s: string): string => {
    const m = ANON_LOCATION.exec(s) ?? LOCATION.exec(s);
    if (m && m.index > 0 && !location) {
      location = clean(m[0]);
      return clean(s.slice(0, m.index));
    }
    if (m && m.index === 0 && !location) {
      location = clean(m[0]);
      return '';
    }
    return s;
  };
  const a = takeLocation(clean(after));
  const b = takeLocation(clean(before));
  // LiveCareer anonymized every employer as "Company Name": the other side of the dates is the title.
  if (ANON_ORG.test(a) || ANON_ORG.test(b)) {
    const rest = clean([b, a].join(' ').replace(ANON_ORG, ' '));
    return { title: rest, organization: 'Company Name', ...(location ? { location } : {}) };
  }
  const parts = [b, a].filter(Boolean);
  let joined = parts.join(', ');
  const at = /^(.+?)\s+(?:at|@)\s+(.+)$/.exec(joined);
  if (at) return { title: clean(at[1]!), organization: clean(at[2]!), ...(location ? { location } : {}) };
  const pieces = joined
    .split(/\s*(?:\||•|·|,| – | — | - )\s*/)
    .map(clean)
    .filter(Boolean);
  if (pieces.length >= 2) {
    const titleIdx = pieces.findIndex((p) => TITLE_WORDS.test(p));
    const idx = titleIdx === -1 ? 0 : titleIdx;
    const title = pieces[idx]!;
    const organization = pieces.filter((_, i) => i !== idx).join(', ');
    return { title, organization, ...(location ? { location } : {}) };
  }
  joined = clean(joined);
  return { title: joined, ...(location ? { location } : {}) };
}

function isMetaLine(text: string): boolean {
  if (text.startsWith('• ') || text.length > 80 || /[.!?]$/.test(text)) return false;
  return /\s[•|]\s/.test(text) || LOCATION.test(text) || /^City\s*,\s*State$/.test(text);
}

function isSubheading(text: string): boolean {
  return text.length <= 60 && /:$/.test(text) && !text.startsWith('• ');
}

export function segmentResume(text: string): Segmented {
  const lines = splitLines(text).filter((l) => l.text.trim() !== '');
  const warnings: Warning[] = [];
  const sections: Section[] = [];
  const roles: Role[] = [];
  const bullets: Bullet[] = [];

  // 1. Sections: each heading opens one; text above the first heading is the contact block.
  const headingAt = new Map<number, Exclude<SectionKind, 'contact'>>();
  lines.forEach((l, i) => {
    const kind = matchSectionHeading(l.text);
    if (kind) headingAt.set(i, kind);
  });
  const sectionOfLine: Array<{ kind: SectionKind; index: number } | undefined> = [];
  let current: { kind: SectionKind; index: number } | undefined;
  lines.forEach((l, i) => {
    const kind = headingAt.get(i);
    if (kind) {
      sections.push({ kind, heading: l.text, start: l.start, end: l.end });
      current = { kind, index: sections.length - 1 };
      sectionOfLine[i] = undefined;
      return;
    }
    if (!current) {
      sections.push({
        kind: headingAt.size > 0 ? 'contact' : 'other',
        heading: '',
        start: l.start,
        end: l.end,
      });
      current = { kind: sections[sections.length - 1]!.kind, index: sections.length - 1 };
    }
    sections[current.index]!.end = l.end;
    sectionOfLine[i] = current;
  });

  // 2. Roles inside experience-like sections, anchored on date ranges.
  const consumed = new Set<number>();
  const roleOfLine: Array<number | undefined> = [];
  let openRole: number | undefined;
  let openRoleSection: number | undefined;
  lines.forEach((l, i) => {
    const sec = sectionOfLine[i];
    if (!sec || sec.index !== openRoleSection) openRole = undefined;
    if (!sec || !ROLE_SECTIONS.has(sec.kind)) return;
    const range = RANGE.exec(l.text);
    if (range && !l.text.startsWith('• ')) {
      const before = l.text.slice(0, range.index);
      const after = l.text.slice(range.index + range[0].length).replace(/(\bCity\s*,\s*State)\s+\S.*$/, '$1');
      let parts = parseTitleParts(before, after);
      let start = l.start;
      const prevIdx = i - 1;
      const prev = lines[prevIdx];
      if (
        !parts.title &&
        prev &&
        sectionOfLine[prevIdx]?.index === sec.index &&
        !consumed.has(prevIdx) &&
        !prev.text.startsWith('• ') &&
        !/[.!?]$/.test(prev.text)
      ) {
        const fromPrev = parseTitleParts(prev.text, '');
        parts = { ...fromPrev, ...(parts.location ? { location: parts.location } : {}) };
        start = prev.start;
        consumed.add(prevIdx);
        const prevBullet = bullets.findIndex((b) => b.start === prev.start);
        if (prevBullet !== -1) bullets.splice(prevBullet, 1);
        if (openRole !== undefined) roles[openRole]!.end = lines[prevIdx - 1]?.end ?? roles[openRole]!.end;
      }
      const endRaw = range[2]!;
      const current = /^(present|current|currently|now|today|date)$/i.test(endRaw);
      const startDate = normalizeDate(range[1]!);
      const endDate = current ? undefined : normalizeDate(endRaw);
      roles.push({
        title: parts.title,
        ...(parts.organization ? { organization: parts.organization } : {}),
        ...(parts.location ? { location: parts.location } : {}),
        ...(startDate ? { startDate } : {}),
        ...(endDate ? { endDate } : {}),
        current,
        start,
        end: l.end,
      });
      openRole = roles.length - 1;
      openRoleSection = sec.index;
      consumed.add(i);
      roleOfLine[i] = openRole;
      // LiveCareer sometimes runs the first duties on after "City , State" on the header line.
      const tail = /\bCity\s*,\s*State\s+(?=\S)/.exec(l.text);
      if (tail && tail.index + tail[0].length < l.text.length) {
        addBullet(l.start + tail.index + tail[0].length, l.end, sec.kind, openRole);
      }
      // The organization/location line right below a header ("Stripe • San Francisco, CA", "City , State").
      const next = lines[i + 1];
      if (
        next &&
        sectionOfLine[i + 1]?.index === sec.index &&
        isMetaLine(next.text) &&
        !RANGE.test(next.text)
      ) {
        const role = roles[openRole]!;
        const meta = parseTitleParts(next.text, '');
        if (!role.organization && meta.title) role.organization = meta.title;
        if (!role.organization && meta.organization) role.organization = meta.organization;
        if (!role.location && meta.location) role.location = meta.location;
        consumed.add(i + 1);
        role.end = next.end;
      }
      return;
    }
    if (openRole !== undefined && !consumed.has(i)) {
      roles[openRole]!.end = l.end;
      roleOfLine[i] = openRole;
    }
    if (consumed.has(i) || openRole === undefined) return;
    pushBullet(i);
  });

  // 3. Bullets: every remaining content line outside the contact block.
  function pushBullet(i: number): void {
    const l = lines[i]!;
    const sec = sectionOfLine[i];
    if (!sec || sec.kind === 'contact' || isSubheading(l.text)) return;
    addBullet(l.start + (l.text.startsWith('• ') ? 2 : 0), l.end, sec.kind, roleOfLine[i]);
  }
  function addBullet(start: number, end: number, section: SectionKind, roleIndex: number | undefined): void {
    bullets.push({
      id: '',
      text: text.slice(start, end),
      start,
      end,
      section,
      ...(roleIndex !== undefined ? { roleIndex } : {}),
    });
  }
  lines.forEach((_, i) => {
    const sec = sectionOfLine[i];
    if (!sec || consumed.has(i) || roleOfLine[i] !== undefined) return;
    pushBullet(i);
  });
  bullets.sort((a, b) => a.start - b.start);
  bullets.forEach((b, i) => {
    b.id = `b${i + 1}`;
  });

  if (headingAt.size === 0) {
    warnings.push({ code: 'NO_SECTIONS', message: 'No section headings were recognized.' });
  }
  if (!sections.some((s) => s.kind === 'experience')) {
    warnings.push({ code: 'NO_EXPERIENCE_SECTION', message: 'No experience section was found.' });
  }
  return { sections, roles, bullets, warnings };
}
