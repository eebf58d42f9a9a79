// Pass 2 of segmentation: role headers inside experience-like sections, as roles with offsets.
// Heuristic: a header is anchored on a date line (a range, a range split over two lines, or one date
// beside "Company Name" or a title); the anchor's leftover text is split into organization, location
// and title, and what is missing is taken from the short, unpunctuated lines right above or below
// (title line above LiveCareer's "dates Company Name : City" line; "Employer • City" below a title).
// A title is told from an organization by title words; LiveCareer's anonymized "Company Name" marks the
// organization and everything else on its line is the title. With real employer names, text on both
// sides of the dates is title (before) and employer with its city (after); a spaced dash, bars, or a
// comma after leading dates delimit the other layouts (docs/reading.md). Limits: undated roles are
// found only beside "Company Name"; placeholder dates ("year–year") are not dates; a city is read off
// the end of an employer's text by word lists, not a gazetteer.
import type { Role, SectionKind } from '../../schemas/document.js';
import { type DateSpan, findDateRange, findSingleDate, joinSplitRange, mayHoldDate } from './dates.js';
import { matchSectionHeading } from './section-headings.js';
import type { Line } from './split-sections.js';

export interface FoundRoles {
  roles: Role[];
  /** Role index of each line (headers and the lines under them), by line index. */
  roleOfLine: Array<number | undefined>;
  /** Lines that belong to a role header, never bullets. */
  headerLines: Set<number>;
  /** Duties run on after the header on the same line: [start, end) offsets. */
  tails: Array<{ start: number; end: number; line: number }>;
}

const ROLE_SECTIONS = new Set<SectionKind>(['experience', 'projects', 'volunteer']);
// Some sections of no known kind ("Miscellaneous", "On Campus Involvement": see mayHoldRoles) hold
// roles too, but there only a date range anchors a header: a lone date is more often an award.
const RANGE_ONLY_SECTIONS = new Set<SectionKind>(['other']);
const TITLE_WORDS =
  /\b(?:manager|representative|representactive|rep|associate|coordinator|specialist|clerk|engineer|developer|director|agent|assistant|supervisor|analyst|officer|consultant|lead|leader|intern|administrator|advisor|adviser|advocate|teller|cashier|banker|technician|accountant|designer|receptionist|secretary|server|hostess|chef|cook|nurse|president|vp|head|owner|founder|executive|architect|planner|scheduler|trainer|instructor|teacher|tutor|attendant|worker|volunteer|preparer|writer|editor|estimator|superintendent|foreman|creator|maintainer|member|ambassador|crew|staff|partner|counselor|stylist|merchandiser|buyer|operator|dispatcher|driver|expert|examiner|aide|provider|publisher|dishwasher|welder|fabricator|photographer|pastor|attache|coach)\b/i;
