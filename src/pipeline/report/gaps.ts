// Gap report: compares scored competencies with a role profile and says what to do next.
// Heuristic: an item is a strength when it reaches the required level and project-framed evidence
// (a 'pm' or 'general' pattern; an experience bullet when the level asked is above emerging) backs
// it; reframe when customer-service wording carries it to the level or one below; thin when below;
// gap when nothing matched. Readiness is the weighted share of the required levels, customer-service-
// only evidence counting 70%, plus (roles with `projectExperience`) the share of the months leading
// projects the role expects, so a track record counts even when it is written as prose the matcher
// reads little of. Next steps are ranked by the readiness they would add, eligible first.
// Limits: the levels are the matcher's, so the report is only as good as the taxonomy's coverage; the
// months are only as good as the project-role rule (eligibility.ts).
import type { CloseBy, CompetencyResult, EligibilityFacts, Evidence, GapItem, GapReport, GapStatus, Level, NextStep } from '../../schemas/analysis.js';
import type { ResumeDocument } from '../../schemas/document.js';
import type { Raise, Requirement, RoleProfile } from '../../schemas/roles.js';
import type { Framing } from '../../schemas/taxonomy.js';
import type { RoleKnowledge } from '../../taxonomy/load-roles.js';
import { checkEligibility, extractEligibilityFacts, LEVEL_RANK, type ProjectRoleRule } from './eligibility.js';
import type { CompiledTaxonomy } from '../../taxonomy/compile-taxonomy.js';
import { type PostingAnalysis, readPosting } from './job-description.js';
import { type Token, tokenize } from '../../text/tokenize.js';

/** The framing of a taxonomy pattern; unknown ids count as 'general'. */
export type FramingOf = (patternId: string) => Framing | undefined;

/** Share of credit that evidence written only in customer-service terms earns. */
export const CS_ONLY_CREDIT = 0.7;

/** What the report knows about one required competency. */
export interface ItemState {
  requirement: Requirement;
  actual: Level;
  /** The level project-framed evidence alone supports. */
  pmLevel: Level;
  evidence: readonly Evidence[];
}

const rank = (l: Level) => LEVEL_RANK[l];
const maxLevel = (a: Level, b: Level): Level => (rank(a) >= rank(b) ? a : b);

/** Level that 'pm'/'general' evidence supports: the full level with a bullet, emerging with a mention. */
export function projectFramedLevel(result: CompetencyResult, framingOf: FramingOf): Level {
  const pm = result.evidence.filter((e) => (framingOf(e.patternId) ?? 'general') !== 'cs');
  if (pm.some((e) => e.strength === 'strong')) return result.level;
  if (pm.length > 0 && result.level !== 'none') return 'emerging';
  return 'none';
}

/** What the resume shows of one competency: the part of an ItemState that does not depend on the requirement. */
export type Shown = Omit<ItemState, 'requirement'>;

function shownOf(result: CompetencyResult | undefined, framingOf: FramingOf): Shown {
  if (!result || result.evidence.length === 0 || result.level === 'none')
    return { actual: 'none', pmLevel: 'none', evidence: [] };
  return { actual: result.level, pmLevel: projectFramedLevel(result, framingOf), evidence: result.evidence };
}

/**
 * Each competency's Shown, by id (the last result of an id wins). A report reads it once: the target
 * role, every role of the fit list and the posting all compare against the same resume.
 */
export function showing(competencies: readonly CompetencyResult[], framingOf: FramingOf): ReadonlyMap<string, Shown> {
  const byId = new Map(competencies.map((c) => [c.id, c]));
  return new Map([...byId].map(([id, c]) => [id, shownOf(c, framingOf)]));
}

export function assessRequirement(
  requirement: Requirement,
  result: CompetencyResult | undefined,
  framingOf: FramingOf,
): ItemState {
  return { requirement, ...shownOf(result, framingOf) };
}

export function statusOf(s: ItemState): GapStatus {
  const req = rank(s.requirement.level);
  const actual = rank(s.actual);
  if (actual === 0) return 'gap';
  if (actual >= req && rank(s.pmLevel) >= req) return 'strength';
  if (actual >= req - 1 && rank(s.pmLevel) < actual) return 'reframe';
  return 'thin';
}

/** 0..1: the project-framed share of the required level in full, the rest at CS_ONLY_CREDIT. */
export function creditOf(s: ItemState): number {
  const req = rank(s.requirement.level);
  const total = Math.min(1, rank(s.actual) / req);
  const pm = Math.min(total, rank(s.pmLevel) / req);
  return pm + CS_ONLY_CREDIT * (total - pm);
}

