// Eligibility facts for credentials: months leading projects, highest degree, credentials held.
// Heuristics: project months count dated roles whose title is a project role or whose own bullets show
// leading a project (taxonomy `projectLeadership`; a role counted by a line, at most its `evidenceMonths`,
// its last ones, all of them when the line says the led work recurs; never a line that says the writer
// only took part (`partLines`, "Took part in ... as one of six testers"); a lead verb and its project
// object may not straddle a comma; overlaps merged, a bare
// year read as its July,
// "current" runs to `asOf`), each listed with its reason; the degree is read from
// the education section by keyword; a credential is held when an alias is named, unless the words
// just before it say it is being pursued. Limits: a degree "in progress" still counts, and a project
// role's months all count as leading even when the person only took part.
import type { CompetencyResult, EligibilityFacts, Level } from '../../schemas/analysis.js';
import type { ResumeDocument } from '../../schemas/document.js';
import type { Credential, DegreeLevel } from '../../schemas/roles.js';
import { type CompiledProjectLeadership, MAX_GAP, WILD } from '../../taxonomy/compile-taxonomy.js';
import { type Lemmas, type Token, tokenize } from '../../text/tokenize.js';
import { phraseIndex } from '../match/match-phrases.js';

/** The taxonomy's projectLeadership rule plus the lemma table its titles were compiled with. */
export type ProjectLeadershipRule = CompiledProjectLeadership & { lemmas: Lemmas };
/**
 * Which roles count as leading projects: the taxonomy's full rule, or (tests, taxonomies without
 * `projectLeadership`) just the competency whose strong evidence in a role counts it. The id always
 * comes from data (validated at boot), never from code.
 */
export type ProjectRoleRule = ProjectLeadershipRule | Pick<ProjectLeadershipRule, 'competencyId'>;

function isFullRule(rule: ProjectRoleRule): rule is ProjectLeadershipRule {
  return 'patternIds' in rule;
}

export const LEVEL_RANK: Record<Level, number> = { none: 0, emerging: 1, developing: 2, strong: 3 };
const DEGREE_RANK: Record<DegreeLevel, number> = {
  none: 0,
  secondary: 1,
  associate: 2,
  bachelor: 3,
  master: 4,
};

