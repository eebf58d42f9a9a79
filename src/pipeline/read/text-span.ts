// Offsets for the structured fields: a trimmed span of the text, and the lines of a region by offset.
// Heuristic: none; every field is built from these so that text.slice(start, end) equals its text.
// Limits: spans are trimmed of spaces and of the list glyph "• ", nothing else.
import type { TextSpan } from '../../schemas/document.js';

export interface Region {
  text: string;
  start: number;
  end: number;
}

/** The span [start, end) of `text` without surrounding spaces, separators or a leading "• "; undefined if empty. */
export function spanOf(text: string, start: number, end: number): TextSpan | undefined {
  let s = start;
  let e = end;
  while (s < e && /[\s•,;|:*·-]/.test(text[s]!)) s++;
  while (e > s && /[\s•,;|:*·(-]/.test(text[e - 1]!)) e--;
  return e > s ? { text: text.slice(s, e), start: s, end: e } : undefined;
}

/** The non-empty lines of text[start, end), by offset. */
export function linesIn(text: string, start: number, end: number): Region[] {
  const out: Region[] = [];
  let from = start;
  while (from < end) {
    const nl = text.indexOf('\n', from);
    const stop = nl === -1 || nl > end ? end : nl;
    if (stop > from && text.slice(from, stop).trim() !== '') out.push({ text: text.slice(from, stop), start: from, end: stop });
    from = stop + 1;
  }
  return out;
}

/** Pieces of a line split at `separator`, as regions of the text. */
export function splitRegion(region: Region, separator: RegExp): Region[] {
  const out: Region[] = [];
  let from = 0;
  // A global separator is used as it is (lastIndex reset; the loop ends with exec returning null, which
  // resets it again): a copy per call cost more than the split on short lines.
  const re = separator.global ? separator : new RegExp(separator.source, `${separator.flags}g`);
  re.lastIndex = 0;
  for (let m = re.exec(region.text); m; m = re.exec(region.text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    out.push({ text: region.text.slice(from, m.index), start: region.start + from, end: region.start + m.index });
    from = m.index + m[0].length;
  }
  out.push({ text: region.text.slice(from), start: region.start + from, end: region.end });
  return out.filter((p) => p.text.trim() !== '');
}
