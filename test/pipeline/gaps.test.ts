import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEligibility, credentialsHeld, highestDegree, monthsLeadingProjects } from '../../src/pipeline/report/eligibility.js';
import { applyRaises, assessRequirement, assessRole, buildGapReport, readinessOf, statusOf } from '../../src/pipeline/report/gaps.js';
import type { Framing } from '../../src/schemas/taxonomy.js';
import type { CompetencyResult, EligibilityFacts, Evidence, Level } from '../../src/schemas/analysis.js';
import type { ResumeDocument } from '../../src/schemas/document.js';
import type { Requirement } from '../../src/schemas/roles.js';
import { analyzeResume } from '../../src/pipeline/analyze.js';
import { readResumeText } from '../../src/pipeline/read/build-document.js';
import { loadLexicon } from '../../src/taxonomy/load-lexicon.js';
import { loadRoleKnowledge } from '../../src/taxonomy/load-roles.js';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.js';
import { COMPETENCY_IDS } from '../helpers/competency-ids.js';

const knowledge = loadRoleKnowledge('data', COMPETENCY_IDS);

// Pattern ids in these fixtures carry their framing as a prefix: "cs:answer-calls", "pm:lead-project".
const framingOf = (patternId: string): Framing | undefined => {
  const prefix = patternId.split(':')[0];
  return prefix === 'cs' || prefix === 'pm' || prefix === 'general' ? prefix : undefined;
};

type Ev = [patternId: string, strength: 'strong' | 'weak', roleIndex?: number];
function ev([patternId, strength, roleIndex]: Ev): Evidence {
  return {
    quote: `quote of ${patternId}`,
    start: 0,
    end: 1,
    section: strength === 'strong' ? 'experience' : 'skills',
    strength,
    patternId,
    ...(roleIndex === undefined ? {} : { roleIndex }),
    ...(strength === 'strong' ? { bulletId: `b-${patternId}` } : {}),
  };
}
function comp(id: string, level: Level, evidence: Ev[] = []): CompetencyResult {
  const score = { none: 0, emerging: 30, developing: 60, strong: 90 }[level];
  return { id, name: id, pmName: id.replace(/-/g, ' '), level, score, evidence: evidence.map(ev) };
}
const req = (level: Requirement['level'], weight = 2): Requirement => ({ competencyId: 'x', level, weight });
const status = (r: Requirement, c: CompetencyResult | undefined) =>
  statusOf(assessRequirement(r, c, framingOf));

