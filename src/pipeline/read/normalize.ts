// Cleans extracted text into the canonical string every offset of the response indexes into.
// Heuristics: repair UTF-8-read-as-Windows-1252 mojibake ("Ã©", "â€™", stray "Â"), replace ligatures,
// unify spaces and bullet glyphs ("• "), split side-by-side columns (3+ spaces between cells), join
// hyphenated line breaks and wrapped lines (a line continues the previous one when it starts in lower
// case, or when the previous bullet did not end its sentence). Limits: a wrapped line that starts with
// a capitalized proper noun stays a line of its own; a hyphen at a line break is kept unless the
// fragment after it looks like a word ending.
import type { Warning } from '../../schemas/document.js';
import { CP1252_HIGH as CP1252_SPECIALS } from './decode-text.js';
import { type HeadingKind, matchSectionHeading } from './section-headings.js';

export interface NormalizedText {
  text: string;
  warnings: Warning[];
  /**
   * matchSectionHeading of each line of `text`, in order (every line is non-blank): normalize tests each
   * line as it makes it, and splitSections reads the answers here rather than testing every line again.
   */
  headings: Array<HeadingKind | undefined>;
}

const CP1252_BYTE = new Map<string, number>();
for (let i = 0; i < 32; i++) CP1252_BYTE.set(CP1252_SPECIALS[i]!, 0x80 + i);
const CONT = `\\u0080-\\u00BF${CP1252_SPECIALS.replace(/[\\\]^-]/g, '\\$&')}`;
const MOJIBAKE_RUN = new RegExp(`[\\u00C2-\\u00F4][${CONT}]{1,3}`, 'g');
const UTF8 = new TextDecoder('utf-8', { fatal: true });

function toByte(ch: string): number {
  return CP1252_BYTE.get(ch) ?? ch.charCodeAt(0);
}

// LiveCareer's fullwidth-colon separator (EF BC 9A) arrives as "ï¼" with its third byte already turned
// into an invisible character (U+200B, U+009A) or lost: two bytes alone are not valid UTF-8, so it is
// named here rather than decoded.
const FULLWIDTH_COLON_MOJIBAKE = /\u00EF\u00BC[\u009A\u0161\u200B]?/g;

// Every pattern here opens with a character in U+00C2-U+00F4: normalizeText calls this only for a text
// holding one (see repairsOf).
function repairMojibake(text: string): { text: string; repaired: number } {
  let repaired = 0;
  let out = text.replace(FULLWIDTH_COLON_MOJIBAKE, () => {
    repaired++;
    return '\uFF1A';
  });
  out = out.replace(MOJIBAKE_RUN, (run) => {
    const bytes = Uint8Array.from([...run].map(toByte));
    try {
      const fixed = UTF8.decode(bytes);
      repaired++;
      return fixed;
    } catch {
      return run;
    }
  });
  // A right double quote (E2 80 9D) whose third byte, undefined in Windows-1252, was dropped or made
  // invisible: "â€" is left alone once every decodable run above has been repaired.
  out = out.replace(/\u00E2\u20AC[\u200B\u009D]?/g, () => {
    repaired++;
    return '\u201D';
  });
  // A lone "Â" before a space is a non-breaking space whose second byte was already turned into a space.
  out = out.replace(/\u00C2(?=[ \u00A0\t\n]|$)/g, () => {
    repaired++;
    return '';
  });
  return { text: out, repaired };
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'ft',
  '\uFB06': 'st',
};

// Glyphs that open a list item when they start a line. "o", "-", "*" only count when a space follows.
const BULLET_AT_START =
  /^[ \t]*(?:[•▪◦●○■□➢►▶▸✓✔❖◆◇♦➤→⁃‣∙·\u2023\u2043\u25AA\u25CF\uE000-\uF8FF]|[-–—*o](?=[ \t]))[ \t]*/u;
