// Term maps: customer-service words read in their project meaning ("inquiries" -> "requests"), from
// data/rewrite-lexicon.yaml, applied on word boundaries with context words that allow or forbid them.
// Maps of a group (`termMapGroups`) apply all or none in a bullet.
// Limits: context is the whole bullet plus the next word, not the sentence structure.
import type { CompiledTermMap, RewriteLexicon } from '../../taxonomy/load-lexicon.js';
import type { RewriteChange } from './rewrite-bullet.js';
import { NON_ASCII } from './score-bullet.js';
import { capitalize, lower, someIn } from './text-tokens.js';

export function applyTermMaps(text: string, lex: RewriteLexicon, changes: RewriteChange[]): string {
  const ascii = !NON_ASCII.test(text);
  const lowered = text.toLowerCase();
  // On ASCII text only the maps keyed by a run the text holds can match (most bullets hold none):
  // their indexes, sorted back into the lexicon's order (longer phrases first). The runs' lists are
  // disjoint, so a list already taken (its run seen before) shows by its first index. One scan finds
  // the runs that are keys, rather than a lookup for every run of the text.
  let candidates: number[];
  if (ascii) {
    candidates = [...lex.termMapsWithoutRun];
    const keyRun = lex.termMapRunPattern;
    keyRun.lastIndex = 0;
    for (let m = keyRun.exec(lowered); m; m = keyRun.exec(lowered)) {
      const maps = lex.termMapsByRun.get(m[0])!;
      if (!candidates.includes(maps[0]!)) candidates.push(...maps);
    }
    if (candidates.length === 0) return text;
    candidates.sort((a, b) => a - b);
  } else candidates = lex.termMaps.map((_, i) => i);
  // On ASCII text [a-z0-9] is \p{L}\p{N} of the lower-cased text (see asciiRuns in load-lexicon), and a
  // run is looked for where it is needed rather than every run of the text collected.
  const runs: { has(run: string): boolean } = ascii ? { has: (run) => holdsAsciiRun(lowered, run) } : new Set(lowered.match(/[\p{L}\p{N}]+/gu) ?? []);
  // Built only when a map that passed the run checks asks for it.
  let words: Set<string> | undefined;
  const wordsOf = () => (words ??= new Set((text.match(/[\p{L}][\p{L}'-]*/gu) ?? []).map(lower)));
  type Hit = { start: number; end: number; to: string; rule: string };
  const hits: Hit[] = [];
  const taken = (s: number, e: number) => hits.some((h) => s < h.end && e > h.start);
  for (const i of candidates) {
    const t = lex.termMaps[i]!;
    if (t.firstRun !== undefined && !runs.has(t.firstRun)) continue;
    if (ascii && !t.asciiRuns.every((r) => runs.has(r))) continue;
    if (t.requiresAny && !someIn(t.requiresAny, wordsOf())) continue;
    if (t.forbidsAny && someIn(t.forbidsAny, wordsOf())) continue;
    // "media inquiries and requests" must not become "requests and requests".
    if (t.present?.test(text)) continue;
    for (const m of matchesOf(t, text, ascii ? lowered : undefined)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      // "inquiries about HR policies" stays as written: "requests about" reads worse.
      if (t.notBefore && t.notBefore.has(/^\s*([\p{L}]+)/u.exec(text.slice(end))?.[1]?.toLowerCase() ?? '')) continue;
      let to = t.to.replaceAll('$0', m[0]);
      // "Inquiries" -> "Requests", but an acronym ("SLA", "SLAs") is no sentence start: its expansion stays lower case.
      if (/^\p{Lu}/u.test(m[0]) && !/^\p{Lu}{2,}/u.test(m[0])) to = capitalize(to);
      hits.push({ start, end, to, rule: `term-map:${t.id}` });
    }
  }
  // A group applies all or none: a word of the group left unmapped drops the group's other hits.
  for (const g of lex.termMapGroups) {
    const rule = `term-map:${g.id}`;
    const mine = hits.filter((h) => h.rule === rule);
    if (mine.length === 0) continue;
    g.pattern.lastIndex = 0;
    for (let m = g.pattern.exec(text); m; m = g.pattern.exec(text)) {
      const at = m.index;
      if (!mine.some((h) => at >= h.start && at < h.end)) {
        hits.splice(0, hits.length, ...hits.filter((h) => h.rule !== rule));
        break;
      }
    }
  }
  hits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.start) + h.to;
    at = h.end;
    changes.push({ rule: h.rule, from: text.slice(h.start, h.end), to: h.to });
  }
  return out + text.slice(at);
}

const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);

/** `lowered` (ASCII, lower case) holds `run` as a whole run: no [a-z0-9] on either side. */
function holdsAsciiRun(lowered: string, run: string): boolean {
  for (let i = lowered.indexOf(run); i >= 0; i = lowered.indexOf(run, i + 1)) {
    if (!isAsciiAlnum(lowered.charCodeAt(i - 1)) && !isAsciiAlnum(lowered.charCodeAt(i + run.length))) return true;
  }
  return false;
}

/**
 * The matches of `t.pattern` in `text`, in order, as its global scan finds them. On ASCII text
 * (`lowered` given) an ASCII phrase can match only where the lower-cased text holds it: the sticky
 * twin is tried there alone, not at every position (the pattern opens with a lookbehind).
 */
function matchesOf(t: CompiledTermMap, text: string, lowered: string | undefined): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (lowered !== undefined && t.ascii) {
    const { from, sticky } = t.ascii;
    for (let at = lowered.indexOf(from); at >= 0; ) {
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m) out.push(m);
      at = lowered.indexOf(from, m ? at + m[0].length : at + 1);
    }
    return out;
  }
  t.pattern.lastIndex = 0;
  for (let m = t.pattern.exec(text); m; m = t.pattern.exec(text)) out.push(m);
  return out;
}