describe('gap item status', () => {
  it.each([
    [
      'strength: at level with a project-framed bullet',
      req('developing'),
      comp('x', 'developing', [
        ['pm:lead', 'strong'],
        ['cs:calls', 'strong'],
      ]),
      'strength',
    ],
    [
      'strength: general wording counts as project-relevant',
      req('developing'),
      comp('x', 'strong', [['general:report', 'strong']]),
      'strength',
    ],
    [
      'strength: a skills-list mention is enough when only emerging is asked',
      req('emerging'),
      comp('x', 'emerging', [['pm:agile', 'weak']]),
      'strength',
    ],
    [
      'reframe: at level, customer-service wording only',
      req('developing'),
      comp('x', 'developing', [
        ['cs:calls', 'strong'],
        ['cs:email', 'strong'],
      ]),
      'reframe',
    ],
    [
      'reframe: one level below, customer-service wording only',
      req('strong'),
      comp('x', 'developing', [['cs:calls', 'strong']]),
      'reframe',
    ],
    [
      'reframe: project wording only in a skills list while bullets are customer-service',
      req('developing'),
      comp('x', 'strong', [
        ['pm:stakeholder', 'weak'],
        ['cs:calls', 'strong'],
      ]),
      'reframe',
    ],
    ['thin: two levels below', req('strong'), comp('x', 'emerging', [['cs:calls', 'weak']]), 'thin'],
    [
      'thin: project-framed but one level below',
      req('strong'),
      comp('x', 'developing', [['pm:lead', 'strong']]),
      'thin',
    ],
    ['gap: no evidence', req('emerging'), comp('x', 'none'), 'gap'],
    ['gap: competency absent from the results', req('developing'), undefined, 'gap'],
  ] as const)('%s', (_name, r, c, expected) => {
    expect(status(r, c)).toBe(expected);
  });

  it('keeps readiness in 0..100 and never lowers it when a step raises a level', () => {
    const level = fc.constantFrom<Level>('none', 'emerging', 'developing', 'strong');
    const required = fc.constantFrom<Requirement['level']>('emerging', 'developing', 'strong');
    const evidence = fc.array(
      fc.tuple(fc.constantFrom('cs:a', 'pm:b', 'general:c'), fc.constantFrom<'strong' | 'weak'>('strong', 'weak')),
      { maxLength: 3 },
    );
    const item = fc.record({ required, level, evidence, weight: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), required, (rows, raiseTo) => {
        const states = rows.map((r, i) =>
          assessRequirement(
            { competencyId: `c${i}`, level: r.required, weight: r.weight },
            comp(`c${i}`, r.level, r.evidence as Ev[]),
            framingOf,
          ),
        );
        const before = readinessOf(states);
        const after = readinessOf(applyRaises(states, [{ competencyId: 'c0', level: raiseTo }]));
        return before >= 0 && before <= 100 && after >= before;
      }),
    );
  });

  it('credits project-framed evidence fully, customer-service-only evidence partly, nothing for a gap', () => {
    const r = req('developing');
    const strength = readinessOf([
      assessRequirement(r, comp('x', 'developing', [['pm:lead', 'strong']]), framingOf),
    ]);
    const reframe = readinessOf([
      assessRequirement(r, comp('x', 'developing', [['cs:calls', 'strong']]), framingOf),
    ]);
    const thin = readinessOf([
      assessRequirement(r, comp('x', 'emerging', [['pm:lead', 'strong']]), framingOf),
    ]);
    const gap = readinessOf([assessRequirement(r, undefined, framingOf)]);
    expect(strength).toBe(100);
    expect(gap).toBe(0);
    expect(reframe).toBeLessThan(strength);
    expect(reframe).toBeGreaterThan(thin);
    expect(thin).toBeGreaterThan(gap);
  });
});

const facts = (f: Partial<EligibilityFacts>): EligibilityFacts => ({
  monthsLeadingProjects: 0,
  projectRoles: [],
  degree: 'none',
  credentialsHeld: [],
  ...f,
});
const cred = (id: string) => {
  const c = knowledge.credentials.get(id);
  if (!c) throw new Error(id);
  return c;
};

describe('credential eligibility', () => {
  it.each([
    ['four-year degree and 36 months', { degree: 'bachelor', monthsLeadingProjects: 36 }, true],
    ["master's degree and 40 months", { degree: 'master', monthsLeadingProjects: 40 }, true],
    ['four-year degree and 35 months', { degree: 'bachelor', monthsLeadingProjects: 35 }, false],
    ['associate degree and 48 months', { degree: 'associate', monthsLeadingProjects: 48 }, false],
    ['secondary diploma and 60 months', { degree: 'secondary', monthsLeadingProjects: 60 }, true],
    ['no project experience at all', { degree: 'bachelor', monthsLeadingProjects: 0 }, false],
  ] as const)('PMP: %s', (_name, f, eligible) => {
    expect(checkEligibility(cred('pmp'), facts(f)).eligible).toBe(eligible);
  });

  it('PMP says why it is out of reach and still asks for 35 hours of education', () => {
    const r = checkEligibility(cred('pmp'), facts({ degree: 'bachelor', monthsLeadingProjects: 12 }));
    expect(r.blockers.join(' ')).toMatch(/36 months leading projects \(your resume shows about 12\)/);
    expect(r.toDo).toEqual(['35 contact hours of project-management education']);
  });

  it('a CAPM on the resume covers the 35 hours PMP asks for', () => {
    const r = checkEligibility(
      cred('pmp'),
      facts({ degree: 'bachelor', monthsLeadingProjects: 40, credentialsHeld: ['capm'] }),
    );
    expect(r).toEqual({ eligible: true, blockers: [], toDo: [] });
  });

  it('CAPM needs a secondary diploma and 23 hours of education', () => {
    expect(checkEligibility(cred('capm'), facts({ degree: 'secondary' }))).toEqual({
      eligible: true,
      blockers: [],
      toDo: ['23 contact hours of project-management education'],
    });
    expect(checkEligibility(cred('capm'), facts({ degree: 'none' })).eligible).toBe(false);
  });

  it('CSM needs only its 2-day course', () => {
    const r = checkEligibility(cred('csm'), facts({}));
    expect(r.eligible).toBe(true);
    expect(r.toDo.join(' ')).toMatch(/2-day/);
  });

  it.each(['psm-i', 'google-pm', 'prince2-foundation'])('%s has no prerequisite', (id) => {
    expect(checkEligibility(cred(id), facts({}))).toEqual({ eligible: true, blockers: [], toDo: [] });
  });
});

