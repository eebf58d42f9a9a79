// Date spans of role headers: ranges ("06/2012 to Current", "Jan 2023 - Present", "2000 - 2003") and
// single dates ("February 2014", "Summer 2022"), normalized to YYYY-MM or YYYY.
// Heuristic: one regex per shape, anchored on a four-digit year; a season gives the year only.
// Template placeholders ("year–year", "YYYY - YYYY", moderncv's "year--year") are ranges with no dates:
// they still anchor a role header. "Summer 2013, 2014" (a date, then a later year) is a range.
// Limits: day-first dates and two-digit years are not dates here.

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
const SEASON = '(?:spring|summer|fall|autumn|winter)';
const DATE = `(?:(?:${MONTH}|${SEASON}),?\\s+(?:19|20)\\d{2}|\\d{1,2}\\s*/\\s*(?:19|20)\\d{2}|(?:19|20)\\d{2}(?:-\\d{2})?)`;
const OPEN_END = '(?:present|current|currently|now|today|date)';
const END = `(?:${DATE}|${OPEN_END})`;
const JOIN = '\\s*(?:to|-|–|—|until|through|till)\\s*';
const RANGE = new RegExp(`(${DATE})${JOIN}(${END})\\b`, 'i');
// "Summer 2013, 2014": a date then a later year after a comma.
const YEAR_LIST = new RegExp(`(${DATE}),\\s*((?:19|20)\\d{2})\\b`, 'i');
const PLACEHOLDER = '(?:year|yyyy)';
const PLACEHOLDER_RANGE = new RegExp(`\\b${PLACEHOLDER}\\s*(?:–|—|-{1,2})\\s*(?:${PLACEHOLDER}|present|current)\\b`, 'i');
const SINGLE = new RegExp(`(?:^|\\s)(${DATE})(?=\\s|$)`, 'i');
// A range cut after its connector: "April 2007 to" on one line, "January 2016" on the next.
const OPEN_RANGE = new RegExp(`^(${DATE})${JOIN}$`, 'i');
const WHOLE_OPEN_END = new RegExp(`^${OPEN_END}$`, 'i');
// Every date has a four-digit year and every placeholder range the word "year" or "yyyy": lines without
// either (most bullets) skip the date patterns, with the same answers.
const HAS_YEAR = /(?:19|20)\d{2}/;
const HAS_PLACEHOLDER = /year|yyyy/i;
const WHOLE_END = new RegExp(`^(${END})$`, 'i');

export interface DateSpan {
  /** Offsets of the span inside the string searched. */
  index: number;
  length: number;
  startDate?: string;
  endDate?: string;
  current: boolean;
  /** Whether both ends were written. */
  range: boolean;
  /** A template placeholder ("year–year"): a range with no real dates. */
  placeholder?: boolean;
}

/** "06/2012" -> "2012-06", "March 2011" -> "2011-03", "Summer 2022" -> "2022", "2019" -> "2019". */
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

function spanOf(index: number, length: number, startRaw: string, endRaw: string | undefined): DateSpan {
  const current = endRaw !== undefined && WHOLE_OPEN_END.test(endRaw.trim());
  const startDate = normalizeDate(startRaw);
  const endDate = endRaw === undefined || current ? undefined : normalizeDate(endRaw);
  return {
    index,
    length,
    ...(startDate ? { startDate } : {}),
    ...(endDate ? { endDate } : {}),
    current,
    range: endRaw !== undefined,
  };
}

/** False when `line` holds no date, range or placeholder range for the finders below (most lines). */
export function mayHoldDate(line: string): boolean {
  return HAS_YEAR.test(line) || HAS_PLACEHOLDER.test(line);
}

/** The first date range in `line`. */
export function findDateRange(line: string): DateSpan | undefined {
  if (HAS_YEAR.test(line)) {
    const m = RANGE.exec(line);
    if (m) return spanOf(m.index, m[0].length, m[1]!, m[2]!);
    const list = YEAR_LIST.exec(line);
    if (list) {
      const span = spanOf(list.index, list[0].length, list[1]!, list[2]!);
      if (span.startDate && span.endDate && span.endDate > span.startDate.slice(0, 4)) return span;
    }
  }
  const p = HAS_PLACEHOLDER.test(line) ? PLACEHOLDER_RANGE.exec(line) : null;
  if (p) {
    const current = /(?:present|current)$/i.test(p[0]);
    return { index: p.index, length: p[0].length, current, range: true, placeholder: true };
  }
  return undefined;
}

/** The first lone date in `line` ("September 2006", "Summer 2022"). */
export function findSingleDate(line: string): DateSpan | undefined {
  const m = HAS_YEAR.test(line) ? SINGLE.exec(line) : null;
  if (!m) return undefined;
  const index = m.index + m[0].length - m[1]!.length;
  return spanOf(index, m[1]!.length, m[1]!, undefined);
}

/** A range written over two lines: "April 2007 to" then "January 2016". */
export function joinSplitRange(first: string, second: string): DateSpan | undefined {
  const a = HAS_YEAR.test(first) ? OPEN_RANGE.exec(first.trim()) : null;
  // Called for every line and its next: the second line is read only when the first opens a range.
  const b = a ? WHOLE_END.exec(second.trim()) : null;
  return a && b ? spanOf(0, first.length, a[1]!, b[1]!) : undefined;
}