/** The project-experience part of readiness: its weight and the 0..1 share of the months met. */
export interface ExperienceTerm {
  weight: number;
  credit: number;
}

export function experienceTermOf(role: Pick<RoleProfile, 'projectExperience'>, months: number): ExperienceTerm | undefined {
  const want = role.projectExperience;
  if (!want) return undefined;
  return { weight: want.weight, credit: Math.min(1, months / want.months) };
}

export function readinessOf(states: readonly ItemState[], experience?: ExperienceTerm): number {
  const weight = states.reduce((sum, s) => sum + s.requirement.weight, 0) + (experience?.weight ?? 0);
  if (weight === 0) return 0;
  const earned =
    states.reduce((sum, s) => sum + s.requirement.weight * creditOf(s), 0) +
    (experience ? experience.weight * experience.credit : 0);
  return Math.round((100 * earned) / weight);
}

/** New experience or a credential brings a competency to `level` in project terms. */
export function applyRaises(states: readonly ItemState[], raises: readonly Raise[]): ItemState[] {
  return states.map((s) => {
    const raise = raises.find((r) => r.competencyId === s.requirement.competencyId);
    if (!raise) return s;
    return { ...s, actual: maxLevel(s.actual, raise.level), pmLevel: maxLevel(s.pmLevel, raise.level) };
  });
}

export function assessRole(
  requirements: readonly Requirement[],
  competencies: readonly CompetencyResult[],
  framingOf: FramingOf,
  shown: ReadonlyMap<string, Shown> = showing(competencies, framingOf),
): ItemState[] {
  return requirements.map((requirement) => ({ requirement, ...(shown.get(requirement.competencyId) ?? shownOf(undefined, framingOf)) }));
}

interface Candidate {
  id: string;
  kind: NextStep['kind'];
  title: string;
  why: string;
  effort: string;
  raises: readonly Raise[];
  eligible: boolean;
}

function candidatesFor(role: RoleProfile, knowledge: RoleKnowledge, facts: EligibilityFacts): Candidate[] {
  const out: Candidate[] = [];
  for (const id of role.nextSteps) {
    const t = knowledge.steps.get(id);
    if (t) out.push({ ...t, why: t.why, eligible: true });
  }
  for (const id of role.credentials) {
    const c = knowledge.credentials.get(id);
    if (!c || facts.credentialsHeld.includes(c.id)) continue;
    const e = checkEligibility(c, facts);
    const first = e.toDo.length > 0 ? ` First: ${e.toDo.join('; ')}.` : '';
    const why = e.eligible
      ? `A recognised ${c.issuer} credential that recruiters filter on; you meet its prerequisites.${first}`
      : `Not yet: ${c.title} requires ${e.blockers.join(', or ')}.${first}`;
    out.push({
      id: c.id,
      kind: 'certification',
      title: c.title,
      why,
      effort: c.effort,
      raises: c.raises,
      eligible: e.eligible,
    });
  }
  return out;
}

/** How an unmet item can be closed: by the cheapest kind of step that brings it to the level. */
function closeByOf(s: ItemState, status: GapStatus, candidates: readonly Candidate[]): CloseBy {
  if (status === 'strength') return 'nothing';
  if (status === 'reframe') return 'reframe';
  const closing = candidates.filter((c) =>
    c.raises.some(
      (r) => r.competencyId === s.requirement.competencyId && rank(r.level) >= rank(s.requirement.level),
    ),
  );
  if (closing.some((c) => c.kind === 'experience' || c.kind === 'course' || c.kind === 'role'))
    return 'experience';
  if (closing.length > 0) return 'credential';
  return 'experience';
}

function shortQuote(evidence: readonly Evidence[]): string | undefined {
  const e = evidence.find((x) => x.strength === 'strong') ?? evidence[0];
  if (!e) return undefined;
  const q = e.quote.replace(/\s+/g, ' ').trim();
  return q.length > 80 ? `${q.slice(0, 77)}...` : q;
}

