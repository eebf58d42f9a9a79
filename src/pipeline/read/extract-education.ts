// Education entries from education sections: institution, degree, field and the last date written.
// Heuristic: a degree word ("Bachelor", "B.S.", "MBA", "Diploma") or a school word ("University",
// "College") opens a new entry once the current one already has that part; the field is the text after
// "in" or ":" following the degree, up to a comma, a school word or a date. Limits: a school without a
// school word ("UC Berkeley") is not read as the institution; honours and GPA lines stay in the entry.
import type { Education, Section, TextSpan } from '../../schemas/document.js';
import { findDateRange, findSingleDate } from './dates.js';
import { linesIn, type Region, spanOf } from './text-span.js';

const DEGREE =
  /\b(?:Bachelor(?:'s)?|Master(?:'s)?|Associate(?:'s|s)?|Doctor(?:ate)?|Ph\.?D\.?|MBA|B\.\s?S\.?|B\.\s?A\.?|M\.\s?S\.?|M\.\s?A\.?|BSc|MSc|BBA|Diploma|High School Diploma|GED)(?:\s+(?:of|in)\s+(?:Science|Arts|Business Administration|Fine Arts|Engineering|Applied Science))?/;
const SCHOOL =
  /\b(?:[A-Z][A-Za-z.'&-]*\s+){0,5}(?:University|College|Institute|School|Academy|Polytechnic|UNIVERSITY|COLLEGE|INSTITUTE|SCHOOL)(?:\s+(?:of|at|for)(?:\s+[A-Z][A-Za-z.'&-]*){1,4})?/;
const FIELD_AFTER = /^\s*(?:in|:|,|-)\s*([A-Z][^,:|]*?)(?=\s*(?:,|\||$|\b(?:19|20)\d{2}\b|\s[A-Z]{3,}|\b(?:University|College|Institute|School)\b))/;

interface Draft {
  start: number;
  end: number;
  institution?: TextSpan;
  degree?: TextSpan;
  field?: TextSpan;
  endDate?: string;
}

function lastDate(line: string): string | undefined {
  const range = findDateRange(line);
  if (range) return range.current ? undefined : (range.endDate ?? range.startDate);
  return findSingleDate(line)?.startDate;
}

function readLine(text: string, l: Region, draft: Draft | undefined, out: Draft[]): Draft | undefined {
  const degree = DEGREE.exec(l.text);
  const school = SCHOOL.exec(l.text);
  let d = draft;
  if (!d || (degree && d.degree) || (school && d.institution && !degree)) {
    if (!degree && !school && !d) return d;
    d = { start: l.start, end: l.end };
    out.push(d);
  }
  d.end = l.end;
  if (degree && !d.degree) {
    d.degree = spanOf(text, l.start + degree.index, l.start + degree.index + degree[0].length);
    const after = l.text.slice(degree.index + degree[0].length);
    const field = FIELD_AFTER.exec(after);
    if (field && field[1]!.trim().length > 1) {
      const at = l.start + degree.index + degree[0].length + field[0].length - field[1]!.length;
      d.field = spanOf(text, at, at + field[1]!.length);
    }
  }
  if (school && !d.institution) d.institution = spanOf(text, l.start + school.index, l.start + school.index + school[0].length);
  const date = lastDate(l.text);
  if (date) d.endDate = date;
  return d;
}

export function extractEducation(text: string, sections: Section[]): Education[] {
  const out: Draft[] = [];
  for (const s of sections.filter((x) => x.kind === 'education')) {
    let draft: Draft | undefined;
    for (const l of linesIn(text, s.start, s.end)) {
      if (l.start === s.start && s.heading) continue;
      draft = readLine(text, l, draft, out);
    }
  }
  return out.map((d) => ({
    ...(d.institution ? { institution: d.institution } : {}),
    ...(d.degree ? { degree: d.degree } : {}),
    ...(d.field ? { field: d.field } : {}),
    ...(d.endDate ? { endDate: d.endDate } : {}),
    start: d.start,
    end: d.end,
  }));
}
