// Turns evidence into one explained 0-100 score and a level per competency, absent ones included.
// Heuristic (docs/matching.md): each independent piece of evidence (one bullet, sentence or skills entry;
// a quote repeated word for word counts once)
// adds points: strong 25, or 30 in the current role, +5 when it carries a number (a quantified result);
// weak claims add 10 each but at most 20 in total, so claims alone never exceed "emerging". Capped at 100.
// Limits: recency is by role (the role marked current, else the first listed), not by date arithmetic.
import type { CompetencyResult, Evidence, Level } from '../../schemas/analysis.js';
import type { ResumeDocument } from '../../schemas/document.js';
import type { CompiledTaxonomy } from '../../taxonomy/compile-taxonomy.js';

export const POINTS = { strong: 25, strongCurrent: 30, quantified: 5, weak: 10, weakCap: 20 } as const;
export const LEVEL_THRESHOLDS = { emerging: 1, developing: 25, strong: 60 } as const;

// A number that is a result, not a date: "150 calls", "40%", "$800,000". Years and mm/yyyy do not count.
const QUANTITY_RE =
  /(?:[$€£]\s?\d|\d\s?%|\b\d{1,3}(?:,\d{3})+\b|(?<![\d/.-])\b(?!(?:19|20)\d{2}\b)\d+(?:\.\d+)?\b(?![/.-]\d))/u;

export function isQuantified(quote: string): boolean {
  return QUANTITY_RE.test(quote);
}

export function levelFor(score: number): Level {
  if (score >= LEVEL_THRESHOLDS.strong) return 'strong';
  if (score >= LEVEL_THRESHOLDS.developing) return 'developing';
  if (score >= LEVEL_THRESHOLDS.emerging) return 'emerging';
  return 'none';
}

/** Index of the current role: the one marked current, else the first listed (resumes list newest first). */
export function currentRoleIndex(doc: ResumeDocument): number | undefined {
  const marked = doc.roles.findIndex((r) => r.current);
  if (marked >= 0) return marked;
  return doc.roles.length > 0 ? 0 : undefined;
}

export function scoreEvidence(evidence: readonly Evidence[], currentRole: number | undefined) {
  let strongPoints = 0;
  let weakPoints = 0;
  let strong = 0;
  let current = 0;
  let quantified = 0;
  let weak = 0;
  // Independent pieces: a bullet repeated word for word (resumes often list a role twice) counts once.
  const seen = new Set<string>();
  const strongFirst = [...evidence].sort((a, b) => Number(a.strength === 'weak') - Number(b.strength === 'weak'));
  for (const e of strongFirst) {
    const text = e.quote.replace(/\s+/g, ' ').trim().toLowerCase();
    if (seen.has(text)) continue;
    seen.add(text);
    if (e.strength === 'weak') {
      weak += 1;
      weakPoints += POINTS.weak;
      continue;
    }
    strong += 1;
    const inCurrent = currentRole !== undefined && e.roleIndex === currentRole;
    if (inCurrent) current += 1;
    strongPoints += inCurrent ? POINTS.strongCurrent : POINTS.strong;
    if (isQuantified(e.quote)) {
      quantified += 1;
      strongPoints += POINTS.quantified;
    }
  }
  const score = Math.min(100, Math.round(strongPoints + Math.min(weakPoints, POINTS.weakCap)));
  return { score, strong, weak, current, quantified };
}

function explain(s: ReturnType<typeof scoreEvidence>): string {
  if (s.strong + s.weak === 0) return 'No evidence found.';
  const parts: string[] = [];
  if (s.strong > 0) {
    parts.push(
      `${s.strong} strong × ${POINTS.strong} (+${POINTS.strongCurrent - POINTS.strong} for each of ${s.current} in the current role, +${POINTS.quantified} for each of ${s.quantified} quantified)`,
    );
  }
  if (s.weak > 0) parts.push(`${s.weak} weak × ${POINTS.weak} (at most ${POINTS.weakCap})`);
  return `${parts.join(' + ')} = ${s.score}${s.score === 100 ? ' (capped at 100)' : ''}.`;
}

/** One result per taxonomy competency, in taxonomy order; `evidence` as returned by matchEvidence. */
export function scoreCompetencies(
  doc: ResumeDocument,
  evidence: readonly Evidence[],
  taxonomy: CompiledTaxonomy,
): CompetencyResult[] {
  const byCompetency = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const id = taxonomy.patternById.get(e.patternId)?.competencyId;
    if (!id) continue;
    const list = byCompetency.get(id) ?? [];
    list.push(e);
    byCompetency.set(id, list);
  }
  const currentRole = currentRoleIndex(doc);
  return taxonomy.competencies.map((c) => {
    const list = byCompetency.get(c.id) ?? [];
    const s = scoreEvidence(list, currentRole);
    return {
      id: c.id,
      name: c.name,
      pmName: c.pmName,
      level: levelFor(s.score),
      score: s.score,
      explanation: explain(s),
      evidence: list,
    };
  });
}
