import { describe, expect, it } from 'vitest';
import { buildGapReport } from '../../src/pipeline/report/gaps.js';
import { readPosting } from '../../src/pipeline/report/job-description.js';
import type { CompetencyResult } from '../../src/schemas/analysis.js';
import { loadRoleKnowledge } from '../../src/taxonomy/load-roles.js';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.js';
import { tokenize } from '../../src/text/tokenize.js';

const taxonomy = loadTaxonomy('data');
const knowledge = loadRoleKnowledge(
  'data',
  taxonomy.competencies.map((c) => c.id),
);
const role = knowledge.rolesById.get('project-coordinator')!;
const ctx = { taxonomy, ignoredTerms: knowledge.ignoredPostingTerms, role };

const POSTING = `Project Coordinator
We are seeking a Project Coordinator to join our PMO. Responsibilities:
- Coordinate project schedules and track milestones in Jira and Smartsheet.
- Prepare weekly status reports for stakeholders and manage the project budget.
- Identify risks and maintain the risk register; support Agile ceremonies.
- Answer client inquiries by phone and email.
Requirements: 2+ years of experience, excellent communication skills, CAPM preferred.`;

const RESUME = `Customer Service Representative 2019-01 to Current
- Answered customer inquiries by phone and email, 80 calls a day.
- Resolved billing complaints and escalated issues to the supervisor.
Skills: Microsoft Excel, Salesforce`;

describe('reading a job posting', () => {
  const posting = readPosting(POSTING, tokenize(RESUME, taxonomy.lemmas), new Set(), ctx);

  it('finds the competencies the posting asks for with the resume matcher', () => {
    const ids = posting.competencies.map((c) => c.competencyId);
    expect(ids).toEqual(
      expect.arrayContaining(['planning-and-scheduling', 'risk-management', 'budget-and-cost']),
    );
    for (const c of posting.competencies) {
      expect(c.weight).toBe(Math.min(3, c.mentions));
      const inProfile = role.requirements.find((q) => q.competencyId === c.competencyId);
      expect(c.level).toBe(inProfile?.level ?? 'developing');
    }
  });

  it("lists the posting's tools and methods the resume never mentions, not boilerplate", () => {
    expect(posting.missingTerms).toEqual(expect.arrayContaining(['jira', 'smartsheet']));
    expect(posting.missingTerms).not.toContain('responsibilities');
    expect(posting.missingTerms).not.toContain('the');
    // The resume answers inquiries by phone and email too.
    expect(posting.missingTerms.join(' ')).not.toMatch(/\bemail\b/);
    expect(posting.missingTerms.length).toBeLessThanOrEqual(15);
  });

  it('scores coverage of the posting and recomputes the items against it', () => {
    const comp = (id: string, level: CompetencyResult['level'], framing: string): CompetencyResult => ({
      id,
      name: id,
      pmName: id,
      level,
      score: 60,
      evidence:
        level === 'none'
          ? []
          : [
              {
                quote: 'q',
                start: 0,
                end: 1,
                section: 'experience',
                strength: 'strong',
                patternId: `${framing}:${id}`,
              },
            ],
    });
    const competencies = taxonomy.competencies.map((c) =>
      c.id === 'communication' ? comp(c.id, 'strong', 'cs') : comp(c.id, 'none', 'cs'),
    );
    const framingOf = (id: string) => (id.startsWith('cs:') ? ('cs' as const) : ('pm' as const));
    const doc = { text: RESUME, sections: [], roles: [] };
    const base = {
      doc,
      competencies,
      knowledge,
      framingOf,
      targetRoleId: 'project-coordinator',
      asOf: '2026-11',
    };
    const r = buildGapReport({ ...base, posting });
    expect(r.jobDescription?.items.map((i) => i.competencyId)).toEqual(
      posting.competencies.map((c) => c.competencyId),
    );
    expect(r.jobDescription?.coverage).toBeGreaterThanOrEqual(0);
    expect(r.jobDescription?.coverage).toBeLessThan(50);
    expect(buildGapReport(base).jobDescription).toBeUndefined();
    // A resume with every asked competency shown in project terms covers the posting fully.
    const full = taxonomy.competencies.map((c) => comp(c.id, 'strong', 'pm'));
    expect(buildGapReport({ ...base, competencies: full, posting }).jobDescription?.coverage).toBe(100);
  });
});