const ANON_ORG = /\bCompany Name\b/;
// LiveCareer writes "Company Name : City , State" or "Company Name – City"; the separator goes too.
const ANON_LOCATION = /(?:\s*[:–—-]\s*|\s+)?\bCity(?:\s*,\s*State)?\b/;
const CITY_STATE = /^[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*\s*,\s*(?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)$/;
const LOCATION_LINE = /^(City\s*,\s*State|[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}\s*,\s*[A-Z]{2})((?:\s+[A-Z]\S*(?:\s+\S+){5,}.*)?)$/;
const CITY = /^[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}$/;
const US_STATE = new RegExp(
  `^(?:${['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming', 'State'].join('|')})$`,
);
// Words that end an organization's name, never a city ("Acme, Inc").
const ORG_SUFFIX = /^(?:inc|llc|ltd|corp|co|company|group|plc|gmbh|university|college|school)\.?$/i;
// A template's placeholder city right after a one-word employer ("Employer City", moderncv).
const PLACEHOLDER_CITY = /^(\S+) (City)$/;
// "Illinois Department of Revenue Springfield , IL": a real employer runs into its city with nothing
// between them. The city is taken from the end: one word, widened over a known first word of a city
// ("San", "New", "Fort") and before a known last word ("Springs", "Beach"; "City" only after a name
// that takes it, so a template's "Employer City" stays the placeholder). Limits: a two-word city not
// covered here ("Chapel Hill") loses its first word to the employer.
const CITY_FIRST_WORDS = new Set([
  'San', 'Santa', 'Los', 'Las', 'New', 'Fort', 'Ft.', 'Saint', 'St.', 'St', 'El', 'La', 'Le', 'Del', 'Des', 'Baton',
  'Salt', 'Sioux', 'Palm', 'Palo', 'Grand', 'Cedar', 'Little', 'Long', 'Rio', 'Port', 'Mount', 'Mt.', 'Mountain',
  'North', 'South', 'East', 'West', 'Ann', 'Boca', 'Coral', 'Corpus', 'Costa', 'Chula', 'Round', 'Bowling', 'Eau',
  'Hong', 'Kuala', 'Buenos', 'Tel', 'Cape', 'Green', 'Silver', 'Cherry', 'Thousand', 'Overland', 'Menlo', 'Walnut',
]);
const CITY_LAST_WORDS = new Set(['Beach', 'Springs', 'Falls', 'Park', 'Heights', 'Rapids', 'Harbor', 'Harbors', 'Hills', 'Valley', 'Grove', 'Creek', 'Bluffs', 'County', 'Rivers', 'Oaks', 'Lakes']);
const BEFORE_CITY = new Set([
  'Kansas', 'Oklahoma', 'Jersey', 'Carson', 'Lake', 'Cebu', 'Quezon', 'Iowa', 'Rapid', 'Mexico', 'Panama', 'Atlantic',
  'Culver', 'Daly', 'Redwood', 'Traverse', 'Dodge', 'Garden', 'Union', 'Ellicott', 'Johnson', 'Bay', 'Davao', 'Makati',
]);

/** A last piece that names a state: a two-letter code or a spelled-out US state ("State" in templates). */
const isState = (piece: string): boolean => /^[A-Z]{2}$/.test(piece) || US_STATE.test(piece);

/** "Employer Words City" -> [employer, city], or undefined when no employer word would be left. */
function splitTrailingCity(piece: string): [string, string] | undefined {
  const words = piece.split(' ');
  let n = 1;
  const last = words[words.length - 1]!;
  if (CITY_LAST_WORDS.has(last) || (last === 'City' && BEFORE_CITY.has(words[words.length - 2] ?? ''))) n = 2;
  while (n < 3 && CITY_FIRST_WORDS.has(words[words.length - n - 1] ?? '')) n += 1;
  if (words.length <= n || !words.slice(-n).every((w) => /^[A-Z][A-Za-z.'-]*$/.test(w))) return undefined;
  return [words.slice(0, -n).join(' '), words.slice(-n).join(' ')];
}

// Short comma-separated pieces ending in a period: moderncv's "Job title, Employer, City." is a header.
const COMMA_HEADER = /^[^,.]{1,40}(?:,[^,.]{1,40}){2,4}\.$/;

interface Parts {
  title?: string;
  organization?: string;
  location?: string;
  /** Offset (in the line) where duties start after "City , State", when they do. */
  tail?: number;
  /** No piece held a title word: the first piece was taken for the title. */
  guessed?: boolean;
}

// Separators stripped from both ends of a piece, and a blank that /\s+/ -> ' ' would change.
const SEPARATOR_CHAR = /[\s,|•·:;/–—-]/;
const ODD_BLANK = /[^\S ]| {2}/;

/** `s` without separators at either end: a regex for the trailing run would try every position. */
function stripSeparators(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && SEPARATOR_CHAR.test(s[from]!)) from++;
  while (to > from && SEPARATOR_CHAR.test(s[to - 1]!)) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

function clean(s: string): string {
  // "Title (Mar 2018 – Jun 2021)" leaves "( )" once the dates are out. Each replace runs only when it
  // can change the string (clean runs on every piece of every header candidate; most are clean already).
  let out = s.includes('(') ? s.replace(/\(\s*\)/g, ' ') : s;
  out = stripSeparators(out);
  if (ODD_BLANK.test(out)) out = out.replace(/\s+/g, ' ');
  return out.trim();
}

function isBulletLine(text: string): boolean {
  return text.startsWith('• ');
}

/** A short line with no sentence end, most words capitalized or holding a title word. */
function isHeaderLike(text: string): boolean {
  if (isBulletLine(text) || text.length > 90) return false;
  if (/[.!?;:,]$/.test(text) && !/\b(?:Inc|Co|Ltd|Corp|LLC|Jr|Sr)\.$/.test(text)) return false;
  const words = text.split(' ').filter((w) => /[A-Za-z]/.test(w));
  if (words.length === 0 || words.length > 10) return false;
  const caps = words.filter((w) => /^[A-Z&(0-9]/.test(w)).length;
  return caps / words.length >= 0.6 || (words.length <= 5 && TITLE_WORDS.test(text));
}

/** Splits a header text (dates removed) into organization, location and title. */
function parseParts(text: string): Parts {
  const anon = ANON_ORG.exec(text);
  if (!anon) {
    const shaped = (/ \| /.test(text) ? barFields(text) : undefined) ?? employerDashTitle(text);
    if (shaped) return shaped;
  }
  if (anon) {
    const before = text.slice(0, anon.index);
    let after = text.slice(anon.index + anon[0].length);
    let location: string | undefined;
    let tail: number | undefined;
    const loc = ANON_LOCATION.exec(after);
    if (loc && (loc.index === 0 || /^\s*[:–—-]?\s*$/.test(after.slice(0, loc.index)))) {
      location = clean(loc[0]);
      const rest = after.slice(loc.index + loc[0].length);
      // Duties run on after "City , State" start with a capital and are longer than a title.
      if (/^\s+[A-Z]/.test(rest) && rest.trim().split(' ').length > 6 && before.trim() !== '') {
        tail = anon.index + anon[0].length + loc.index + loc[0].length + (rest.length - rest.trimStart().length);
        after = '';
      } else {
        after = rest;
      }
    }
    const title = clean(`${before} ${after}`);
    return { organization: 'Company Name', ...(location ? { location } : {}), ...(title ? { title } : {}), ...(tail !== undefined ? { tail } : {}) };
  }
  // A closing period after a word goes ("..., City."); the regex tries every position, so only if a "." is there.
  const unstopped = text.includes('.') ? text.replace(/([a-z]{3})\.\s*$/, '$1') : text;
  const pieces = unstopped
    .split(/\s*(?:\||•|·|,|\s\/\s| – | — | - )\s*/)
    .map(clean)
    .filter(Boolean);
  const out: Parts = {};
  // "City, ST" anywhere; a spelled-out state ("Denver, Colorado") only as the last two pieces.
  let at = pieces.findIndex((p, i) => i + 1 < pieces.length && /^[A-Z]{2}$/.test(pieces[i + 1]!) && CITY.test(p));
  if (at === -1 && pieces.length >= 2 && US_STATE.test(pieces[pieces.length - 1]!) && CITY.test(pieces[pieces.length - 2]!)) {
    at = pieces.length - 2;
  }
  if (at !== -1 && TITLE_WORDS.test(`${pieces[at]} ${pieces[at + 1]}`)) at = -1;
  if (at !== -1) out.location = `${pieces[at]}, ${pieces[at + 1]}`;
  let rest = pieces.filter((_, i) => at === -1 || (i !== at && i !== at + 1));
  // "Job title, Employer, City": with three pieces and no "City, ST", a last piece shaped like a city
  // (no title word, no company suffix) is the location.
  const last = rest[rest.length - 1];
  if (at === -1 && rest.length === 3 && last && CITY.test(last) && !TITLE_WORDS.test(last) && !last.split(' ').some((w) => ORG_SUFFIX.test(w))) {
    out.location = last;
    rest = rest.slice(0, -1);
  }
  const placeholder = rest.length === 1 && !out.location ? PLACEHOLDER_CITY.exec(rest[0]!) : null;
  if (placeholder && !TITLE_WORDS.test(placeholder[1]!)) {
    out.location = placeholder[2]!;
    rest = [placeholder[1]!];
  }
  if (rest.length === 0) return out;
  if (rest.length === 1) {
    if (TITLE_WORDS.test(rest[0]!)) out.title = rest[0]!;
    else out.organization = rest[0]!;
    return out;
  }
  const t = rest.findIndex((p) => TITLE_WORDS.test(p));
  const titleIndex = t === -1 ? 0 : t;
  out.title = rest[titleIndex]!;
  out.organization = rest.filter((_, i) => i !== titleIndex).join(', ');
  if (t === -1) out.guessed = true;
  return out;
}

/**
 * A header whose title stood before its dates: the title is that text whole ("Sales Associate / Key
 * Holder", "Team Lead, Customer Support"), and the text after the dates is the employer and its place
 * ("Walmart Supercenter Derby , KS", "Cedar Valley Credit Union, Cedar Rapids, IA").
 */
function titleThenEmployer(title: string, after: string): Parts {
  // A dash inside the employer stays ("Fairlane Town Center - Macy's"): only commas and bars cut here.
  const pieces = after.split(/\s*(?:\||•|·|,)\s*/).map(clean).filter(Boolean);
  const out: Parts = title ? { title } : {};
  const last = pieces.length - 1;
  const stated = last >= 1 && isState(pieces[last]!);
  if (stated) {
    const place = pieces[last - 1]!;
    const employer = pieces.slice(0, last - 1);
    // "Employer, City, ST" has the city as its own piece; "Employer City , ST" has it at the end of one.
    const split = employer.length > 0 && CITY.test(place) ? undefined : splitTrailingCity(place);
    if (split) employer.push(split[0]);
    return {
      ...out,
      ...(employer.length > 0 ? { organization: employer.join(', ') } : {}),
      location: `${split ? split[1] : place}, ${pieces[last]}`,
    };
  }
  // "Hearth & Holler, Asheville": with no state, a last piece shaped like a city is the place.
  if (pieces.length === 2 && CITY.test(pieces[1]!) && !TITLE_WORDS.test(pieces[1]!) && !pieces[1]!.split(' ').some((w) => ORG_SUFFIX.test(w))) {
    return { ...out, organization: pieces[0]!, location: pieces[1]! };
  }
  if (pieces.length > 0) out.organization = pieces.join(', ');
  return out;
}

/**
 * "Sun Country Federal Credit Union, El Paso — Senior Teller": an employer and its place on one side of
 * a spaced dash, the title whole on the other (the side without a comma, else the one with a title
 * word). Undefined for any other shape.
 */
function employerDashTitle(text: string): Parts | undefined {
  const sides = text.split(/ [–—] /);
  if (sides.length !== 2) return undefined;
  const [a, b] = sides.map(clean) as [string, string];
  if (!a || !b) return undefined;
  const titleRight = a.includes(',') !== b.includes(',') ? !b.includes(',') : TITLE_WORDS.test(b) || !TITLE_WORDS.test(a);
  const [employer, title] = titleRight ? [a, b] : [b, a];
  const pieces = employer.split(/\s*,\s*/).map(clean).filter(Boolean);
  if (pieces.length === 1) return { title, organization: pieces[0]! };
  const stated = pieces.length >= 3 && isState(pieces.at(-1)!);
  const placeFrom = stated ? pieces.length - 2 : pieces.length - 1;
  return { title, organization: pieces.slice(0, placeFrom).join(', '), location: pieces.slice(placeFrom).join(', ') };
}

/**
 * "Personal Banker / Lead Teller | Cedar Valley Credit Union | Denver, CO": bars delimit the fields, so
 * commas and slashes inside one belong to it. A "City, ST" field is the location; the title is the first
 * field with a title word (else the first), the other fields the employer.
 */
function barFields(text: string): Parts | undefined {
  const fields = text.split(/\s*\|\s*/).map(clean).filter(Boolean);
  // "Wilder Tech | Montgomery, AL, Desktop Support Technician": a field holding a place and more is
  // comma-delimited inside; parseParts reads that by its commas.
  if (fields.length < 2 || fields.some((f) => /,\s*[A-Z]{2}\s*,/.test(f) || f.split(',').length > 2)) return undefined;
  const out: Parts = {};
  const loc = fields.findIndex((f) => CITY_STATE.test(f) && !TITLE_WORDS.test(f));
  if (loc !== -1) out.location = fields.splice(loc, 1)[0]!.replace(/\s*,\s*/, ', ');
  if (fields.length === 0) return out;
  const t = fields.findIndex((f) => TITLE_WORDS.test(f));
  const ti = t === -1 ? 0 : t;
  out.title = fields[ti]!;
  const rest = fields.filter((_, i) => i !== ti);
  if (rest.length > 0) out.organization = rest.join(', ');
  if (t === -1) out.guessed = true;
  return out;
}

/** Fills what `base` lacks from `extra`, never overwriting. */
function merge(base: Parts, extra: Parts): Parts {
  // Assigned field by field: four conditional spreads allocated up to eight objects per merge.
  const out: Parts = {};
  const title = base.title ?? extra.title;
  if (title) out.title = title;
  const organization = base.organization ?? extra.organization;
  if (organization) out.organization = organization;
  const location = base.location ?? extra.location;
  if (location) out.location = location;
  if (base.tail !== undefined) out.tail = base.tail;
  return out;
}

interface Anchor {
  span: DateSpan;
  /** Line indexes holding the dates (two for a split range). */
  lines: number[];
  /** The anchor line's text with the dates taken out. */
  rest: string;
  /**
   * The title and the employer text apart, when the dates stood between them ("Title 06/2012 to 08/2017
   * Employer City , ST"; title "" when the dates open the line before ", Employer, City"): read by
   * titleThenEmployer rather than from `rest`, where the title would run into the employer.
   */
  split?: { title: string; employer: string };
}

/** Text before a dates-first header that is a one-word margin label ("Vocational year–year Job title, ..."). */
function isMarginLabel(before: string, after: string): boolean {
  const b = before.trim();
  // moderncv's entries end with a period ("Job title, Employer, City."); "Host 2016 to 2017 Blue Ridge
  // Diner Asheville, NC" has a one-word title before its dates, not a label.
  if (!/^[A-Z][a-z]+$/.test(b) || TITLE_WORDS.test(b) || !/\.\s*$/.test(after)) return false;
  const parts = parseParts(after);
  return parts.title !== undefined && parts.organization !== undefined && /,/.test(after);
}

/** moderncv's "year–year Job title, Employer, City.": dates at one end, short comma pieces, a period. */
function isCommaHeader(rest: string, before: string, after: string): boolean {
  if (before.trim() !== '' && after.trim() !== '' && rest !== after) return false;
  const r = clean(rest);
  return COMMA_HEADER.test(r) && r.split(',').every((p) => p.trim().split(' ').length <= 4);
}

/** A section heading glued before a comma header ("Miscellaneous Job title, Employer, City."). */
function dropHeadingPrefix(rest: string): string {
  const m = /^\s*([A-Z][a-z]+)\s+(?=[A-Z])/.exec(rest);
  if (!m || !matchSectionHeading(m[1]!)) return rest;
  const remainder = rest.slice(m[0].length);
  const parts = parseParts(remainder);
  return parts.title !== undefined && parts.organization !== undefined && /,/.test(remainder) ? remainder : rest;
}

function findAnchor(lines: Line[], i: number, rangeOnly = false): Anchor | undefined {
  const l = lines[i]!;
  // Every anchor below needs a date on this line (a split range opens on it): most lines have none.
  if (isBulletLine(l.text) || !mayHoldDate(l.text)) return undefined;
  const next = lines[i + 1];
  const split = next && next.section === l.section ? joinSplitRange(l.text, next.text) : undefined;
  if (split) return { span: split, lines: [i, i + 1], rest: '' };
  const range = findDateRange(l.text);
  const span = range ?? (rangeOnly ? undefined : findSingleDate(l.text));
  if (!span) return undefined;
  // Only LiveCareer's "Company Name" layout runs duties on after a header: other lines skip the parse.
  const tail = ANON_ORG.test(l.text) ? parseParts(l.text).tail : undefined;
  const head = tail === undefined ? l.text : l.text.slice(0, tail);
  if (span.index >= head.length) return undefined;
  const before = head.slice(0, span.index);
  const after = head.slice(span.index + span.length);
  const marginLabel = isMarginLabel(before, after);
  // LiveCareer's "Company Name" marks the employer wherever it stands (parseParts reads that layout), and
  // fields set apart by bars or dashes are parseParts' too.
  const between =
    /[A-Za-z]/.test(before) && /[A-Za-z]/.test(after) && !marginLabel && !ANON_ORG.test(head) && !/[|•·]| [–—-] /.test(before);
  // A heading glued before a header ("Miscellaneous Job title, ...") stands before dates-first headers
  // only: before a title ("Contact Center Supervisor 01/2020 to ...") the word is the title's.
  const joined = marginLabel ? after : `${before} ${after}`;
  const rest = between ? joined : dropHeadingPrefix(joined);
  // Dates inside a sentence ("from Mar 2007 to Sep 2008 as the ...") are not a header.
  if (/[.!?]$/.test(head.trim()) && !ANON_ORG.test(head) && !isCommaHeader(rest, before, after)) return undefined;
  if (!range) {
    // One date anchors a header only beside the anonymized employer or at the end of a title.
    const atEnd = span.index + span.length >= l.text.trimEnd().length;
    if (!ANON_ORG.test(l.text) && !(atEnd && isHeaderLike(clean(rest)) && TITLE_WORDS.test(rest))) return undefined;
  }
  // An aside in brackets ("(contract via Prairie State Consulting)") does not make a header a sentence.
  if (head.length > 160 || clean(rest.includes('(') ? rest.replace(/\([^()]*\)/g, ' ') : rest).split(' ').length > 16) return undefined;
  // "Feb 2021 - Present, Hearth & Holler, Asheville" under a title line: dates first, then a comma and
  // the employer with its place; the title is the line above.
  const employerOnly = !/[A-Za-z]/.test(before) && /^\s*,/.test(after) && !ANON_ORG.test(head);
  if (between || employerOnly) return { span, lines: [i], rest, split: { title: between ? clean(before) : '', employer: after } };
  return { span, lines: [i], rest };
}

function roleFrom(parts: Parts, span: DateSpan | undefined, start: number, end: number): Role {
  return {
    title: parts.title ?? '',
    ...(parts.organization ? { organization: parts.organization } : {}),
    ...(parts.location ? { location: parts.location } : {}),
    ...(span?.startDate ? { startDate: span.startDate } : {}),
    ...(span?.endDate ? { endDate: span.endDate } : {}),
    current: span?.current ?? false,
    start,
    end,
  };
}

export function findRoles(
  lines: Line[],
  kindOf: (section: number) => SectionKind,
  otherHoldsRoles: (section: number) => boolean = () => false,
): FoundRoles {
  const roles: Role[] = [];
  const roleOfLine: Array<number | undefined> = new Array<number | undefined>(lines.length);
  const headerLines = new Set<number>();
  const tails: FoundRoles['tails'] = [];
  const inRoleSection = (i: number) => {
    const s = lines[i]?.section;
    return s !== undefined && (ROLE_SECTIONS.has(kindOf(s)) || (RANGE_ONLY_SECTIONS.has(kindOf(s)) && otherHoldsRoles(s)));
  };
  const rangeOnly = (i: number) => RANGE_ONLY_SECTIONS.has(kindOf(lines[i]!.section!));
  // findAnchor reads the lines alone, and a line is asked about up to three times (as the line below or
  // above a header, and in the loop): each line's answer is computed once per call (null: no anchor).
  const anchors = new Array<Anchor | null | undefined>(lines.length);
  const anchorAt = (j: number): Anchor | undefined => {
    if (!lines[j]) return undefined;
    if (anchors[j] === undefined) anchors[j] = findAnchor(lines, j, rangeOnly(j)) ?? null;
    return anchors[j] ?? undefined;
  };
  const sameSection = (i: number, j: number) => lines[i]?.section !== undefined && lines[i]!.section === lines[j]?.section;
  const free = (j: number, i: number) => sameSection(i, j) && !headerLines.has(j) && !isBulletLine(lines[j]!.text);

  let open: number | undefined;
  let openSection: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (!inRoleSection(i)) {
      open = undefined;
      continue;
    }
    if (lines[i]!.section !== openSection) open = undefined;
    if (headerLines.has(i)) {
      roleOfLine[i] = open;
      continue;
    }
    const anchor = anchorAt(i);
    const undated =
      !anchor && !rangeOnly(i) && ANON_ORG.test(lines[i]!.text) && lines[i]!.text.length <= 90 && !(sameSection(i, i + 1) && anchorAt(i + 1));
    if (!anchor && !undated) {
      if (open !== undefined) {
        roleOfLine[i] = open;
        roles[open]!.end = lines[i]!.end;
      }
      continue;
    }
    const used = anchor ? [...anchor.lines] : [i];
    let parts = anchor?.split
      ? titleThenEmployer(anchor.split.title, anchor.split.employer)
      : parseParts(anchor ? anchor.rest : lines[i]!.text);
    const last = used[used.length - 1]!;
    // Below: the line that completes a header ("Company Name : City", "Stripe • San Francisco, CA").
    const below = last + 1;
    // An employer written in pieces ("Enactus, University of La Verne") over a title-word line ("Member").
    if (anchor && parts.guessed && !parts.location && free(below, i) && !anchorAt(below)) {
      const text = lines[below]!.text;
      const extra = parseParts(text);
      if (isHeaderLike(text) && extra.title && !extra.organization && !extra.guessed) {
        parts = { title: extra.title, organization: `${parts.title}, ${parts.organization}` };
        used.push(below);
      }
    }
    if (anchor && (!parts.title || !parts.organization || ANON_ORG.test(lines[below]?.text ?? '')) && free(below, i) && !anchorAt(below)) {
      const text = lines[below]!.text;
      const extra = parseParts(text);
      // Beside LiveCareer's "Company Name" line, the anchor's own text is the whole title.
      if (ANON_ORG.test(text) && !ANON_ORG.test(anchor.rest) && clean(anchor.rest)) parts = { title: clean(anchor.rest) };
      const fits = ANON_ORG.test(text) || (isHeaderLike(text) && (!parts.title || !extra.title || !parts.organization));
      if (fits && (extra.title || extra.organization || extra.location)) {
        if (extra.tail !== undefined) tails.push({ start: lines[below]!.start + extra.tail, end: lines[below]!.end, line: below });
        // With a title already, the line's title word names the employer (merge takes no tail from `extra`).
        parts = merge(parts, parts.title ? { organization: extra.organization ?? extra.title, location: extra.location } : extra);
        used.push(below);
        // A location alone on the next line ("San Francisco, CA").
        const loc = below + 1;
        if (!parts.location && free(loc, i) && CITY_STATE.test(lines[loc]!.text.trim())) {
          parts = merge(parts, { location: lines[loc]!.text.trim() });
          used.push(loc);
        }
      }
    }
    // "City , State" on its own line under a full header, possibly with the first duty run on.
    const after = Math.max(...used) + 1;
    if (free(after, i)) {
      const m = LOCATION_LINE.exec(lines[after]!.text);
      if (m) {
        parts = merge(parts, { location: clean(m[1]!) });
        used.push(after);
        if (m[2]) tails.push({ start: lines[after]!.start + m[1]!.length + m[2].length - m[2].trimStart().length, end: lines[after]!.end, line: after });
      }
    }
    // Above: the title line over LiveCareer's dates line, or an employer over a title, up to three lines.
    let first = used[0]!;
    for (let k = 0; k < 3 && (!parts.title || !parts.organization); k++) {
      const above = first - 1;
      if (!free(above, i) || roleOfLine[above] !== undefined && roles[roleOfLine[above]!]!.start === lines[above]!.start) break;
      const text = lines[above]!.text;
      if (!(ANON_ORG.test(text) || isHeaderLike(text)) || anchorAt(above)) break;
      const extra = parseParts(text);
      if (!parts.title && !extra.title && extra.organization && !ANON_ORG.test(text) && parts.organization) {
        // Neither line holds a title word: the employer line sits over the title line that carries the
        // dates ("Employer City" / "Job title year--year", as in open-resume's "ABC Company" /
        // "Software Engineer May 2023 - Present").
        parts = ANON_ORG.test(parts.organization)
          ? merge(parts, { title: extra.organization })
          : merge({ title: parts.organization, ...(parts.location ? { location: parts.location } : {}) }, extra);
      } else if (parts.title && !extra.organization && extra.title) {
        parts = merge(parts, { organization: extra.title });
      } else {
        parts = merge(parts, extra);
      }
      first = above;
      if (extra.location && !extra.title && !extra.organization) continue;
      if (ANON_ORG.test(text)) break;
    }
    for (let j = first; j < used[0]!; j++) used.push(j);
    if (parts.tail !== undefined) {
      const l = lines[anchor ? anchor.lines[0]! : i]!;
      tails.push({ start: l.start + parts.tail, end: l.end, line: anchor ? anchor.lines[0]! : i });
    }
    const lastUsed = Math.max(...used);
    const role = roleFrom(parts, anchor?.span, lines[first]!.start, lines[lastUsed]!.end);
    // Lines taken from above leave the previous role.
    if (open !== undefined && first < i) roles[open]!.end = Math.min(roles[open]!.end, lines[first - 1]?.end ?? roles[open]!.end);
    roles.push(role);
    open = roles.length - 1;
    openSection = lines[i]!.section;
    for (const j of used) {
      headerLines.add(j);
      roleOfLine[j] = open;
    }
    i = Math.max(i, lastUsed);
  }
  return { roles, roleOfLine, headerLines, tails };
}
