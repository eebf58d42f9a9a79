// Loads data/roles.yaml (role profiles, credentials, next steps) and data/posting-terms.yaml at boot.
// Beyond the zod shape it checks every cross-reference (competency, credential, step and role ids)
// so that a typo a coach makes stops the server with the file and field named, not a 500 later.
import { z } from 'zod';
import { type Credential, type RoleProfile, type RolesFile, RolesFileSchema, type StepTemplate } from '../schemas/roles.js';
import { DataFileError, parseDataText, readDataFile } from './read-data-file.js';

export const PostingTermsFileSchema = z
  .object({
    version: z.literal(1),
    stopwords: z.array(z.string().regex(/^[a-z0-9]+$/, 'must be one lowercase word')),
    boilerplate: z.array(z.string().regex(/^[a-z0-9]+$/, 'must be one lowercase word')),
  })
  .strict();

export interface RoleKnowledge {
  roles: readonly RoleProfile[];
  rolesById: ReadonlyMap<string, RoleProfile>;
  credentials: ReadonlyMap<string, Credential>;
  steps: ReadonlyMap<string, StepTemplate>;
  /** Words never reported as a posting's missing important terms. */
  ignoredPostingTerms: ReadonlySet<string>;
  /** The role a gap report targets when the request names none (roles.yaml `defaults.targetRole`). */
  defaultTargetRole: string;
}

function indexById<T extends { id: string }>(
  list: readonly T[],
  where: string,
  issues: string[],
): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of list) {
    if (map.has(item.id)) issues.push(`${where}[${item.id}]: duplicate id`);
    map.set(item.id, item);
  }
  return map;
}

/** Cross-reference checks on an already shape-valid file. Returns human-readable issues. */
export function checkRolesFile(data: RolesFile, competencyIds: ReadonlySet<string>): string[] {
  const issues: string[] = [];
  const credentials = indexById(data.credentials, 'credentials', issues);
  const steps = indexById(data.nextSteps, 'nextSteps', issues);
  const roles = indexById(data.roles, 'roles', issues);
  const checkRaises = (where: string, raises: { competencyId: string }[]) => {
    raises.forEach((r, i) => {
      if (!competencyIds.has(r.competencyId))
        issues.push(`${where}.raises[${i}].competencyId: unknown competency "${r.competencyId}"`);
    });
  };
  if (!roles.has(data.defaults.targetRole))
    issues.push(`defaults.targetRole: unknown role "${data.defaults.targetRole}"`);
  for (const c of data.credentials) {
    checkRaises(`credentials[${c.id}]`, c.raises);
    for (const w of c.eligibility.educationHoursWaivedBy ?? [])
      if (!credentials.has(w))
        issues.push(`credentials[${c.id}].eligibility.educationHoursWaivedBy: unknown credential "${w}"`);
  }
  for (const s of data.nextSteps) {
    checkRaises(`nextSteps[${s.id}]`, s.raises);
    if (s.kind === 'role' && !s.roleId)
      issues.push(`nextSteps[${s.id}].roleId: required when kind is "role"`);
    if (s.kind !== 'role' && s.roleId)
      issues.push(`nextSteps[${s.id}].roleId: only allowed when kind is "role"`);
    if (s.roleId && !roles.has(s.roleId))
      issues.push(`nextSteps[${s.id}].roleId: unknown role "${s.roleId}"`);
  }
  for (const r of data.roles) {
    const seen = new Set<string>();
    r.requirements.forEach((q, i) => {
      const where = `roles[${r.id}].requirements[${i}].competencyId`;
      if (!competencyIds.has(q.competencyId)) issues.push(`${where}: unknown competency "${q.competencyId}"`);
      if (seen.has(q.competencyId)) issues.push(`${where}: "${q.competencyId}" listed twice`);
      seen.add(q.competencyId);
    });
    for (const c of r.credentials)
      if (!credentials.has(c)) issues.push(`roles[${r.id}].credentials: unknown credential "${c}"`);
    for (const s of r.nextSteps) {
      const step = steps.get(s);
      if (!step) issues.push(`roles[${r.id}].nextSteps: unknown step "${s}"`);
      else if (step.roleId === r.id)
        issues.push(`roles[${r.id}].nextSteps: "${s}" points at the role itself`);
    }
  }
  return issues;
}

function buildKnowledge(
  file: string,
  data: RolesFile,
  terms: z.infer<typeof PostingTermsFileSchema>,
  competencyIds: ReadonlySet<string>,
): RoleKnowledge {
  const issues = checkRolesFile(data, competencyIds);
  if (issues.length > 0) throw new DataFileError(file, issues);
  return {
    roles: data.roles,
    rolesById: new Map(data.roles.map((r) => [r.id, r])),
    credentials: new Map(data.credentials.map((c) => [c.id, c])),
    steps: new Map(data.nextSteps.map((s) => [s.id, s])),
    ignoredPostingTerms: new Set([...terms.stopwords, ...terms.boilerplate]),
    defaultTargetRole: data.defaults.targetRole,
  };
}

/** Pure variant for tests: YAML texts in, knowledge out (or DataFileError). */
export function parseRoleKnowledge(
  rolesText: string,
  termsText: string,
  competencyIds: Iterable<string>,
  files = { roles: 'data/roles.yaml', terms: 'data/posting-terms.yaml' },
): RoleKnowledge {
  const data = parseDataText(files.roles, rolesText, RolesFileSchema);
  const terms = parseDataText(files.terms, termsText, PostingTermsFileSchema);
  return buildKnowledge(files.roles, data, terms, new Set(competencyIds));
}

/** Boot-time: reads both files from `dataDir`; `competencyIds` are the taxonomy's ids. */
export function loadRoleKnowledge(dataDir: string, competencyIds: Iterable<string>): RoleKnowledge {
  const rolesFile = `${dataDir}/roles.yaml`;
  const data = readDataFile(rolesFile, RolesFileSchema);
  const terms = readDataFile(`${dataDir}/posting-terms.yaml`, PostingTermsFileSchema);
  return buildKnowledge(rolesFile, data, terms, new Set(competencyIds));
}