// A small resume: roles 0 and 1 overlap, role 2 is current.
function doc(education: string, roles: Partial<ResumeDocument['roles'][number]>[]): ResumeDocument {
  const head = 'Experience\nSome bullets\n';
  const text = `${head}Education\n${education}\n`;
  return {
    format: 'txt',
    characters: text.length,
    text,
    sections: [
      { kind: 'experience', heading: 'Experience', start: 0, end: head.length },
      { kind: 'education', heading: 'Education', start: head.length, end: text.length },
    ],
    roles: roles.map((r) => ({ title: 'Role', current: false, start: 0, end: 1, ...r })),
    bullets: [],
    contact: { emails: [], phones: [], links: [] },
    education: [],
    certifications: [],
    skills: [],
    languages: [],
    warnings: [],
  };
}

describe('eligibility facts', () => {
  // The competency a role's strong evidence must show (the taxonomy's projectLeadership names it).
  const DELIVERY = { competencyId: 'project-delivery' };
  const roles = [
    { startDate: '2015-01', endDate: '2016-12' },
    { startDate: '2016-06', endDate: '2017-12' },
    { startDate: '2020-01', current: true },
    { startDate: '2010', endDate: '2014' },
  ];
  it('counts months only of roles whose bullets show project delivery, overlaps merged', () => {
    const d = doc('', roles);
    const delivery = comp('project-delivery', 'developing', [
      ['pm:lead', 'strong', 0],
      ['pm:lead', 'strong', 1],
      ['pm:lead', 'strong', 0],
    ]);
    expect(monthsLeadingProjects(d, [delivery], '2026-11', DELIVERY)).toBe(36);
    const withCurrent = comp('project-delivery', 'developing', [['pm:lead', 'strong', 2]]);
    expect(monthsLeadingProjects(d, [withCurrent], '2020-12', DELIVERY)).toBe(12);
    const bareYears = comp('project-delivery', 'developing', [['pm:lead', 'strong', 3]]);
    expect(monthsLeadingProjects(d, [bareYears], '2026-11', DELIVERY)).toBe(49);
  });

  it('counts no role without a rule naming the competency', () => {
    const delivery = comp('project-delivery', 'developing', [['pm:lead', 'strong', 0]]);
    expect(monthsLeadingProjects(doc('', roles), [delivery], '2026-11')).toBe(0);
  });

  it('ignores roles with customer-service evidence only', () => {
    const comms = comp('communication', 'strong', [['cs:calls', 'strong', 0]]);
    expect(monthsLeadingProjects(doc('', roles), [comms], '2026-11', DELIVERY)).toBe(0);
  });

  it.each([
    ['Bachelor of Science : Economics , 2014 City College', 'bachelor'],
    ['MBA : Finance , 2015 Mahatma Gandhi University', 'master'],
    ['Associate of Arts : Sociology 2015 Sinclair Community College', 'associate'],
    ['High School Diploma : General Business , 1983', 'secondary'],
    ['Harvard Extension School Boston, MA 2012 coursework in writing', 'none'],
  ] as const)('reads the degree from "%s"', (line, expected) => {
    expect(highestDegree(doc(line, []))).toBe(expected);
  });

  it('finds credentials held, not ones being pursued or look-alike abbreviations', () => {
    const all = [...knowledge.credentials.values()];
    expect(credentialsHeld('Certifications: PMP, Certified ScrumMaster (2021)', all).sort()).toEqual([
      'csm',
      'pmp',
    ]);
    expect(credentialsHeld('Currently pursuing PMP certification', all)).toEqual([]);
    expect(credentialsHeld('CSM for enterprise accounts', all)).toEqual([]);
  });
});

