import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRoleKnowledge, parseRoleKnowledge } from '../../src/taxonomy/load-roles.js';
import { COMPETENCY_IDS } from '../helpers/competency-ids.js';
import { dataFileErrorOf as errorOf } from '../helpers/data-file-error.js';

const rolesText = readFileSync('data/roles.yaml', 'utf8');
const termsText = readFileSync('data/posting-terms.yaml', 'utf8');

describe('data/roles.yaml', () => {
  const knowledge = loadRoleKnowledge('data', COMPETENCY_IDS);

  it('has the seven profiles the issue asks for', () => {
    expect(knowledge.roles.map((r) => r.id).sort()).toEqual(
      [
        'customer-service-manager',
        'junior-project-manager',
        'project-assistant',
        'project-coordinator',
        'project-customer-service-manager',
        'project-manager',
        'scrum-master',
      ].sort(),
    );
  });

  it('anchors every profile to an O*NET code and the PM profiles to ESCO project manager', () => {
    for (const role of knowledge.roles) expect(role.onet.code).toMatch(/^\d{2}-\d{4}\.\d{2}$/);
    expect(knowledge.rolesById.get('project-manager')?.esco.map((e) => e.label)).toContain('project manager');
    expect(knowledge.rolesById.get('customer-service-manager')?.onet.code).toBe('43-1011.00');
  });

  it('asks more project evidence of a project manager than of a coordinator', () => {
    const level = (roleId: string, c: string) =>
      knowledge.rolesById.get(roleId)?.requirements.find((q) => q.competencyId === c)?.level;
    expect(level('project-manager', 'project-delivery')).toBe('strong');
    expect(level('project-coordinator', 'project-delivery')).toBe('emerging');
  });

  it('encodes the real eligibility rules of the credentials', () => {
    const pmp = knowledge.credentials.get('pmp')?.eligibility;
    expect(pmp?.paths).toEqual([
      { degree: 'bachelor', monthsLeadingProjects: 36 },
      { degree: 'secondary', monthsLeadingProjects: 60 },
    ]);
    expect(pmp?.educationHours).toBe(35);
    const capm = knowledge.credentials.get('capm')?.eligibility;
    expect(capm?.paths).toEqual([{ degree: 'secondary' }]);
    expect(capm?.educationHours).toBe(23);
    expect(knowledge.credentials.get('csm')?.eligibility.requiredCourse).toMatch(/2-day/);
    for (const free of ['psm-i', 'google-pm', 'prince2-foundation'])
      expect(knowledge.credentials.get(free)?.eligibility).toEqual({ paths: [{}] });
  });

  it('never lists bare "CSM" as an alias (customer success manager)', () => {
    expect(knowledge.credentials.get('csm')?.aliases).not.toContain('CSM');
  });

  it('ignores job-ad boilerplate and function words in postings', () => {
    expect(knowledge.ignoredPostingTerms.has('the')).toBe(true);
    expect(knowledge.ignoredPostingTerms.has('responsibilities')).toBe(true);
    expect(knowledge.ignoredPostingTerms.has('jira')).toBe(false);
  });
});

describe('role data validation', () => {
  it('names the file and the role when a requirement points at an unknown competency', () => {
    const bad = rolesText.replace(
      'competencyId: budget-and-cost, level: developing',
      'competencyId: budgets, level: developing',
    );
    const err = errorOf(() => parseRoleKnowledge(bad, termsText, COMPETENCY_IDS));
    expect(err.file).toBe('data/roles.yaml');
    expect(err.message).toMatch(
      /roles\[project-manager\]\.requirements\[\d+\]\.competencyId: unknown competency "budgets"/,
    );
  });

  it('names the field when a level is not one of the four', () => {
    const bad = rolesText.replace(
      '{ competencyId: project-delivery, level: strong, weight: 3 }',
      '{ competencyId: project-delivery, level: expert, weight: 3 }',
    );
    const err = errorOf(() => parseRoleKnowledge(bad, termsText, COMPETENCY_IDS));
    expect(err.message).toMatch(/roles\[project-manager\]\.requirements\[0\]\.level/);
  });

  it('rejects a role that lists an unknown credential or step', () => {
    const bad = rolesText.replace('credentials: [psm-i, csm]', 'credentials: [psm-i, safe]');
    expect(errorOf(() => parseRoleKnowledge(bad, termsText, COMPETENCY_IDS)).message).toMatch(
      /roles\[scrum-master\]\.credentials: unknown credential "safe"/,
    );
  });

  it('names the field when a projectExperience part has no months', () => {
    const bad = rolesText.replace('projectExperience: { months: 36, weight: 22 }', 'projectExperience: { months: 0, weight: 22 }');
    expect(bad).not.toBe(rolesText);
    expect(errorOf(() => parseRoleKnowledge(bad, termsText, COMPETENCY_IDS)).message).toMatch(
      /roles\[project-manager\]\.projectExperience\.months/,
    );
  });

  it('rejects a malformed O*NET code', () => {
    const bad = rolesText.replace('code: 15-1299.09', 'code: 151299');
    expect(errorOf(() => parseRoleKnowledge(bad, termsText, COMPETENCY_IDS)).message).toMatch(
      /roles\[scrum-master\]\.onet\.code/,
    );
  });

  it('rejects a missing posting-terms file field', () => {
    const err = errorOf(() => parseRoleKnowledge(rolesText, 'version: 1\nstopwords: []\n', COMPETENCY_IDS));
    expect(err.file).toBe('data/posting-terms.yaml');
    expect(err.message).toMatch(/boilerplate/);
  });
});