function adviceFor(
  s: ItemState,
  status: GapStatus,
  closeBy: CloseBy,
  name: string,
  roleTitle: string,
  candidates: readonly Candidate[],
): string {
  const quote = shortQuote(s.evidence);
  const step = candidates.find((c) => c.raises.some((r) => r.competencyId === s.requirement.competencyId));
  const then = step ? ` Next: ${step.title.charAt(0).toLowerCase()}${step.title.slice(1)}.` : '';
  switch (status) {
    case 'strength':
      return `Shown at the ${s.requirement.level} level ${roleTitle} asks for (for example "${quote}"). Keep it near the top.`;
    case 'reframe':
      return `You show ${name.toLowerCase()} (for example "${quote}"), but only in customer-service terms. Rewrite those bullets in project language (see rewrites) so a recruiter hiring for ${roleTitle} recognises it.`;
    case 'thin':
      return `Some evidence ("${quote}") at the ${s.actual} level; ${roleTitle} asks for ${s.requirement.level}.${then}`;
    default:
      return closeBy === 'credential'
        ? `Nothing on the resume shows ${name.toLowerCase()}; a credential closes this.${then}`
        : `Nothing on the resume shows ${name.toLowerCase()} yet; it needs new experience.${then}`;
  }
}

export interface GapItemsResult {
  items: GapItem[];
  states: ItemState[];
  readiness: number;
}

/** Items and readiness of one requirement list (a role profile or a posting). */
export function buildItems(
  requirements: readonly Requirement[],
  competencies: readonly CompetencyResult[],
  framingOf: FramingOf,
  roleTitle: string,
  candidates: readonly Candidate[] = [],
  shown: ReadonlyMap<string, Shown> = showing(competencies, framingOf),
): GapItemsResult {
  const names = new Map(competencies.map((c) => [c.id, c.pmName]));
  const states = assessRole(requirements, competencies, framingOf, shown);
  const items = states.map((s): GapItem => {
    const status = statusOf(s);
    const closeBy = closeByOf(s, status, candidates);
    const name = names.get(s.requirement.competencyId) ?? s.requirement.competencyId.replace(/-/g, ' ');
    return {
      competencyId: s.requirement.competencyId,
      required: s.requirement.level,
      actual: s.actual,
      weight: s.requirement.weight,
      status,
      closeBy,
      evidenceCount: s.evidence.length,
      bulletIds:
        status === 'reframe'
          ? [
              ...new Set(
                s.evidence.flatMap((e) =>
                  e.bulletId !== undefined && framingOf(e.patternId) === 'cs' ? [e.bulletId] : [],
                ),
              ),
            ]
          : [],
      advice: adviceFor(s, status, closeBy, name, roleTitle, candidates),
    };
  });
  return { items, states, readiness: readinessOf(states) };
}

