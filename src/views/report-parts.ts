// Read-only look-ups the three report views share, so markdown, text and HTML show the same values.
// Each one only selects or names what the analysis already holds; none computes a score or a status.
// The candidate's name is the contact block's name span, when the reader found one.
import type { Analysis, CompetencyResult, GapReport, Rewrite } from '../schemas/analysis.js';

/** The formats POST /v1/analyses and `skillbridge analyze` can answer with, by name and media type. */
export const REPORT_FORMATS = {
  json: 'application/json',
  markdown: 'text/markdown',
  text: 'text/plain',
  html: 'text/html',
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;
export const REPORT_FORMAT_NAMES = Object.keys(REPORT_FORMATS) as ReportFormat[];

/** How many next steps a report lists (the gap report orders them by impact). */
export const NEXT_STEPS_SHOWN = 3;

/** The candidate's name from the contact block, when the document has one. */
export function candidateName(analysis: Analysis): string | undefined {
  const name = analysis.document.contact.name?.text.trim();
  return name ? name : undefined;
}

/** The PM name of a competency id, as the analysis lists it. */
export function competencyLabel(analysis: Analysis, id: string): string {
  return analysis.competencies.find((c) => c.id === id)?.pmName ?? id;
}

/** The quote a reader should see first: the first strong piece of evidence, else the first one. */
export function strongestQuote(result: CompetencyResult): string | undefined {
  return (result.evidence.find((e) => e.strength === 'strong') ?? result.evidence[0])?.quote;
}

export function topNextSteps(report: GapReport): GapReport['nextSteps'] {
  return report.nextSteps.slice(0, NEXT_STEPS_SHOWN);
}

/** The rewrites the gap report names for its reframe items, in resume order. */
export function reframeRewrites(analysis: Analysis): Rewrite[] {
  const ids = new Set(analysis.gapReport?.items.flatMap((i) => i.bulletIds) ?? []);
  return analysis.rewrites.filter((r) => ids.has(r.bulletId));
}

/** Cuts `text` to at most `max` characters on a word boundary, marking the cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
