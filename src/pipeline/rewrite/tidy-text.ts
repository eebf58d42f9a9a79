// Cleans a bullet before it is rewritten and splits glued sentences: mojibake, glyphs, spacing, then
// ". X" boundaries. Never touches digits or their separators. Limits: sentences glued without a
// period ("...customers Addressed inquiries...") stay one sentence; abbreviations come from a list.
import { lower, stripTrailingPunct } from './text-tokens.js';

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'inc',
  'ltd',
  'co',
  'corp',
  'jr',
  'sr',
  'st',
  'vs',
  'no',
  'dept',
]);
const BULLET_GLYPH =
  /^(?:[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219\u27a2\u27a4\u2192\u00b7*>]|[-\u2013\u2014o](?=\s))\s*/u;

/** Removes mojibake, glyphs and stray spacing. Never touches digits or their separators. */
export function tidy(text: string): string {
  // Each Unicode replace is skipped when the character it needs is absent: most bullets are clean
  // and the skipped replace would return its input unchanged.
  let t = text.includes('Â') ? text.replace(/Â(?!\p{L})/gu, ' ') : text;
  t = t.replace(/[\u200b\u200c\u200d\ufeff]/g, '');
  // Only a run of spaces or a space character other than " " changes here.
  if (/\s\s|[^\S ]/.test(t)) t = t.replace(/[\s\u00a0]+/g, ' ');
  t = t.trim().replace(BULLET_GLYPH, '');
  if (/\s[,;:]/.test(t)) t = t.replace(/\s+([,;:])(?=\s*\p{L})/gu, '$1');
  if (/[,;]\S/.test(t)) t = t.replace(/(?<=\p{L})([,;])(?=\p{L})/gu, '$1 ');
  return stripTrailingPunct(t).trim();
}

/** Splits at ". X" (or ".X") between sentences; keeps abbreviations and decimals intact. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /\.\s*(?=\p{Lu})/gu;
  // Without a period there is nothing to split: skip the Unicode scan.
  for (let m = text.includes('.') ? re.exec(text) : null; m; m = re.exec(text)) {
    const before = /([\p{L})]+)$/u.exec(text.slice(start, m.index))?.[1] ?? '';
    if (before.length < 2 || !/\p{Ll}$|\)$/u.test(before) || ABBREVIATIONS.has(lower(before))) continue;
    out.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}