// Token-boundary patterns over lowercased text. Two-letter abbreviations that are also US states or
// everyday words (MA, MS, BA alone) are left out on purpose.
const DEGREE_PATTERNS: [DegreeLevel, RegExp][] = [
  [
    'master',
    /(?<![a-z0-9])(masters?|master's|mba|m\.s\.|msc|m\.sc|m\.a\.|ph\.?d|doctorate|post graduate degree)(?![a-z0-9])/,
  ],
  [
    'bachelor',
    /(?<![a-z0-9])(bachelors?|bachelor's|b\.s\.?|b\.a\.?|bsc|b\.sc|bba|bbm|b\.com|ba in|bs in|four-year degree)(?![a-z0-9])/,
  ],
  [
    'associate',
    /(?<![a-z0-9])(associates?|associate's)( of| degree| in)|(?<![a-z0-9])(a\.s\.|a\.a\.s?\.?|aa in)(?![a-z0-9])/,
  ],
  ['secondary', /(?<![a-z0-9])(high school|diploma|ged|secondary school|a-levels?)(?![a-z0-9])/],
];

const PURSUING =
  /(pursuing|studying for|preparing for|working toward|working towards|candidate for|in progress)\W*$/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Month index (year*12 + month-1) of "YYYY-MM" or "YYYY"; a bare year counts as July. */
export function monthIndex(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(date);
  if (!m) return undefined;
  const month = m[2] ? Number(m[2]) : 7;
  if (month < 1 || month > 12) return undefined;
  return Number(m[1]) * 12 + month - 1;
}

/** Why a role's months count as leading projects: its title, or one line of its own. */
export type ProjectRole = EligibilityFacts['projectRoles'][number];

/**
 * Whether the key sequence `seq` follows from word `i`; a WILD key lets up to MAX_GAP words through.
 * `breaks[i]`: a comma stands before word `i` (fillers skipped, so a comma before "and a" still counts).
 */
function followsAt(
  words: readonly Token[],
  breaks: readonly boolean[],
  i: number,
  seq: readonly string[],
  k = 0,
): boolean {
  if (k === seq.length) return true;
  if (seq[k] === WILD) {
    // A lead verb and its project object are one action: the gap stops at a comma ("the receiving
    // leads, and a standing order program" is a noun and a second clause, not leading a program).
    for (let gap = 0; gap <= MAX_GAP; gap += 1) {
      if (breaks[i + gap]) return false;
      if (followsAt(words, breaks, i + gap, seq, k + 1)) return true;
    }
    return false;
  }
  const w = words[i];
  if (!w || (k > 0 && w.clause !== words[i - 1]!.clause) || !w.keys.includes(seq[k]!)) return false;
  return followsAt(words, breaks, i + 1, seq, k + 1);
}

// A short aside in brackets on one line ("Led the BOPIS (buy online, pick up in store) launch") glosses
// the word before it: it is blanked out, so its words and commas neither fill a gap nor break it.
const ASIDE = /\([^()\n]{1,60}\)/g;

/** Whether one of the key sequences in `phrases` occurs in `text` (token boundaries, normalized). */
function holdsPhrase(text: string, phrases: readonly string[][][], lemmas: Lemmas): boolean {
  // Fillers are skipped, but a comma before a skipped filler still separates its neighbours.
  const words: Token[] = [];
  const breaks: boolean[] = [];
  let pendingBreak = false;
  const plain = text.includes('(') ? text.replace(ASIDE, (aside) => ' '.repeat(aside.length)) : text;
  for (const t of tokenize(plain, lemmas)) {
    if (t.filler) pendingBreak ||= t.listBreak;
    else {
      words.push(t);
      breaks.push(pendingBreak || t.listBreak);
      pendingBreak = false;
    }
  }
  // Each word meets only the sequences its keys open (the project-line list holds about 600), and those
  // that open with a gap.
  const index = phraseIndex(phrases);
  if (index.empty) return words.length > 0;
  for (let i = 0; i < words.length; i += 1) {
    for (const seq of index.anywhere) if (followsAt(words, breaks, i, seq)) return true;
    for (const key of words[i]!.keys) {
      const seqs = index.byFirst.get(key);
      if (seqs) for (const seq of seqs) if (followsAt(words, breaks, i, seq)) return true;
    }
  }
  return false;
}

/**
 * The dated roles that count as leading projects, each with its months and the reason. With the full
 * rule, a role counts by its title or by evidence from the rule's patterns in its own bullets; with a
 * competency alone, by any strong evidence of it in the role; without a rule, no role counts.
 */
export function listProjectRoles(
  doc: Pick<ResumeDocument, 'roles' | 'text'>,
  competencies: readonly CompetencyResult[],
  asOf: string,
  given?: ProjectRoleRule,
): ProjectRole[] {
  if (!given) return [];
  const rule = isFullRule(given) ? given : undefined;
  const evidence = competencies.find((c) => c.id === given.competencyId)?.evidence ?? [];
  const now = monthIndex(asOf);
  const out: ProjectRole[] = [];
  doc.roles.forEach((role, roleIndex) => {
    const start = monthIndex(role.startDate);
    const end = role.current ? now : monthIndex(role.endDate);
    if (start === undefined || end === undefined || end < start) return;
    const months = end - start + 1;
    if (rule && role.title && holdsPhrase(role.title, rule.titles, rule.lemmas)) {
      // The quote is the role's header line: the title as read may join words the line holds apart.
      const lineEnd = doc.text.indexOf('\n', role.start);
      const end = lineEnd < 0 || lineEnd > role.end ? role.end : lineEnd;
      out.push({ roleIndex, months, reason: 'title', quote: doc.text.slice(role.start, end), start: role.start, end });
      return;
    }
    const line = evidence.find(
      (e) =>
        e.roleIndex === roleIndex &&
        e.strength === 'strong' &&
        (!rule ||
          (rule.patternIds.has(e.patternId) &&
            holdsPhrase(e.quote, rule.lines, rule.lemmas) &&
            !holdsPhrase(e.quote, rule.partLines, rule.lemmas))),
    );
    // One project line shows a project, not that the whole job was leading projects: cap its months,
    // unless the line says the led work recurs through the role ("10-14 events a year").
    const recurring = !!line && !!rule && holdsPhrase(line.quote, rule.recurringLines, rule.lemmas);
    const counted = recurring ? months : Math.min(months, rule?.evidenceMonths ?? months);
    if (line)
      out.push({ roleIndex, months: counted, reason: 'evidence', quote: line.quote, start: line.start, end: line.end });
  });
  return out;
}

/** Months of the roles listProjectRoles counts, overlapping periods merged. */
export function monthsLeadingProjects(
  doc: Pick<ResumeDocument, 'roles' | 'text'>,
  competencies: readonly CompetencyResult[],
  asOf: string,
  rule?: ProjectRoleRule,
): number {
  return mergeMonths(doc, listProjectRoles(doc, competencies, asOf, rule), asOf);
}

function mergeMonths(doc: Pick<ResumeDocument, 'roles'>, counted: readonly ProjectRole[], asOf: string): number {
  const now = monthIndex(asOf);
  const spans: [number, number][] = [];
  for (const { roleIndex, months } of counted) {
    const role = doc.roles[roleIndex]!;
    // The role's last `months` months (all of them unless a cap applied).
    const end = (role.current ? now : monthIndex(role.endDate))!;
    spans.push([end - months + 1, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur: [number, number] | undefined;
  for (const [s, e] of spans) {
    if (cur && s <= cur[1] + 1) cur[1] = Math.max(cur[1], e);
    else {
      if (cur) total += cur[1] - cur[0] + 1;
      cur = [s, e];
    }
  }
  if (cur) total += cur[1] - cur[0] + 1;
  return total;
}

/** Highest degree named in the education sections (the whole text when there is none). */
export function highestDegree(doc: Pick<ResumeDocument, 'text' | 'sections'>): DegreeLevel {
  const education = doc.sections.filter((s) => s.kind === 'education');
  const text = (
    education.length > 0 ? education.map((s) => doc.text.slice(s.start, s.end)).join('\n') : doc.text
  )
    .toLowerCase()
    .replace(/\s+/g, ' ');
  for (const [level, re] of DEGREE_PATTERNS) if (re.test(text)) return level;
  return 'none';
}

/** An alias as the search needs it: its first word, and the whole alias with its end on a word boundary. */
interface AliasSearch {
  firstWord: string;
  re: RegExp;
}
// Credentials are boot-time knowledge: each one's alias searches are built on first use, not per resume.
const aliasSearches = new WeakMap<Credential, AliasSearch[]>();

function searchesOf(c: Credential): AliasSearch[] {
  let searches = aliasSearches.get(c);
  if (!searches) {
    // The start boundary is tested by hand (isWordChar) rather than by a lookbehind: a pattern that opens
    // with its literal is searched by the engine's fast string search, not tried at every position.
    searches = c.aliases.map((alias) => ({
      firstWord: alias.toLowerCase().split(/\s+/, 1)[0]!,
      re: new RegExp(`${escapeRegExp(alias.toLowerCase()).replace(/\s+/g, '\\s+')}(?![a-z0-9])`, 'g'),
    }));
    aliasSearches.set(c, searches);
  }
  return searches;
}

/** [a-z0-9]: the characters a lower-cased alias may not follow. */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Whether `re` (an AliasSearch's) matches `lower` after a word boundary, not right after a "pursuing" lead-in. */
function namedAsHeld(lower: string, re: RegExp): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    if (m.index > 0 && isWordChar(lower.charCodeAt(m.index - 1))) {
      // Not on a boundary: try again from the next character, as the engine would with a lookbehind.
      re.lastIndex = m.index + 1;
      continue;
    }
    if (!PURSUING.test(lower.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  return false;
}

/** Ids of the credentials the resume names as held. */
export function credentialsHeld(text: string, credentials: Iterable<Credential>): string[] {
  const lower = text.toLowerCase();
  // Aliases share first words ("certified", "google", "psm"): each is looked for in the text once.
  const present = new Map<string, boolean>();
  const occurs = (word: string): boolean => {
    let found = present.get(word);
    if (found === undefined) present.set(word, (found = lower.includes(word)));
    return found;
  };
  const held: string[] = [];
  for (const c of credentials) {
    // The alias's first word must appear as written: most resumes name no credential at all.
    if (searchesOf(c).some(({ firstWord, re }) => occurs(firstWord) && namedAsHeld(lower, re))) held.push(c.id);
  }
  return held;
}

export function extractEligibilityFacts(
  doc: Pick<ResumeDocument, 'text' | 'sections' | 'roles'>,
  competencies: readonly CompetencyResult[],
  credentials: Iterable<Credential>,
  asOf: string,
  rule?: ProjectRoleRule,
): EligibilityFacts {
  const projectRoles = listProjectRoles(doc, competencies, asOf, rule);
  return {
    monthsLeadingProjects: mergeMonths(doc, projectRoles, asOf),
    projectRoles,
    degree: highestDegree(doc),
    credentialsHeld: credentialsHeld(doc.text, credentials),
  };
}

export interface EligibilityResult {
  eligible: boolean;
  /** Missing prerequisites, in plain English (empty when eligible). */
  blockers: string[];
  /** What remains to do before the exam even when eligible (education hours, a required course). */
  toDo: string[];
}

const DEGREE_WORDS: Record<DegreeLevel, string> = {
  none: 'no degree',
  secondary: 'a secondary (high-school) diploma',
  associate: 'an associate degree',
  bachelor: 'a four-year degree',
  master: "a master's degree",
};

/** Applies a credential's eligibility paths to the facts: any one satisfied path makes it eligible. */
export function checkEligibility(credential: Credential, facts: EligibilityFacts): EligibilityResult {
  const rules = credential.eligibility;
  const toDo: string[] = [];
  const waived = (rules.educationHoursWaivedBy ?? []).some((id) => facts.credentialsHeld.includes(id));
  if (rules.educationHours && !waived)
    toDo.push(`${rules.educationHours} contact hours of project-management education`);
  if (rules.requiredCourse) toDo.push(rules.requiredCourse);

  const unmet = rules.paths.map((path) => {
    const missing: string[] = [];
    if (path.degree && DEGREE_RANK[facts.degree] < DEGREE_RANK[path.degree])
      missing.push(
        `${DEGREE_WORDS[path.degree]} (${facts.degree === 'none' ? 'none is listed: add it to the resume if you have one' : `you list ${DEGREE_WORDS[facts.degree]}`})`,
      );
    if (path.monthsLeadingProjects && facts.monthsLeadingProjects < path.monthsLeadingProjects)
      missing.push(
        `${path.monthsLeadingProjects} months leading projects (your resume shows about ${facts.monthsLeadingProjects})`,
      );
    return { path, missing };
  });
  if (unmet.some((u) => u.missing.length === 0)) return { eligible: true, blockers: [], toDo };
  return { eligible: false, blockers: unmet.map((u) => u.missing.join(' and ')), toDo };
}
