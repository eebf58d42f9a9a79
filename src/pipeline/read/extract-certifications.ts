// Certifications: each item of a certifications section, with issuer and date when written, and the
// known project-management credentials recognised by their common spellings wherever they are claimed.
// Heuristic: items are lines (or "*"/"•"/";" pieces of a line); "Name - Issuer - 2019" gives the issuer
// and date; outside certification sections only a line naming a credential counts, and not when it
// says the credential is being pursued. Limits: an issuer written without " - " is left in the name.
import type { Certification, Section } from '../../schemas/document.js';
import { PM_CREDENTIALS } from '../../schemas/document.js';
import { findSingleDate } from './dates.js';
import { linesIn, type Region, spanOf, splitRegion } from './text-span.js';

type Credential = (typeof PM_CREDENTIALS)[number];

// Spellings of each credential: data, checked in this order (PSM before the looser CSM spellings).
const CREDENTIAL_SPELLINGS: ReadonlyArray<readonly [Credential, RegExp]> = [
  ['PMP', /\bPMP\b|\bProject Management Professional\b/i],
  ['CAPM', /\bCAPM\b|\bCertified Associate in Project Management\b/i],
  ['PSM', /\bPSM(?:\s?I{1,3})?\b|\bProfessional Scrum Master\b/i],
  ['CSM', /\bCSM\b|\b(?:Certified )?Scrum ?Master\b/i],
  ['PRINCE2', /\bPRINCE\s?2\b/i],
  ['Google PM', /\bGoogle (?:Project Management|PM)\b/i],
];
// Any of the spellings: a section where none occurs (most) is skipped before its lines are read.
const ANY_CREDENTIAL = new RegExp(CREDENTIAL_SPELLINGS.map(([, re]) => `(?:${re.source})`).join('|'), 'i');
const PURSUING = /\b(?:pursu\w*|working toward\w*|studying|preparing|candidate for|in progress|expected)\b/i;
const ITEM_SEPARATOR = /\s\*\s?|\s\*(?=[A-Z])|^\*|•|;/g;

function credentialOf(s: string): Credential | undefined {
  return CREDENTIAL_SPELLINGS.find(([, re]) => re.test(s))?.[0];
}

function readItem(text: string, item: Region): Certification | undefined {
  const parts = item.text.split(/\s+[-–—]\s+/);
  const nameEnd = item.start + (parts.length > 1 ? item.text.indexOf(parts[1]!, parts[0]!.length) : item.text.length);
  const name = spanOf(text, item.start, parts.length > 1 ? nameEnd : item.end);
  if (!name || name.text.length < 2 || name.text.length > 120) return undefined;
  const issuerText = parts.length > 2 || (parts.length === 2 && !findSingleDate(parts[1]!)) ? parts[1]! : undefined;
  const issuerAt = issuerText ? item.start + item.text.indexOf(issuerText, parts[0]!.length) : -1;
  const issuer = issuerText ? spanOf(text, issuerAt, issuerAt + issuerText.length) : undefined;
  const date = findSingleDate(item.text)?.startDate;
  const credential = credentialOf(item.text);
  return {
    name: name.text.length > 0 && issuer ? spanOf(text, name.start, Math.min(name.end, issuer.start))! : name,
    ...(issuer ? { issuer } : {}),
    ...(date ? { date } : {}),
    ...(credential ? { credential } : {}),
    start: item.start,
    end: item.end,
  };
}

export function extractCertifications(text: string, sections: Section[]): Certification[] {
  const out: Certification[] = [];
  for (const s of sections) {
    if (s.kind !== 'certifications' && (s.kind === 'contact' || !ANY_CREDENTIAL.test(text.slice(s.start, s.end)))) continue;
    const lines = linesIn(text, s.start, s.end).filter((l) => !(l.start === s.start && s.heading));
    if (s.kind === 'certifications') {
      for (const l of lines) {
        for (const piece of splitRegion(l, ITEM_SEPARATOR)) {
          const item = spanOf(text, piece.start, piece.end);
          const cert = item && readItem(text, { text: item.text, start: item.start, end: item.end });
          if (cert) out.push(cert);
        }
      }
      continue;
    }
    // Elsewhere only a named PM credential counts, as the whole line or the clause that names it.
    for (const l of lines) {
      if (l.text.length > 300 || PURSUING.test(l.text)) continue;
      const found = CREDENTIAL_SPELLINGS.map(([credential, re]) => ({ credential, m: re.exec(l.text) }))
        .filter((x): x is { credential: Credential; m: RegExpExecArray } => x.m !== null)
        .sort((a, b) => a.m.index - b.m.index);
      let taken = -1;
      for (const { credential, m } of found) {
        // "Professional Scrum Master" is PSM only: a spelling inside an earlier one does not count again.
        if (m.index < taken || out.some((c) => c.credential === credential)) continue;
        taken = m.index + m[0].length;
        const name = spanOf(text, l.start + m.index, l.start + m.index + m[0].length)!;
        out.push({ name, credential, start: name.start, end: name.end });
      }
    }
  }
  return out;
}
