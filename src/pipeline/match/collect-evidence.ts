// From phrase matches to evidence: which span of the document proves a competency, and how strongly.
// Heuristic: the unit is the bullet holding the match (in a skills list, the entry within it), else the
// skills entry, else the sentence; one piece per competency per unit, the strongest reading kept.
// Role titles and contact details never count. Limits: units come from segmentation, so a paragraph
// the reader did not split is one sentence-bounded span.
import type { Evidence } from '../../schemas/analysis.js';
import type { ResumeDocument, SectionKind } from '../../schemas/document.js';
import { type CompiledCompetency, type CompiledTaxonomy, strengthFor } from '../../taxonomy/compile-taxonomy.js';
import { type Token, tokenize } from '../../text/tokenize.js';
import { matchTokens } from './match-phrases.js';


interface Unit {
  start: number;
  end: number;
  section: SectionKind;
  bulletId?: string;
  roleIndex?: number;
}

const MIN_CONTACT_WORDS = 8;
const SKILL_ENTRY_SEP = /[,;|•·●▪\t\n]/u;
const SENTENCE_END = /[.!?](?=\s)|\n\s*\n|\n(?=\s*[•●▪◦■\-*➢►✓◆])|\n(?=\s*[\p{Lu}\p{N}])/gu;

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s•●▪◦■\-*➢►✓◆,;|·]/u.test(text[s]!)) s += 1;
  while (e > s && /[\s,;|·]/u.test(text[e - 1]!)) e -= 1;
  return [s, e];
}

/** The list entry around [start, end) within [lo, hi): bounded by commas, semicolons, bullets, line ends. */
function skillEntry(text: string, start: number, end: number, lo: number, hi: number): [number, number] {
  let s = lo;
  let e = hi;
  for (let i = start - 1; i >= lo; i -= 1) {
    if (SKILL_ENTRY_SEP.test(text[i]!)) {
      s = i + 1;
      break;
    }
  }
  for (let i = end; i < hi; i += 1) {
    if (SKILL_ENTRY_SEP.test(text[i]!)) {
      e = i;
      break;
    }
  }
  return trimSpan(text, s, e);
}

/**
 * The span that reads as proof: the bullet holding the match (in a skills list, the entry within it);
 * else, in a skills section, the list entry; else the sentence (a line that starts with a capital counts
 * as a new sentence).
 */
/**
 * Lookups by offset over the document's spans, built once per call: bullets, sections and roles are
 * sorted and disjoint, so a binary search replaces a scan per match (which made long texts quadratic).
 */
interface DocIndex {
  bulletStarts: number[];
  sectionStarts: number[];
  roleStarts: number[];
  /** [start, end) of each role's title on its header, in document order. */
  titleStarts: number[];
  titleEnds: number[];
}

function indexDocument(doc: ResumeDocument): DocIndex {
  const titleStarts: number[] = [];
  const titleEnds: number[] = [];
  const bulletStarts = doc.bullets.map((b) => b.start);
  for (const r of doc.roles) {
    if (!r.title) continue;
    // The header line is title, dates, employer and place, none of it evidence ("Splicer / Installer
    // 03/2013 to 06/2016 Caprock Communications Amarillo , TX" claims no communication). It ends at the
    // line break, at the first unit starting inside it, or after the employer or place as read (duties
    // may run on after "City , State"). The title as read may join pieces the line holds apart, so it is
    // not always found verbatim; then, with no employer or place found either, the whole line is header.
    const lineBreak = doc.text.indexOf('\n', r.start);
    let lineEnd = lineBreak < 0 || lineBreak > r.end ? r.end : lineBreak;
    const next = bulletStarts[lastAtOrBefore(bulletStarts, r.start) + 1];
    if (next !== undefined && next < lineEnd) lineEnd = next;
    const endOf = (piece: string | undefined) => {
      const at = piece ? doc.text.indexOf(piece, r.start) : -1;
      return at >= 0 && at + piece!.length <= lineEnd ? at + piece!.length : -1;
    };
    const at = doc.text.indexOf(r.title, r.start);
    const titleEnd = at >= 0 && at < r.end ? at + r.title.length : -1;
    const named = Math.max(endOf(r.organization), endOf(r.location));
    const start = titleEnd >= 0 ? Math.min(at, r.start) : r.start;
    const end = Math.max(titleEnd, named >= 0 ? named : titleEnd >= 0 ? titleEnd : lineEnd);
    if (end > start && (titleEnds.length === 0 || start >= titleEnds.at(-1)!)) {
      titleStarts.push(start);
      titleEnds.push(end);
    }
  }
  return {
    bulletStarts,
    sectionStarts: doc.sections.map((x) => x.start),
    roleStarts: doc.roles.map((r) => r.start),
    titleStarts,
    titleEnds,
  };
}