// A blank that is neither a space nor a line break.
const ODD_BLANK = /[^\S \n]/;
const DATE_HINT =
  /\b(?:(?:19|20)\d{2}|present|current|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\b/i;
// A fragment after a line-break hyphen that is only a word ending ("-tation", "-ment") means the hyphen
// split one word; anything else ("-native", "-driven") is a compound whose hyphen stays.
const WORD_ENDING =
  /^[bcdfghjklmnpqrstvwxz]{0,2}(?:ation|ations|ication|ion|ions|ing|ings|ment|ments|ement|ed|er|ers|ly|ity|ities|ance|ences?|ness|able|ible|al|ial|ive|ives|ous|ize|ized|izing|ise|ised|ate|ated|ates|ating|ure|ures|ist|ists|ism|ant|ants|ent|ents|ory|ary|ic|ical|ful|less|ship|age|ages|ery|ian|ual|es|s|y)$/;

function splitColumns(line: string): string[] {
  // includes() first: most lines hold no run of three spaces, and it costs less than the regex.
  if (!line.includes('   ') || !/\S {3,}\S/.test(line)) return [line];
  const cells = line
    .trim()
    .split(/ {3,}/)
    .map((c) => c.trim())
    .filter(Boolean);
  // A title with its dates pushed to the right margin is one line, not two columns.
  if (cells.length === 2 && DATE_HINT.test(cells[1]!) && cells[1]!.length <= 40) return [cells.join(' ')];
  return cells;
}

function isTitleLike(line: string): boolean {
  const words = line.split(' ').filter((w) => /[A-Za-z]/.test(w));
  if (words.length === 0 || words.length > 8) return false;
  const caps = words.filter((w) => /^[A-Z&(]/.test(w)).length;
  return caps / words.length >= 0.6;
}

// Words a phrase cannot end on: a line ending with one continues on the next line.
const OPEN_ENDING =
  /(?:,|&|\b(?:a|an|the|and|or|of|to|for|with|by|in|on|at|from|into|using|across|through|including|via|as|per|over|under|between|while|within|than|that|which|who|our|their|its|his|her|new|such))$/i;

// Every test on the line built so far looks at its end only: a joined line is kept as pieces and a short
// tail, so 100k wrapped lines cost 100k bounded steps, not a rescan of an ever longer string each time.
const TAIL_CHARS = 64;
// A section heading is at most 48 characters (section-headings.ts): a longer line is never one.
const HEADING_MAX_CHARS = 48;
// Pieces are joined into one string every CHUNK_PIECES: 100k short lines joined into one would otherwise
// keep 100k small strings alive until the end, and the collector copying them made the step superlinear.
const CHUNK_PIECES = 256;

interface OutLine {
  /** Joined runs of CHUNK_PIECES pieces, then the pieces since (never empty: the last piece is there). */
  chunks: string[];
  pieces: string[];
  length: number;
  /** The line opened with a list glyph. */
  bullet: boolean;
  /** The last TAIL_CHARS characters of the line. */
  tail: string;
  /** The section the line as it stands opens as a heading (null: none): known when it is made, forgotten when it grows. */
  heading: HeadingKind | null | undefined;
}

function newLine(text: string, heading: HeadingKind | null): OutLine {
  return { chunks: [], pieces: [text], length: text.length, bullet: text.startsWith('• '), tail: text.slice(-TAIL_CHARS), heading };
}

function textOf(line: OutLine): string {
  const rest = line.pieces.join('');
  return line.chunks.length === 0 ? rest : line.chunks.join('') + rest;
}

function headingOf(line: OutLine): HeadingKind | null {
  if (line.heading === undefined) line.heading = (line.length <= HEADING_MAX_CHARS && matchSectionHeading(textOf(line))) || null;
  return line.heading;
}

function shouldJoin(prev: OutLine, line: string, heading: boolean): boolean {
  if (line.startsWith('• ') || headingOf(prev) !== null || heading) return false;
  const end = prev.tail;
  if (/[.!?:;]$/.test(end)) return false;
  if (/^[a-z(&]/.test(line)) return true;
  if (DATE_HINT.test(line) && isTitleLike(line)) return false;
  if (OPEN_ENDING.test(end)) return true;
  // A bullet cut before a number: "reducing charges by" / "18% through ...".
  return prev.bullet && /^[\d$€£%]/.test(line) && !DATE_HINT.test(line);
}

function appendTo(prev: OutLine, piece: string): void {
  // Chunked before the push, so the last piece is always in `pieces` (a dropped hyphen edits it).
  if (prev.pieces.length >= CHUNK_PIECES) {
    prev.chunks.push(prev.pieces.join(''));
    prev.pieces = [];
  }
  prev.pieces.push(piece);
  prev.length += piece.length;
  prev.heading = undefined;
  prev.tail = piece.length >= TAIL_CHARS ? piece.slice(-TAIL_CHARS) : (prev.tail + piece).slice(-TAIL_CHARS);
}

function joinLines(prev: OutLine, line: string): void {
  // The regex alone would try every start position of a long line; most lines do not end with "-".
  const hyphen = prev.tail.endsWith('-') ? /([A-Za-z]+)-$/.exec(prev.tail) : null;
  if (hyphen && /^[a-z]/.test(line)) {
    const fragment = /^[a-z]+/.exec(line)?.[0] ?? '';
    // The word before the hyphen may be longer than the tail: then it is not a 1-2 letter prefix.
    const wholeWord = hyphen.index > 0 || prev.length === prev.tail.length;
    const dropHyphen = WORD_ENDING.test(fragment) || (wholeWord && hyphen[1]!.length <= 2);
    if (dropHyphen) {
      const last = prev.pieces.length - 1;
      prev.pieces[last] = prev.pieces[last]!.slice(0, -1);
      prev.length -= 1;
      prev.tail = prev.tail.slice(0, -1);
    }
    appendTo(prev, line);
    return;
  }
  appendTo(prev, ` ${line}`);
}

// Runs of characters other than printable ASCII and the line feed: the regex skips the rest (nearly all
// of a text) about twice as fast as a loop reading every code.
const SPECIAL_RUN = /[^\n\x20-\x7E]+/g;

/** Which of normalizeText's character repairs a text can need: each is skipped when its flag is off. */
interface Repairs {
  /** "\r" or "\f". */
  lineBreaks: boolean;
  /** A character that can open a mojibake sequence (U+00C2-U+00F4). */
  mojibake: boolean;
  ligatures: boolean;
  fullwidth: boolean;
  /** A blank other than a space or a line feed: odd spaces, tabs, invisible characters. */
  blanks: boolean;
  controls: boolean;
  privateUse: boolean;
}

/**
 * One pass over the character codes instead of a regex scan per repair (about a dozen scans of the
 * whole text, most finding nothing). Each flag may be on when its repair then finds nothing, never
 * off when it would find something: the ranges below cover the repairs' character classes.
 */
function repairsOf(text: string): Repairs {
  const r: Repairs = { lineBreaks: false, mojibake: false, ligatures: false, fullwidth: false, blanks: false, controls: false, privateUse: false };
  SPECIAL_RUN.lastIndex = 0;
  for (let m = SPECIAL_RUN.exec(text); m; m = SPECIAL_RUN.exec(text)) for (let i = m.index; i < SPECIAL_RUN.lastIndex; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      r.controls = r.blanks = true;
      if (c === 0x0d || c === 0x0c) r.lineBreaks = true;
    } else if (c <= 0x9f || c === 0xfffd) r.controls = true;
    else if (c >= 0xc2 && c <= 0xf4) r.mojibake = true;
    else if (c === 0xa0 || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029) r.blanks = true;
    else if (c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff) r.blanks = true;
    else if (c >= 0xfb00 && c <= 0xfb06) r.ligatures = true;
    else if (c >= 0xff01 && c <= 0xff5e) r.fullwidth = true;
    else if (c >= 0xe000 && c <= 0xf8ff) r.privateUse = true;
  }
  return r;
}

export function normalizeText(raw: string): NormalizedText {
  const warnings: Warning[] = [];
  let needs = repairsOf(raw);
  let text = needs.lineBreaks ? raw.replace(/\r\n?/g, '\n').replace(/\f/g, '\n') : raw;

  const mojibake = needs.mojibake ? repairMojibake(text) : { text, repaired: 0 };
  if (mojibake.repaired > 0) {
    text = mojibake.text;
    // A repaired sequence can decode to any character: the flags are read again.
    needs = repairsOf(text);
    warnings.push({
      code: 'MOJIBAKE_REPAIRED',
      message: `${mojibake.repaired} garbled character sequence(s) from a wrong text encoding were repaired.`,
    });
  }

  // The repairs below only remove their own characters or write ASCII letters and spaces: none makes
  // a character another one (or the line loop) looks for, so the flags hold through them.
  let ligatures = 0;
  if (needs.ligatures) {
    text = text.replace(/[\uFB00-\uFB06]/g, (c) => {
      ligatures++;
      return LIGATURES[c]!;
    });
  }
  if (ligatures > 0) {
    warnings.push({
      code: 'LIGATURES_REPLACED',
      message: `${ligatures} typographic ligature(s) were spelled out.`,
    });
  }

  // Fullwidth forms ("：", "，") are the ASCII characters in a wider glyph: fold them as NFKC would.
  if (needs.fullwidth) text = text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (needs.blanks) {
    text = text
      .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      .replace(/\t/g, '   ');
  }
  let controls = 0;
  if (needs.controls) {
    text = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]/g, () => {
      controls++;
      return '';
    });
  }
  if (controls > 0) {
    warnings.push({
      code: 'CONTROL_CHARACTERS_REMOVED',
      message: `${controls} control or replacement character(s) were removed.`,
    });
  }

  // A line can hold a private-use glyph, or a blank other than a space, only if the text does (most
  // hold neither), so the per-line scans for them run only then.
  const privateUse = needs.privateUse;
  const oddBlanks = needs.blanks && ODD_BLANK.test(text);
  const out: OutLine[] = [];
  let splitLines = 0;
  let barrier = true;
  // Lines by offset: a split array would keep every raw line alive through the loop.
  for (let from = 0; from <= text.length; ) {
    const nl = text.indexOf('\n', from);
    const stop = nl === -1 ? text.length : nl;
    const rawLine = text.slice(from, stop);
    from = stop + 1;
    const cells = splitColumns(rawLine);
    if (cells.length > 1) splitLines++;
    if (cells.length === 1 && cells[0]!.trim() === '') {
      barrier = true;
      continue;
    }
    for (const cell of cells) {
      let line = cell;
      const bullet = BULLET_AT_START.exec(line);
      line = bullet ? `• ${line.slice(bullet[0].length)}` : line;
      if (privateUse) line = line.replace(/[\uE000-\uF8FF]/g, '');
      // Most lines hold single spaces only: the test is cheaper than rebuilding the line unchanged.
      if (line.includes('  ') || (oddBlanks && /[^\S ]/.test(line))) line = line.replace(/\s+/g, ' ');
      line = line.trim();
      if (line === '' || line === '•') continue;
      const prev = out[out.length - 1];
      // Tested once here: the line is tested as a heading again only if it grows by a join.
      const heading = matchSectionHeading(line) ?? null;
      if (!barrier && cells.length === 1 && prev !== undefined && shouldJoin(prev, line, heading !== null)) {
        joinLines(prev, line);
      } else {
        out.push(newLine(line, heading));
      }
      barrier = cells.length > 1;
    }
  }
  if (splitLines >= 2) {
    warnings.push({
      code: 'TWO_COLUMN_LAYOUT',
      message: `A side-by-side layout was detected on ${splitLines} line(s); its cells were split into separate lines.`,
    });
  }
  return { text: out.map(textOf).join('\n'), warnings, headings: out.map((l) => headingOf(l) ?? undefined) };
}
