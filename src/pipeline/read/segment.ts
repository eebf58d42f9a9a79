// Splits normalized text into sections, roles and bullets, all as offsets into that text, in three
// passes: split-sections (lines and headings), find-roles (role headers in experience-like sections),
// collect-units (bullets and sentences). Each pass returns new data; the heuristics and their limits are
// at the top of each pass's file.
import type { Bullet, Role, Section, Warning } from '../../schemas/document.js';
import { collectUnits } from './collect-units.js';
import { findRoles } from './find-roles.js';
import { type HeadingKind, mayHoldRoles } from './section-headings.js';
import { splitSections } from './split-sections.js';

export { normalizeDate } from './dates.js';

export interface Segmented {
  sections: Section[];
  roles: Role[];
  bullets: Bullet[];
  warnings: Warning[];
}

function warningsFor(headings: number, sections: Section[]): Warning[] {
  const warnings: Warning[] = [];
  if (headings === 0) warnings.push({ code: 'NO_SECTIONS', message: 'No section headings were recognized.' });
  if (!sections.some((s) => s.kind === 'experience')) {
    warnings.push({ code: 'NO_EXPERIENCE_SECTION', message: 'No experience section was found.' });
  }
  return warnings;
}

/** `lineHeadings`: each line's heading, when normalize has them (NormalizedText.headings). */
export function segmentResume(text: string, lineHeadings?: ReadonlyArray<HeadingKind | undefined>): Segmented {
  const { lines, sections, headings } = splitSections(text, lineHeadings);
  const kindOf = (section: number) => sections[section]!.kind;
  const found = findRoles(lines, kindOf, (section) => mayHoldRoles(sections[section]!.heading));
  const bullets = collectUnits(text, lines, kindOf, found);
  return { sections, roles: found.roles, bullets, warnings: warningsFor(headings, sections) };
}
