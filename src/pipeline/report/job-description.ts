// Reads a job posting with the resume's own matcher: which competencies it asks for, how often, and
// which of its important terms the resume never uses. The gap step then scores the resume against it.
// Heuristic: a competency's weight is how many phrases of it the posting uses (capped at 3); its level
// is the target profile's, or "developing" when the profile does not list it. Important terms are the
// posting's taxonomy phrases plus words it repeats or capitalises mid-sentence (tools, methods,
// acronyms), minus function words and job-ad boilerplate; a term is missing when no token of the resume
// has the same stem (for phrases: the same stems in a row, or the same taxonomy pattern).
// Limits: no notion of "required" vs "nice to have"; a posting that states levels in years is not read.
import type { Level } from '../../schemas/analysis.js';
import type { Requirement, RoleProfile } from '../../schemas/roles.js';
import type { CompiledTaxonomy } from '../../taxonomy/compile-taxonomy.js';
import { phrasesIn } from '../match/match-phrases.js';
import { type Token, tokenize } from '../../text/tokenize.js';

export const MAX_MISSING_TERMS = 15;
const DEFAULT_POSTING_LEVEL: Exclude<Level, 'none'> = 'developing';

export interface PostingCompetency extends Requirement {
  mentions: number;
}

export interface PostingAnalysis {
  characters: number;
  competencies: PostingCompetency[];
  missingTerms: string[];
}

export interface PostingContext {
  taxonomy: CompiledTaxonomy;
  ignoredTerms: ReadonlySet<string>;
  /** The target profile: its levels are used for the competencies it shares with the posting. */
  role: RoleProfile;
}

/**
 * Whether `keys` occurs as a run in the resume's keys. Runs of each length are collected once, on the
 * first question about that length, so asking for every posting phrase stays linear in the two texts.
 */
function runIndex(haystack: readonly string[]): (needle: readonly string[]) => boolean {
  const byLength = new Map<number, Set<string>>();
  return (needle) => {
    if (needle.length === 0) return false;
    let runs = byLength.get(needle.length);
    if (!runs) {
      runs = new Set<string>();
      for (let i = 0; i + needle.length <= haystack.length; i += 1) runs.add(haystack.slice(i, i + needle.length).join('\u0000'));
      byLength.set(needle.length, runs);
    }
    return runs.has(needle.join('\u0000'));
  };
}

/** The tokens lying inside [start, end): a binary search to the first, then a walk (tokens are in text order). */
function tokensWithin(tokens: readonly Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.start < end; i += 1) if (tokens[i]!.end <= end) out.push(tokens[i]!);
  return out;
}

/**
 * `resumeTokens` are the normalized resume text's tokens (the matcher's, made once per analysis);
 * `resumePatternIds` the patterns its evidence came from.
 * Pure: the taxonomy and the ignore list come in through `ctx`.
 */
export function readPosting(
  postingText: string,
  resumeTokens: readonly Token[],
  resumePatternIds: ReadonlySet<string>,
  ctx: PostingContext,
): PostingAnalysis {
  const postingTokens = tokenize(postingText, ctx.taxonomy.lemmas);
  const tokensOf = (start: number, end: number) => tokensWithin(postingTokens, start, end).filter((t) => !t.filler);
  // A phrase made only of job-ad words is a heading ("Requirements:"), not something the posting asks.
  const matches = phrasesIn(postingTokens, ctx.taxonomy).filter((m) =>
    tokensOf(m.start, m.end).some((t) => !ctx.ignoredTerms.has(t.lower)),
  );
  const byCompetency = new Map<string, number>();
  for (const m of matches) byCompetency.set(m.competencyId, (byCompetency.get(m.competencyId) ?? 0) + 1);
  const profileLevel = new Map(ctx.role.requirements.map((q) => [q.competencyId, q.level]));
  const competencies = [...byCompetency].map(
    ([competencyId, mentions]): PostingCompetency => ({
      competencyId,
      level: profileLevel.get(competencyId) ?? DEFAULT_POSTING_LEVEL,
      weight: Math.min(3, mentions),
      mentions,
    }),
  );
  competencies.sort((a, b) => b.mentions - a.mentions);

  const resumeKeys: string[] = [];
  for (const t of resumeTokens) if (!t.filler) resumeKeys.push(t.key);
  const resumeKeySet = new Set(resumeKeys);
  const resumeHasRun = runIndex(resumeKeys);

  // Overlapping phrases ("status reports" inside "prepare weekly status reports") are one term: the
  // shortest of them with two words or more names it best.
  const candidates: { start: number; end: number; label: string; keys: string[] }[] = [];
  for (const m of matches) {
    const toks = tokensOf(m.start, m.end);
    const keys = toks.map((t) => t.key);
    if (resumePatternIds.has(m.patternId) || resumeHasRun(keys)) continue;
    // Name the term without the function words a gap pattern let in at its edges ("budget of").
    const words = toks.map((t) => t.lower);
    while (words.length > 1 && ctx.ignoredTerms.has(words.at(-1)!)) words.pop();
    while (words.length > 1 && ctx.ignoredTerms.has(words[0]!)) words.shift();
    candidates.push({ start: m.start, end: m.end, label: words.join(' '), keys });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const clusters: (typeof candidates)[] = [];
  let clusterEnd = -1;
  for (const c of candidates) {
    const last = clusters.at(-1);
    if (last && c.start < clusterEnd) {
      last.push(c);
      clusterEnd = Math.max(clusterEnd, c.end);
    } else {
      clusters.push([c]);
      clusterEnd = c.end;
    }
  }
  const missing: string[] = [];
  const missingSet = new Set<string>();
  const listedKeys = new Set<string>();
  for (const cluster of clusters) {
    const words = (x: (typeof candidates)[number]) => (x.keys.length >= 2 ? x.keys.length : 100);
    const best = [...cluster].sort((a, b) => words(a) - words(b) || a.start - b.start)[0]!;
    if (missingSet.has(best.label)) continue;
    missing.push(best.label);
    missingSet.add(best.label);
    for (const x of cluster) for (const k of x.keys) listedKeys.add(k);
  }

  // Single words: repeated, or capitalised where a sentence does not start (Jira, Smartsheet, SaaS, PMO).
  const words = new Map<string, { label: string; count: number; named: boolean; first: number }>();
  postingTokens.forEach((t: Token, i) => {
    if (t.filler || t.key === '#' || !/^\p{L}/u.test(t.lower) || ctx.ignoredTerms.has(t.lower)) return;
    const acronym = /^\p{Lu}{2,}$/u.test(t.surface);
    if (t.lower.length < 3 && !acronym) return;
    const prev = postingTokens[i - 1];
    const named = acronym || (/^\p{Lu}/u.test(t.surface) && prev !== undefined && prev.clause === t.clause);
    const w = words.get(t.key);
    if (w) {
      w.count += 1;
      w.named ||= named;
    } else words.set(t.key, { label: t.lower, count: 1, named, first: i });
  });
  const important = [...words]
    .filter(([key, w]) => (w.count >= 2 || w.named) && !resumeKeySet.has(key) && !listedKeys.has(key))
    .sort(([, a], [, b]) => Number(b.named) - Number(a.named) || b.count - a.count || a.first - b.first)
    .map(([, w]) => w.label);
  missing.push(...important);

  return { characters: postingText.length, competencies, missingTerms: missing.slice(0, MAX_MISSING_TERMS) };
}