// A customer-service representative: strong customer-service wording, no project delivery.
const csRep: CompetencyResult[] = [
  comp('communication', 'strong', [
    ['cs:answer-calls', 'strong', 0],
    ['cs:email', 'strong', 0],
  ]),
  comp('problem-solving', 'developing', [['cs:resolve-issue', 'strong', 0]]),
  comp('organization', 'developing', [['cs:high-volume', 'strong', 0]]),
  comp('stakeholder-management', 'developing', [['cs:customer-satisfaction', 'strong', 0]]),
  comp('conflict-resolution', 'developing', [['cs:complaints', 'strong', 0]]),
  comp('tools-and-technology', 'developing', [
    ['general:excel', 'weak'],
    ['general:salesforce', 'strong', 0],
  ]),
  comp('data-and-reporting', 'emerging', [['general:report', 'weak']]),
  ...[
    'leadership',
    'collaboration',
    'project-delivery',
    'planning-and-scheduling',
    'budget-and-cost',
    'risk-management',
    'scope-and-requirements',
    'pm-methodology',
    'pm-certification',
  ].map((id) => comp(id, 'none')),
];
// A project manager: project-framed evidence everywhere in a role running since 2012.
const pm: CompetencyResult[] = COMPETENCY_IDS.map((id) =>
  id === 'pm-certification' ? comp(id, 'none') : comp(id, 'strong', [[`pm:${id}`, 'strong', 0]]),
);

