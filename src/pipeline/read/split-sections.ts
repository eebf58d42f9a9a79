// Pass 1 of segmentation: the text's non-empty lines (by offset), and the sections their headings open.
// Heuristic: a heading is a short line from the vocabulary in section-headings.ts; the lines above the
// first heading are the contact block. A heading word right under a dated line, in another case than the
// section's own ALL-CAPS heading, is a role title ("Volunteer" under "LionLike MindState ... June 2012 –
// Present" in "VOLUNTEER EXPERIENCE"). Limits: a heading glued to content on its line is not seen.
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
    const index = sections.length - 1;
    sections[index]!.end = l.end;
    // Written out: the spread was this loop's costliest step (about a tenth of buildDocument, measured).
    return { text: l.text, start: l.start, end: l.end, section: index };
  });
  // Without any heading, the whole text is one untitled section, not a contact block.
  const kind: SectionKind = 'other';
  return {
    lines,
    sections: headingCount === 0 ? sections.map((s) => ({ ...s, kind })) : sections,
    headings: headingCount,
  };
}
