// Pass 1 of segmentation: the text's non-empty lines (by offset), and the sections their headings open.
// Heuristic: a heading is a short line from the vocabulary in section-headings.ts; the lines above the
// first heading are the contact block. A heading word right under a dated line, in another case than the
// section's own ALL-CAPS heading, is a role title ("Volunteer" under "LionLike MindState ... June 2012 –
// Present" in "VOLUNTEER EXPERIENCE"). A resume whose jobs start right under the contact lines, with no
// heading of their own, gets an untitled experience section from the first line there holding a date range
// (or from the title-like line right above it: "Patient Access Supervisor" over "Aug 2020 - Present, ...").
// Limits: a heading glued to content on its line is not seen; a text with no heading at all stays one
// untitled section.
import type { Section, SectionKind } from '../../schemas/document.js';
import { findDateRange } from './dates.js';
import { type HeadingKind, matchSectionHeading } from './section-headings.js';

export interface Line {
  text: string;
  start: number;
  end: number;
  /** Index into the sections; undefined for a heading line itself. */
  section?: number;
}

export interface SplitText {
  lines: Line[];
  sections: Section[];
  headings: number;
}

/**
 * A line that can be a job title standing above its dates: short, capitalized, and none of what marks a
 * contact line (an address sign, a digit, a separator, a comma of "City, ST") or a sentence.
 */
function titleLike(text: string): boolean {
  const t = text.trim();
  return /^[A-Z]/.test(t) && !/[@\d|·•,:;/]|[.!?]$/.test(t) && t.split(/\s+/).length <= 6;
}

/** Non-empty lines with their offsets; one pass over the text, line ends found by indexOf. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end > start && text.slice(start, end).trim() !== '') lines.push({ text: text.slice(start, end), start, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/**
 * `headings`, when given, holds matchSectionHeading of each non-blank line of `text` in order (normalize
 * knows them: see NormalizedText); without it, or when its length does not fit, each line is tested here.
 */
export function splitSections(text: string, headings?: ReadonlyArray<HeadingKind | undefined>): SplitText {
  const sections: Section[] = [];
  let headingCount = 0;
  const isCaps = (s: string) => /[A-Z]/.test(s) && s === s.toUpperCase();
  let previous: string | undefined;
  let previousLine: Line | undefined;
  const split = splitLines(text);
  const known = headings !== undefined && headings.length === split.length ? headings : undefined;
  const lines = split.map((l, i): Line => {
    const above = previous;
    previous = l.text;
    const current = sections[sections.length - 1];
    // Only a heading line can be a title under dates: the date search runs for those lines alone.
    const heading = known ? known[i] : matchSectionHeading(l.text);
    const titleUnderDates =
      heading !== undefined &&
      current !== undefined &&
      current.heading !== '' &&
      isCaps(current.heading) &&
      !isCaps(l.text) &&
      above !== undefined &&
      findDateRange(above) !== undefined;
    const kind = titleUnderDates ? undefined : heading;
    if (kind) {
      headingCount += 1;
      sections.push({ kind, heading: l.text, start: l.start, end: l.end });
      return l;
    }
    if (sections.length === 0) sections.push({ kind: 'contact', heading: '', start: l.start, end: l.end });
    else if (headingCount === 0 && sections.length === 1 && findDateRange(l.text) !== undefined) {
      // Jobs under the contact lines with no heading: an untitled experience section starts here, or at the
      // title right above (never the first line, the name).
      const contact = sections[0]!;
      const title = previousLine !== undefined && i > 1 && titleLike(previousLine.text) ? previousLine : undefined;
      const from = title ?? l;
      sections.push({ kind: 'experience', heading: '', start: from.start, end: l.end });
      if (title) title.section = 1;
      const last = title ? split[i - 2] : split[i - 1];
      contact.end = last!.end;
    }
    const index = sections.length - 1;
    sections[index]!.end = l.end;
    // Written out: the spread was this loop's costliest step (about a tenth of buildDocument, measured).
    const line: Line = { text: l.text, start: l.start, end: l.end, section: index };
    previousLine = line;
    return line;
  });
  if (headingCount > 0) return { lines, sections, headings: headingCount };
  // Without any heading, the whole text is one untitled section, not a contact block (nor jobs under one).
  for (const line of lines) line.section = 0;
  const first = sections[0];
  const kind: SectionKind = 'other';
  return { lines, sections: first ? [{ kind, heading: '', start: first.start, end: sections.at(-1)!.end }] : [], headings: 0 };
}
