// Term maps: customer-service words read in their project meaning ("inquiries" -> "requests"), from
// data/rewrite-lexicon.yaml, applied on word boundaries with context words that allow or forbid them.
// Maps of a group (`termMapGroups`) apply all or none in a bullet.
// Limits: context is the whole bullet plus the next word, not the sentence structure.
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';
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
  // On ASCII text [a-z0-9] is \p{L}\p{N} of the lower-cased text (see asciiRuns in load-lexicon).
  const runs = new Set(lowered.match(ascii ? /[a-z0-9]+/g : /[\p{L}\p{N}]+/gu) ?? []);
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
    t.pattern.lastIndex = 0;
    for (let m = t.pattern.exec(text); m; m = t.pattern.exec(text)) {
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