/** Index of the last entry of the ascending `starts` that is <= offset, or -1. */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function unitFor(doc: ResumeDocument, index: DocIndex, start: number, end: number): Unit | undefined {
  const candidate = doc.bullets[lastAtOrBefore(index.bulletStarts, start)];
  const bullet = candidate && end <= candidate.end ? candidate : undefined;
  if (bullet) {
    const unit: Unit = { start: bullet.start, end: bullet.end, section: bullet.section, bulletId: bullet.id };
    if (bullet.roleIndex !== undefined) unit.roleIndex = bullet.roleIndex;
    if (bullet.section === 'skills') {
      [unit.start, unit.end] = skillEntry(doc.text, start, end, bullet.start, bullet.end);
    }
    return unit;
  }
  const bounds = doc.sections[lastAtOrBefore(index.sectionStarts, start)];
  if (!bounds || start >= bounds.end) return undefined;
  const section = bounds.kind;
  const text = doc.text;
  if (section === 'skills') {
    const [s, e] = skillEntry(text, start, end, bounds.start, bounds.end);
    return { start: s, end: e, section };
  }
  let lo = bounds.start;
  let hi = bounds.end;
  SENTENCE_END.lastIndex = 0;
  const region = text.slice(bounds.start, bounds.end);
  for (const m of region.matchAll(SENTENCE_END)) {
    const at = bounds.start + m.index;
    if (at < start) lo = at + m[0].length;
    else if (at >= end) {
      hi = at + (m[0].startsWith('\n') ? 0 : 1);
      break;
    }
  }
  const [s, e] = trimSpan(text, lo, hi);
  if (s > start || e < end) return { start, end, section };
  return { start: s, end: e, section, roleIndex: roleIndexAt(doc, index, s) };
}

function roleIndexAt(doc: ResumeDocument, index: DocIndex, offset: number): number | undefined {
  const i = lastAtOrBefore(index.roleStarts, offset);
  return i >= 0 && offset < doc.roles[i]!.end ? i : undefined;
}

/** True when the match lies on a role's header (title, dates, employer): a job title alone is not evidence. */
function onRoleTitle(index: DocIndex, start: number, end: number): boolean {
  // Titles are disjoint and ordered: only the last one starting before `end` can overlap.
  const i = lastAtOrBefore(index.titleStarts, end - 1);
  return i >= 0 && index.titleEnds[i]! > start;
}

/**
 * Which units may prove a competency. Contact details never do, except a real sentence there (segmenters
 * leave an unrecognised profile paragraph in the untitled top section). Education proves only the
 * competencies that list it (credentials): a course title or honour society is not evidence of a skill.
 */
function countsAsEvidence(doc: ResumeDocument, unit: Unit, competency: CompiledCompetency): boolean {
  if (unit.section === 'education') return competency.strongSections.has('education');
  if (unit.section === 'contact') return doc.text.slice(unit.start, unit.end).split(/\s+/).length >= MIN_CONTACT_WORDS;
  return true;
}

/**
 * Evidence for every competency, in taxonomy order then document order. One piece per competency per
 * unit (the first pattern that matched in it wins), contact details and role titles never count.
 */
export function matchEvidence(
  doc: ResumeDocument,
  taxonomy: CompiledTaxonomy,
  tokens: readonly Token[] = tokenize(doc.text, taxonomy.lemmas),
): Evidence[] {
  const index = indexDocument(doc);
  const perCompetency = new Map<string, Map<string, Evidence>>();
  for (const m of matchTokens(tokens, taxonomy)) {
    const pattern = taxonomy.patterns[m.pattern]!;
    const competency = taxonomy.competencyById.get(pattern.competencyId)!;
    const start = tokens[m.first]!.start;
    const end = tokens[m.last]!.end;
    if (onRoleTitle(index, start, end)) continue;
    const unit = unitFor(doc, index, start, end);
    if (!unit || !countsAsEvidence(doc, unit, competency)) continue;
    let units = perCompetency.get(competency.id);
    if (!units) {
      units = new Map();
      perCompetency.set(competency.id, units);
    }
    const key = `${unit.start}:${unit.end}`;
    const evidence: Evidence = {
      quote: doc.text.slice(unit.start, unit.end),
      start: unit.start,
      end: unit.end,
      section: unit.section,
      ...(unit.bulletId !== undefined ? { bulletId: unit.bulletId } : {}),
      ...(unit.roleIndex !== undefined ? { roleIndex: unit.roleIndex } : {}),
      // A hedge ("familiar with") is weak at most, wherever it stands.
      strength: m.hedged ? 'weak' : strengthFor(competency, pattern, unit.section),
      patternId: pattern.id,
    };
    const prev = units.get(key);
    // Keep the strongest reading of a unit; on a tie the earlier match stands.
    if (!prev || (prev.strength === 'weak' && evidence.strength === 'strong')) units.set(key, evidence);
  }
  const out: Evidence[] = [];
  for (const c of taxonomy.competencies) {
    const units = perCompetency.get(c.id);
    if (units) out.push(...[...units.values()].sort((a, b) => a.start - b.start || a.end - b.end));
  }
  return out;
}

/** Which competency a piece of evidence belongs to, from its pattern id. */
export function competencyOf(evidence: Pick<Evidence, 'patternId'>, taxonomy: CompiledTaxonomy): string {
  return taxonomy.patternById.get(evidence.patternId)!.competencyId;
}
