// Contact details from the top of the resume: name, e-mails, phones, location and profile links.
// Heuristic: look in the untitled block above the first heading and in any "Contact" section (or the
// first six lines when there is no heading); the name is the first line of two to four capitalized
// words with no digit, "@" or title word. Limits: a letter-spaced name ("J A R E D") or a one-word name
// is not read; phones are North-American shaped (3-3-4 digits, optional country code).
// Personal data: the result goes back to the caller and is never logged.
import type { Contact, Section, TextSpan } from '../../schemas/document.js';
import { linesIn, type Region, spanOf } from './text-span.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE = /(?<![\d/])(?:\+\d{1,3}[\s.-]*)?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}(?!\d)/g;
const LINK =
  /(?<![@\w.])(?:https?:\/\/)?(?:www\.)?(?:linkedin\.com\/[^\s,|•]+|github\.com\/[^\s,|•]+|[a-z0-9-]+\.(?:com|io|dev|me|net|org|site)(?:\/[^\s,|•]*)?)/gi;
const LOCATION = /\b[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}\s*,\s*(?:[A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b/;
const NOT_NAME =
  /\d|@|\b(?:resume|curriculum|vitae|manager|engineer|developer|representative|specialist|assistant|analyst|director|coordinator|consultant|accountant|technician|summary|profile|overview|objective|professional|experience|skills|education|lead|senior|administration|facilities)\b/i;

// Contact lines are short; longer lines are skipped, which also keeps the patterns linear.
const MAX_LINE = 300;

function contactRegions(text: string, sections: Section[], headings: number): Region[] {
  const lines =
    headings === 0
      ? linesIn(text, 0, Math.min(text.length, 6 * MAX_LINE)).slice(0, 6)
      : sections
          .filter((s) => s.kind === 'contact' || (s.kind === 'other' && /^contact/i.test(s.heading.trim())))
          .flatMap((s) => linesIn(text, s.start, s.end));
  return lines.filter((l) => l.text.length <= MAX_LINE);
}

function allMatches(text: string, lines: Region[], re: RegExp): TextSpan[] {
  const out: TextSpan[] = [];
  for (const l of lines) {
    re.lastIndex = 0;
    for (let m = re.exec(l.text); m; m = re.exec(l.text)) {
      const span = spanOf(text, l.start + m.index, l.start + m.index + m[0].length);
      if (span) out.push(span);
    }
  }
  return out;
}

export function extractContact(text: string, sections: Section[], headings: number): Contact {
  const lines = contactRegions(text, sections, headings);
  const emails = allMatches(text, lines, EMAIL);
  const phones = allMatches(text, lines, PHONE).filter((p) => p.text.replace(/\D/g, '').length >= 10);
  const links = allMatches(text, lines, LINK)
    .filter((l) => !emails.some((e) => l.start >= e.start && l.end <= e.end))
    .map((l) => ({
      ...l,
      kind: /linkedin\.com/i.test(l.text) ? ('linkedin' as const) : /github\.com/i.test(l.text) ? ('github' as const) : ('portfolio' as const),
    }));
  const nameLine = lines.find((l) => {
    const t = l.text.trim();
    const words = t.split(/\s+/);
    return words.length >= 2 && words.length <= 4 && words.every((w) => /^[A-Z][A-Za-z'.-]*$/.test(w) && w.length > 1) && !NOT_NAME.test(t);
  });
  const name = nameLine ? spanOf(text, nameLine.start, nameLine.end) : undefined;
  let location: TextSpan | undefined;
  for (const l of lines) {
    if (l === nameLine) continue;
    const m = LOCATION.exec(l.text);
    if (m) {
      location = spanOf(text, l.start + m.index, l.start + m.index + m[0].length);
      break;
    }
  }
  return { ...(name ? { name } : {}), emails, phones, ...(location ? { location } : {}), links };
}