describe('gap report', () => {
  const csDoc = doc('Bachelor of Arts : Communications 2012', [{ startDate: '2013-01', current: true }]);
  const pmDoc = doc('Bachelor of Science : Engineering 2008', [{ startDate: '2012-03', current: true }]);
  const report = (competencies: CompetencyResult[], d: ResumeDocument, targetRoleId: string) =>
    buildGapReport({
      doc: d,
      competencies,
      knowledge,
      framingOf,
      targetRoleId,
      asOf: '2026-11',
      // Hand-made evidence (no taxonomy patterns): any strong delivery line counts the role.
      projectLeadership: { competencyId: 'project-delivery' },
    });

  it('names the target role with its O*NET code and one item per required competency', () => {
    const r = report(csRep, csDoc, 'project-manager');
    expect(r.targetRole).toEqual({ id: 'project-manager', title: 'Project Manager', onetCode: '13-1082.00' });
    expect(r.items.map((i) => i.competencyId)).toEqual(
      knowledge.rolesById.get('project-manager')?.requirements.map((q) => q.competencyId),
    );
  });

  it('separates gaps that reframing closes from gaps that need new experience or a credential', () => {
    const r = report(csRep, csDoc, 'project-manager');
    expect(r.gaps.reframable).toEqual(expect.arrayContaining(['communication', 'stakeholder-management']));
    expect(r.gaps.needsExperience).toEqual(
      expect.arrayContaining(['project-delivery', 'budget-and-cost', 'risk-management']),
    );
    expect(r.items.find((i) => i.competencyId === 'communication')).toMatchObject({
      status: 'reframe',
      closeBy: 'reframe',
      bulletIds: ['b-cs:answer-calls', 'b-cs:email'],
    });
    for (const i of r.items) if (i.status !== 'reframe') expect(i.bulletIds).toEqual([]);
    const sm = report(csRep, csDoc, 'scrum-master');
    expect(sm.gaps.needsCredential).toContain('pm-certification');
  });

  it('puts eligible steps first by impact, and PMP after them with the reason', () => {
    const r = report(csRep, csDoc, 'project-manager');
    const eligible = r.nextSteps.filter((s) => s.eligible);
    expect(r.nextSteps.slice(0, eligible.length)).toEqual(eligible);
    const impacts = eligible.map((s) => s.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    const pmp = r.nextSteps.find((s) => s.id === 'pmp');
    expect(pmp).toMatchObject({ kind: 'certification', eligible: false });
    expect(pmp?.why).toMatch(/36 months leading projects/);
    expect(r.nextSteps.find((s) => s.id === 'capm')?.eligible).toBe(true);
    const volunteer = r.nextSteps.find((s) => s.id === 'volunteer-project');
    expect(volunteer?.competencyIds).toContain('project-delivery');
    expect(volunteer?.why).toMatch(new RegExp(`lifts .*project delivery.*\\(about \\+${volunteer?.impact} points\\)`));
    expect(r.nextSteps.find((s) => s.kind === 'role')?.why).toMatch(/Your readiness for it is \d+%/);
    expect(r.facts).toEqual({ monthsLeadingProjects: 0, projectRoles: [], degree: 'bachelor', credentialsHeld: [] });
    expect(r.explanation).toContain(`${r.readiness}% ready for Project Manager`);
    expect(r.explanation).toMatch(/customer-service language/);
  });

  it('scores a project manager clearly above a customer-service rep and lets them take PMP', () => {
    const cs = report(csRep, csDoc, 'project-manager');
    const p = report(pm, pmDoc, 'project-manager');
    expect(p.readiness).toBeGreaterThan(cs.readiness + 40);
    expect(p.facts.monthsLeadingProjects).toBeGreaterThanOrEqual(36);
    expect(p.nextSteps.find((s) => s.id === 'pmp')?.eligible).toBe(true);
  });

  it('ranks every role in roleFit, best first', () => {
    const r = report(csRep, csDoc, 'project-coordinator');
    expect(r.roleFit.map((x) => x.id).sort()).toEqual(knowledge.roles.map((x) => x.id).sort());
    const values = r.roleFit.map((x) => x.readiness);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(r.roleFit.find((x) => x.id === 'project-coordinator')?.readiness).toBe(r.readiness);
    // A customer-service rep fits the customer-facing roles better than the project-manager role.
    const fit = new Map(r.roleFit.map((x) => [x.id, x.readiness]));
    expect(fit.get('project-customer-service-manager')).toBeGreaterThan(fit.get('project-manager') ?? 100);
  });

  it('does not offer a credential the resume already names', () => {
    const d = doc('Bachelor of Arts 2012\nCAPM, 2024', [{ startDate: '2013-01', current: true }]);
    expect(report(csRep, d, 'project-manager').nextSteps.map((s) => s.id)).not.toContain('capm');
  });

  it('produces a report for every role', () => {
    for (const role of knowledge.roles) {
      const r = report(csRep, csDoc, role.id);
      expect(r.readiness).toBeGreaterThanOrEqual(0);
      expect(r.items.length).toBe(role.requirements.length);
    }
  });
});

describe('project months from evidence, not titles alone (taxonomy projectLeadership)', () => {
  const taxonomy = loadTaxonomy('data');
  const lexicon = loadLexicon('data/rewrite-lexicon.yaml');
  const LIMITS = { maxTextChars: 200_000, minTextChars: 1, zip: { maxEntries: 2000, maxUncompressedBytes: 64 << 20 } };
  const factsOf = (text: string) => {
    const doc = readResumeText(text, LIMITS);
    const a = analyzeResume(doc, { taxonomy, roles: knowledge, lexicon }, { asOf: '2026-11' });
    return { doc, facts: a.gapReport.facts };
  };

  it('counts a project title and a role whose own bullet leads a project, and says why, quotes exact', () => {
    const { doc, facts } = factsOf(`Jane Doe
Experience
Project Coordinator 01/2020 to 12/2021 Acme Builders City , State
Kept site records up to date.
Customer Service Representative 01/2017 to 12/2019 Telco City , State
Led the migration project of 40,000 customer accounts to a new billing system.
Answered inbound calls.
`);
    // The CS role runs 36 months; counted by one line, it counts the taxonomy's evidenceMonths at most.
    expect(taxonomy.projectLeadership?.evidenceMonths).toBe(12);
    expect(facts.projectRoles.map((r) => [r.roleIndex, r.reason, r.months])).toEqual([
      [0, 'title', 24],
      [1, 'evidence', 12],
    ]);
    expect(facts.monthsLeadingProjects).toBe(36);
    for (const r of facts.projectRoles) expect(doc.text.slice(r.start, r.end)).toBe(r.quote);
    expect(facts.projectRoles[1]!.quote).toContain('Led the migration project');
  });

  it('counts a title that names projects beside another charge before its head, not projects alone', () => {
    const { facts } = factsOf(`Dale Roe
Experience
Projects & Facilities Coordinator 01/2020 to 12/2021 Grain Co City , State
Kept the shop clean.
Special Projects Assistant 01/2017 to 12/2019 Grain Co City , State
Filed the paperwork.
`);
    expect(facts.projectRoles.map((r) => [r.roleIndex, r.reason, r.months])).toEqual([[0, 'title', 24]]);
  });

  it('does not count an HR or sales career whose lines only work near projects or events', () => {
    const { facts } = factsOf(`John Roe
Experience
HR Generalist 01/2010 to 12/2019 Retail Co City , State
Coordinated new hire orientation events and job fairs.
Supported the HR team on special projects assigned by the director.
Sales Representative 01/2005 to 12/2009 Retail Co City , State
Exceeded sales targets and trained new staff.
`);
    expect(facts.projectRoles).toEqual([]);
    expect(facts.monthsLeadingProjects).toBe(0);
  });

  it('does not count an account-management career: relationships owned, leads and programs that are not led', () => {
    const { facts } = factsOf(`Pat Sales
Experience
Senior Account Manager 01/2011 to 12/2020 Supply Co City , State
Owned the relationship end to end: quarterly business reviews, pricing renewals, new-plant introductions.
Weekly plant visits, a direct line to me for the receiving leads, and a standing order program got them back.
Run the cycle count program for our 4 zones.
`);
    expect(facts.projectRoles).toEqual([]);
    expect(facts.monthsLeadingProjects).toBe(0);
  });

  it("counts a career changer's own project line (remodel, changeover, pilot), capped, with the line as reason", () => {
    const { doc, facts } = factsOf(`Tam Changer
Experience
Store Manager 01/2017 to 12/2023 Hardware Co City , State
Ran the 2023 store remodel and kept the store open every day of the 11-week project.
Front Desk Agent 01/2014 to 12/2016 Hotel Co City , State
The GM asked me to lead the changeover to the new property system.
`);
    expect(facts.projectRoles.map((r) => [r.roleIndex, r.reason, r.months])).toEqual([
      [0, 'evidence', 12],
      [1, 'evidence', 12],
    ]);
    for (const r of facts.projectRoles) expect(doc.text.slice(r.start, r.end)).toBe(r.quote);
    expect(facts.projectRoles[0]!.quote).toContain('Ran the 2023 store remodel');
  });

  it('counts leading bounded work from start to end (round 15), all the role when it recurs, and not event logistics', () => {
    const { doc, facts } = factsOf(`Jo Producer
Experience
Senior Production Manager 01/2019 to 12/2024 Stage Co City , State
Lead production for 10-14 events a year from client brief to strike.
Operations Supervisor 01/2015 to 12/2018 Venue Co City , State
Ran the 2017 industry conference from venue contract to load-out.
Event Coordinator 01/2012 to 12/2014 Hotel Co City , State
Coordinated logistics for weddings and corporate dinners from first call to the last dance.
Took part in the 2013 launch from kickoff to go-live as one of six testers.
`);
    // 72 months of recurring led work all count; one led conference counts the evidenceMonths cap (12);
    // coordinating events and taking part in a launch count nothing.
    expect(facts.projectRoles.map((r) => [r.roleIndex, r.reason, r.months])).toEqual([
      [0, 'evidence', 72],
      [1, 'evidence', 12],
    ]);
    for (const r of facts.projectRoles) expect(doc.text.slice(r.start, r.end)).toBe(r.quote);
    expect(facts.projectRoles[0]!.quote).toContain('from client brief to strike');
  });

  it('does not count a line that says the writer only took part, whoever it says ran the work (round 15)', () => {
    const { facts } = factsOf(`Ali Agent
Experience
Support Specialist 01/2020 to 12/2024 Ride Co City , State
Took part in the 2024 console switch as one of six agent testers; the product manager and the ops lead planned and ran the rollout.
`);
    expect(facts.projectRoles).toEqual([]);
    const led = factsOf(`Ali Agent
Experience
Support Specialist 01/2020 to 12/2024 Ride Co City , State
Planned and ran the rollout of the new support console.
`);
    expect(led.facts.projectRoles.map((r) => [r.roleIndex, r.reason, r.months])).toEqual([[0, 'evidence', 12]]);
  });

  it('counts opening a new location and coordinating an installation (round 4), but not an opening shift', () => {
    const { doc, facts } = factsOf(`Robin Changer
Experience
General Manager 01/2019 to 12/2023 Bistro Co City , State
Led the opening of our second restaurant in 2022: build-out with the contractor, permits and hiring.
Front End Manager 01/2015 to 12/2018 Grocer Co City , State
Coordinated the installation of 12 self-checkout lanes with the district office and the vendor.
Shift Supervisor 01/2012 to 12/2014 Cafe Co City , State
Led the opening shift and trained new baristas.
`);
    expect(facts.projectRoles.map((r) => [r.roleIndex, r.reason, r.months])).toEqual([
      [0, 'evidence', 12],
      [1, 'evidence', 12],
    ]);
    for (const r of facts.projectRoles) expect(doc.text.slice(r.start, r.end)).toBe(r.quote);
  });

  it("does not count a project someone else named ran (round 5: negation.otherSubjects), but the writer's own", () => {
    const someoneElse = factsOf(`Sam Auditor
Experience
Night Auditor 01/2020 to 12/2023 Inn Co City , State
Sat in on the planning meetings for our room renovation as a note-taker; the management company's PM ran the project.
Assisted the GM with the annual budget by pulling last year's numbers for her; she built and owns it.
`);
    expect(someoneElse.facts.projectRoles).toEqual([]);
    expect(someoneElse.facts.monthsLeadingProjects).toBe(0);
    const mine = factsOf(`Sam Auditor
Experience
Night Auditor 01/2020 to 12/2023 Inn Co City , State
When the management company's PM left, I ran the project to the end.
`);
    expect(mine.facts.projectRoles.map((r) => [r.roleIndex, r.reason, r.months])).toEqual([[0, 'evidence', 12]]);
  });

  it('counts a launch led with a bracketed aside and a rollout lead named in the line (round 12), not a store run', () => {
    const changer = factsOf(`Pat Changer
Experience
Store Operations Lead 01/2020 to 12/2023 Shop Co City , State
Led the BOPIS (buy online, pick up in store) launch for our store and 5 other stores, go-live in 7 weeks
Branch Operations Manager 01/2016 to 12/2019 Bank Co City , State
Rollout lead for interactive teller machines (ITMs) at 4 branches: set the install dates
`);
    expect(changer.facts.projectRoles.map((r) => [r.roleIndex, r.reason, r.months])).toEqual([
      [0, 'evidence', 12],
      [1, 'evidence', 12],
    ]);
    const shop = factsOf(`Sam Store
Experience
Assistant Store Manager 01/2020 to 12/2023 Shop Co City , State
Run the floor on opening and mid shifts with 4-6 staff (weekends, holidays); launch the new season displays
Ran the customer service desk: returns, exchanges, price matches, special orders
`);
    expect(shop.facts.projectRoles).toEqual([]);
  });

  it('does not count a project the writer shadowed (round 13: shadowing is watching), but one the writer ran', () => {
    const shadow = factsOf(`Sam Tech
Experience
Field Technician 01/2020 to 12/2023 Enviro Co City , State
Shadowed the project manager through the closeout of a 9-acre former rail yard site (2023)
Shadowed the project manager through the 2023 store remodel
`);
    expect(shadow.facts.projectRoles).toEqual([]);
    expect(shadow.facts.monthsLeadingProjects).toBe(0);
    const ran = factsOf(`Sam Tech
Experience
Field Technician 01/2020 to 12/2023 Enviro Co City , State
Ran the 2023 store remodel with the project manager
`);
    expect(ran.facts.projectRoles.map((r) => [r.roleIndex, r.reason, r.months])).toEqual([[0, 'evidence', 12]]);
  });
});

describe('readiness ranks people: project experience beside the competencies (roles projectExperience)', () => {
  const taxonomy = loadTaxonomy('data');
  const lexicon = loadLexicon('data/rewrite-lexicon.yaml');
  const LIMITS = { maxTextChars: 200_000, minTextChars: 1, zip: { maxEntries: 2000, maxUncompressedBytes: 64 << 20 } };
  const reportOf = (text: string, targetRole = 'project-manager') =>
    analyzeResume(readResumeText(text, LIMITS), { taxonomy, roles: knowledge, lexicon }, { targetRole, asOf: '2026-11' })
      .gapReport;
  // Written as prose, as senior project managers often do: few phrases for the matcher to find.
  const seniorPm = `Dana Senior
Experience
Senior Project Manager 01/2012 to 12/2020 Global Systems Inc City , State
I was in charge of the company's infrastructure work for eight years, with teams in three countries and a close eye on what each release cost.
IT Project Manager 01/2006 to 12/2011 Banking Co City , State
Responsible for the replacement of the branch network with my development team.
`;
  const careerChanger = `Casey Changer
Experience
Customer Service Representative 01/2018 to 12/2021 Telco City , State
Answered 80 inbound calls per day and resolved billing complaints.
Led the migration project of 40,000 customer accounts to a new billing system.
Trained new hires on the ticketing system.
`;
  const csOnly = `Chris Service
Experience
Customer Service Representative 01/2018 to 12/2021 Telco City , State
Answered 80 inbound calls per day and resolved billing complaints.
Processed refunds and updated customer records in Salesforce.
Trained new hires on the ticketing system.
`;

  it('puts a senior PM written as prose above a career changer, and one with project work above one without', () => {
    const senior = reportOf(seniorPm);
    const changer = reportOf(careerChanger);
    const cs = reportOf(csOnly);
    expect(senior.facts.monthsLeadingProjects).toBe(180);
    expect(changer.facts.monthsLeadingProjects).toBe(12);
    expect(cs.facts.monthsLeadingProjects).toBe(0);
    expect(senior.readiness).toBeGreaterThan(changer.readiness + 15);
    expect(changer.readiness).toBeGreaterThan(cs.readiness);
  });

  it('makes every point traceable: readiness is the stated sum of item credits and the experience part', () => {
    const r = reportOf(careerChanger);
    const role = knowledge.rolesById.get('project-manager')!;
    expect(r.projectExperience).toEqual({
      monthsRequired: role.projectExperience!.months,
      monthsCounted: 12,
      weight: role.projectExperience!.weight,
      credit: 12 / role.projectExperience!.months,
    });
    expect(r.explanation).toMatch(/project experience [\d.]+ of 22 \(12 of the 36 months leading projects the role expects; counted: role 1 by its own line \(12 months\)\)/);
    const states = assessRole(role.requirements, analyzeResume(readResumeText(careerChanger, LIMITS), { taxonomy, roles: knowledge, lexicon }).competencies, (id) => taxonomy.patternById.get(id)?.framing);
    expect(r.readiness).toBe(readinessOf(states, { weight: 22, credit: 12 / 36 }));
    // Without the experience part the same items give less: the months are what moved it.
    expect(readinessOf(states)).toBeLessThan(r.readiness);
  });

  it('roles without projectExperience keep the competency-only readiness', () => {
    const r = reportOf(seniorPm, 'customer-service-manager');
    expect(r.projectExperience).toBeUndefined();
    expect(r.explanation).not.toMatch(/project experience/);
  });
});