function rankSteps(
  states: readonly ItemState[],
  candidates: readonly Candidate[],
  readiness: number,
  nameOf: (id: string) => string,
  experience?: ExperienceTerm,
): NextStep[] {
  const scored = candidates.map((c, order) => {
    const after = applyRaises(states, c.raises);
    const improved = after
      .filter((s, i) => creditOf(s) > creditOf(states[i] as ItemState))
      .map((s) => s.requirement.competencyId);
    const impact = Math.max(0, readinessOf(after, experience) - readiness);
    const lifts = improved.length ? ` For you it lifts ${list(improved.map(nameOf))} (about +${impact} points).` : '';
    const step: NextStep = {
      id: c.id,
      kind: c.kind,
      title: c.title,
      why: `${c.why}${lifts}`,
      competencyIds: improved,
      effort: c.effort,
      eligible: c.eligible,
      impact,
    };
    return { step, order };
  });
  return scored
    .filter((x) => x.step.impact > 0)
    .sort(
      (a, b) =>
        Number(b.step.eligible) - Number(a.step.eligible) ||
        b.step.impact - a.step.impact ||
        a.order - b.order,
    )
    .map((x) => x.step);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Competencies 9.1 of 22 weight points + project experience 11 of 11 (139 of 36 months) = 62%." */
function explainSum(
  states: readonly ItemState[],
  experience: ExperienceTerm,
  role: RoleProfile,
  facts: EligibilityFacts,
  readiness: number,
): string {
  const weight = states.reduce((sum, s) => sum + s.requirement.weight, 0);
  const earned = states.reduce((sum, s) => sum + s.requirement.weight * creditOf(s), 0);
  const fmt = (x: number) => String(Math.round(x * 10) / 10);
  const counted = facts.projectRoles.length
    ? `; counted: ${facts.projectRoles.map((p) => `role ${p.roleIndex + 1} by its ${p.reason === 'title' ? 'title' : 'own line'} (${p.months} months)`).join(', ')}`
    : '';
  return `Readiness = competencies ${fmt(earned)} of ${fmt(weight)} weight points + project experience ${fmt(experience.weight * experience.credit)} of ${fmt(experience.weight)} (${facts.monthsLeadingProjects} of the ${role.projectExperience!.months} months leading projects the role expects${counted}) = ${readiness}%.`;
}

function explain(
  role: RoleProfile,
  readiness: number,
  items: readonly GapItem[],
  steps: readonly NextStep[],
  facts: EligibilityFacts,
  nameOf: (id: string) => string,
  sum?: string,
): string {
  const by = (st: GapStatus) => items.filter((i) => i.status === st).map((i) => nameOf(i.competencyId));
  const parts = [`You are ${readiness}% ready for ${role.title}.`];
  if (sum) parts.push(sum);
  const strengths = by('strength');
  const reframe = by('reframe');
  const thin = by('thin');
  const gaps = items.filter((i) => i.status === 'gap');
  if (strengths.length)
    parts.push(`Your resume already shows ${list(strengths)} in terms a project recruiter uses.`);
  if (reframe.length)
    parts.push(
      `It shows ${list(reframe)} too, but only in customer-service language; rewriting those bullets is the quickest gain.`,
    );
  if (thin.length)
    parts.push(
      capitalize(
        `${list(thin)} ${thin.length > 1 ? 'appear' : 'appears'} below the level the role asks for.`,
      ),
    );
  if (gaps.length) {
    const exp = gaps.filter((g) => g.closeBy === 'experience').map((g) => nameOf(g.competencyId));
    const cred = gaps.filter((g) => g.closeBy === 'credential').map((g) => nameOf(g.competencyId));
    const bits = [];
    if (exp.length) bits.push(`${list(exp)} need${exp.length > 1 ? '' : 's'} new experience`);
    if (cred.length) bits.push(`${list(cred)} need${cred.length > 1 ? '' : 's'} a credential`);
    parts.push(
      `There is no evidence yet of ${gaps.length} required area${gaps.length > 1 ? 's' : ''}: ${bits.join('; ')}.`,
    );
  }
  if (!strengths.length && !reframe.length && !thin.length)
    parts.push('No required competency was found on the resume.');
  const best = steps[0];
  if (best?.eligible)
    parts.push(`The step that would add the most is "${best.title}" (about +${best.impact} points).`);
  const blocked = steps.find((s) => !s.eligible);
  if (blocked)
    parts.push(
      `${blocked.title} comes later: the resume shows about ${facts.monthsLeadingProjects} months of project work.`,
    );
  return parts.join(' ');
}

function comparePosting(
  posting: PostingAnalysis,
  competencies: readonly CompetencyResult[],
  framingOf: FramingOf,
  candidates: readonly Candidate[],
  shown: ReadonlyMap<string, Shown>,
): NonNullable<GapReport['jobDescription']> {
  const { items, readiness } = buildItems(posting.competencies, competencies, framingOf, 'the posting', candidates, shown);
  return {
    characters: posting.characters,
    competencies: posting.competencies.map((c) => ({
      competencyId: c.competencyId,
      mentions: c.mentions,
      required: c.level,
      weight: c.weight,
    })),
    coverage: readiness,
    missingTerms: posting.missingTerms,
    items,
  };
}

export interface GapReportInput {
  doc: Pick<ResumeDocument, 'text' | 'sections' | 'roles'>;
  competencies: readonly CompetencyResult[];
  knowledge: RoleKnowledge;
  framingOf: FramingOf;
  targetRoleId: string;
  /** "YYYY-MM": the month a "current" role runs to. Passed in so the step stays pure. */
  asOf: string;
  /** A job posting read by readPosting: its items are recomputed against what it asks for. */
  posting?: PostingAnalysis;
  /** Which roles count as leading projects (taxonomy projectLeadership); without it, none. */
  projectLeadership?: ProjectRoleRule;
}

/** The full report for one target role. Throws if the role id is unknown: routes check it first. */
export function buildGapReport(input: GapReportInput): GapReport {
  const { knowledge, competencies, framingOf } = input;
  const role = knowledge.rolesById.get(input.targetRoleId);
  if (!role) throw new Error(`unknown role ${input.targetRoleId}`);
  const facts = extractEligibilityFacts(
    input.doc,
    competencies,
    knowledge.credentials.values(),
    input.asOf,
    input.projectLeadership,
  );
  const candidates = candidatesFor(role, knowledge, facts);
  const shown = showing(competencies, framingOf);
  const { items, states } = buildItems(role.requirements, competencies, framingOf, role.title, candidates, shown);
  const experience = experienceTermOf(role, facts.monthsLeadingProjects);
  const readiness = readinessOf(states, experience);

  const roleFit = knowledge.roles
    .map((r, order) => ({
      id: r.id,
      title: r.title,
      readiness: readinessOf(
        assessRole(r.requirements, competencies, framingOf, shown),
        experienceTermOf(r, facts.monthsLeadingProjects),
      ),
      order,
    }))
    .sort((a, b) => b.readiness - a.readiness || a.order - b.order)
    .map(({ order: _order, ...r }) => r);
  const fitById = new Map(roleFit.map((r) => [r.id, r.readiness]));
  for (const c of candidates) {
    const step = c.kind === 'role' ? knowledge.steps.get(c.id) : undefined;
    if (step?.roleId) c.why = `${c.why} Your readiness for it is ${fitById.get(step.roleId) ?? 0}%.`;
  }
  const names = new Map(competencies.map((c) => [c.id, c.pmName]));
  const nameOf = (id: string) => names.get(id) ?? id.replace(/-/g, ' ');
  const nextSteps = rankSteps(states, candidates, readiness, nameOf, experience);
  const idsBy = (pred: (i: GapItem) => boolean) => items.filter(pred).map((i) => i.competencyId);
  return {
    targetRole: { id: role.id, title: role.title, onetCode: role.onet.code },
    readiness,
    explanation: explain(
      role,
      readiness,
      items,
      nextSteps,
      facts,
      nameOf,
      experience ? explainSum(states, experience, role, facts, readiness) : undefined,
    ),
    items,
    gaps: {
      reframable: idsBy((i) => i.closeBy === 'reframe'),
      needsExperience: idsBy((i) => i.closeBy === 'experience'),
      needsCredential: idsBy((i) => i.closeBy === 'credential'),
    },
    facts,
    ...(experience && role.projectExperience
      ? {
          projectExperience: {
            monthsRequired: role.projectExperience.months,
            monthsCounted: facts.monthsLeadingProjects,
            weight: experience.weight,
            credit: experience.credit,
          },
        }
      : {}),
    nextSteps,
    roleFit,
    ...(input.posting
      ? { jobDescription: comparePosting(input.posting, competencies, framingOf, candidates, shown) }
      : {}),
  };
}


export interface GapKnowledge {
  taxonomy: CompiledTaxonomy;
  roles: RoleKnowledge;
}

export interface GapOptions {
  /** A role id of data/roles.yaml; the route answers UNKNOWN_ROLE before calling with a bad one. */
  targetRole?: string;
  /** The posting's normalized text, when the request carried one. */
  jobDescription?: string;
  /** "YYYY-MM" that "current" roles run to; the route passes the current month. */
  asOf?: string;
}

/** Latest month the resume itself mentions: a deterministic stand-in when no `asOf` is given. */
function latestMonth(doc: Pick<ResumeDocument, 'roles'>): string {
  const dates = doc.roles.flatMap((r) => [r.startDate, r.endDate]).filter((d): d is string => !!d);
  const latest = dates.map((d) => (d.length === 4 ? `${d}-07` : d)).sort().at(-1);
  return latest ?? '2000-01';
}

/**
 * Composition used by analyzeResume: facts, items, steps, role fit, and the posting when given.
 * `resumeTokens` are doc.text's tokens when the caller has them (the matcher made them already).
 */
export function reportGaps(
  doc: ResumeDocument,
  competencies: readonly CompetencyResult[],
  knowledge: GapKnowledge,
  options: GapOptions = {},
  resumeTokens?: readonly Token[],
): GapReport {
  const { taxonomy, roles } = knowledge;
  const targetRoleId = options.targetRole ?? roles.defaultTargetRole;
  const role = roles.rolesById.get(targetRoleId);
  if (!role) throw new Error(`unknown role ${targetRoleId}`);
  const resumePatterns = new Set(competencies.flatMap((c) => c.evidence.map((e) => e.patternId)));
  const posting =
    options.jobDescription !== undefined && options.jobDescription.trim() !== ''
      ? readPosting(options.jobDescription, resumeTokens ?? tokenize(doc.text, taxonomy.lemmas), resumePatterns, {
          taxonomy,
          ignoredTerms: roles.ignoredPostingTerms,
          role,
        })
      : undefined;
  return buildGapReport({
    doc,
    competencies,
    knowledge: roles,
    framingOf: (id) => taxonomy.patternById.get(id)?.framing,
    targetRoleId,
    asOf: options.asOf ?? latestMonth(doc),
    ...(posting ? { posting } : {}),
    ...(taxonomy.projectLeadership
      ? { projectLeadership: { ...taxonomy.projectLeadership, lemmas: taxonomy.lemmas } }
      : {}),
  });
}
