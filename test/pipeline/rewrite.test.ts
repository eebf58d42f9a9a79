import { describe, expect, it } from 'vitest';
import { rewriteBullet } from '../../src/pipeline/rewrite/rewrite-bullet.js';
import { opensStrongly, scoreBullet } from '../../src/pipeline/rewrite/score-bullet.js';
import { loadLexicon } from '../../src/taxonomy/load-lexicon.js';

const lex = loadLexicon('data/rewrite-lexicon.yaml');
const past = (text: string, competencyIds?: string[]) => rewriteBullet(text, { tense: 'past', competencyIds }, lex);
const present = (text: string) => rewriteBullet(text, { tense: 'present' }, lex);

describe('rewriteBullet: weak openers', () => {
  it.each([
    ['Responsible for managing the schedules of 12 agents', 'Managed the schedules of 12 agents.'],
    ['Responsible for the coordination of 3 store events', 'Coordinated 3 store events.'],
    ['Duties included answering 80 calls a day', 'Answered 80 calls a day.'],
    ['Ability to quickly assess and prioritize projects and office tasks.', 'Assessed and prioritized [N] projects and office tasks.'],
    ['Assisted in managing the delivery of training programs.', 'Contributed to managing the delivery of training programs.'],
    ['Assisted with the development of the call center\'s operations.', "Contributed to the development of the call center's operations."],
    ['Helped customers select merchandise based on their needs.', 'Guided [N] customers to select merchandise based on their needs.'],
    ['Helped develop a new filing system for 2 offices', 'Contributed to developing a new filing system for 2 offices.'],
    ['Worked closely with the district manager to build the store brand.', 'Collaborated closely with the district manager to build the store brand.'],
    ['Worked on the 2019 website migration', 'Contributed to the 2019 website migration.'],
    ['Tasked with inventory counts for 4 stores', 'Managed inventory counts for 4 stores.'],
    ['I answered 50 calls per shift', 'Answered 50 calls per shift.'],
  ])('%s', (input, expected) => {
    const r = past(input);
    expect(r.rewrite).toBe(expected);
    expect(opensStrongly(r.rewrite, lex) || r.rewrite.startsWith('Answered')).toBe(true);
    expect(r.changes.some((c) => c.rule === 'weak-opener' || c.rule === 'verb-map' || c.rule === 'drop-filler')).toBe(true);
  });

  it('never turns "helped" into a verb that claims ownership', () => {
    for (const text of ['Helped with the store remodel', 'Assisted the manager with payroll', 'Helped the team meet 3 deadlines']) {
      expect(past(text).rewrite).toMatch(/^(Supported|Contributed to|Guided) /);
    }
  });

  it('leaves a skill claim as written: no verb makes it work done without claiming use (issue 15)', () => {
    for (const t of ['past', 'present'] as const) {
      const r = rewriteBullet('Proficient at databases, presentations and word processing.', { tense: t }, lex);
      expect(r.rewrite).toBe('Proficient at databases, presentations and word processing.');
      expect(r.changes).toEqual([]);
      expect(rewriteBullet('Proficient in Windows, Word, Excel, Access, PowerPoint', { tense: t }, lex).rewrite).toBe(
        'Proficient in Windows, Word, Excel, Access, PowerPoint.',
      );
    }
  });

  it('re-inflects a phrasal verb after "and" with the chain (issue 15)', () => {
    expect(past('Participate in the development of standard costing and sign off on commitment to the Service Level').rewrite).toBe(
      'Contributed to the development of standard costing and signed off on commitment to the Service Level.',
    );
  });

  it('picks the verb from the object when the opener leaves a noun phrase', () => {
    expect(past('Responsible for customer complaints at the front desk').rewrite).toBe(
      'Handled [N] customer complaints at the front desk.',
    );
    expect(past('Accountable for all staff development, budgeting and supply ordering.').rewrite).toBe(
      'Managed all staff development, budgeting and supply ordering.',
    );
    expect(past('Responsible for all staff development', ['leadership']).rewrite).toBe('Led all staff development.');
  });

  it('keeps the opener when the object is the act of an intransitive verb (after3-140: "Managed immediate responses")', () => {
    const r = past('Responsible for immediate responses to incoming provider calls regarding claims issues');
    expect(r.rewrite).toMatch(/^Responsible for immediate responses/);
    expect(r.rewrite).not.toMatch(/Managed|Handled|Led/);
  });
});

describe('rewriteBullet: tense', () => {
  it('uses the present for the current role, for every coordinated verb', () => {
    const r = present('Selected and interviewed candidates for 5 open positions.');
    expect(r.rewrite).toBe('Select and interview candidates for 5 open positions.');
    expect(r.changes.filter((c) => c.rule === 'tense')).toHaveLength(2);
  });

  it('keeps completed results, awards and passives in the past under the current role (issue 15)', () => {
    expect(present('Was awarded in September 2014 for excellence in service').rewrite).toBe(
      'Was awarded in September 2014 for excellence in service.',
    );
    expect(present('Conducted 62 flight record reviews, reducing workload by 20 percent').rewrite).toBe(
      'Conducted 62 flight record reviews, reducing workload by 20 percent.',
    );
    expect(present('Planned, organized and led seven Downed Aircraft Recovery Missions.').rewrite).toBe(
      'Planned, organized and led seven Downed Aircraft Recovery Missions.',
    );
    expect(present('Ensured work requests were properly routed through repair facility.').rewrite).toBe(
      'Ensured work requests were properly routed through repair facility.',
    );
    // A routine duty in the past under the current role still moves to the present.
    expect(present('Prepared lesson plans for classes.').rewrite).toBe('Prepare [N] lesson plans for classes.');
  });

  it('separates bullets the PDF glued without a period (issue 15: no glued bullets)', () => {
    const r = past('Trained staff on how to improve customer interactions Addressed requests from management Defused volatile situations calmly');
    expect(r.rewrite).toBe('Trained [N] staff on how to improve customer interactions; addressed requests from management; defused volatile situations calmly.');
    expect(r.changes.filter((c) => c.rule === 'split-glued-sentence').map((c) => c.from)).toEqual([
      'interactions Addressed',
      'management Defused',
    ]);
    // A capitalized past form inside a name or after an article is not a sentence start.
    expect(past('Worked as a Registered nurse in the Managed Care unit').rewrite).not.toContain(';');
  });

  it('keeps one tense for the whole verb chain', () => {
    expect(past('Preparing test data and writing Test Cases').rewrite).toBe('Prepared test data and wrote [N] Test Cases.');
    expect(past('Prepared test data and writing Test Cases').rewrite).toBe('Prepared test data and wrote [N] Test Cases.');
    expect(past('Delivered service by greeting and assisting each customer.').rewrite).toBe(
      'Delivered service by greeting and assisting each customer.',
    );
    // The "that" clause is no part of the main chain, but follows the writer's present into the past
    // as a whole (after5-133): "were ... and did not", never "were ... and do not".
    expect(past('I review and ensure that the documents are as per standards and do not violate regulations.').rewrite).toBe(
      'Reviewed and ensured that the documents were as per standards and did not violate regulations.',
    );
    expect(past('I am working on blocks like LDO to begin with.').rewrite).toBe('I am working on blocks like LDO to begin with.');
    expect(past('Secures insurance authorizations for services and updates account accordingly').rewrite).toBe(
      'Secured [N] insurance authorizations for services and updated account accordingly.',
    );
    expect(past('Responsible for ringing up customers quickly and guaranteeing high level of service').rewrite).toBe(
      'Rang up customers quickly and guaranteed high service levels.',
    );
  });

  it('uses the past for past roles', () => {
    expect(past('Maintain & update the premise lease agreement').rewrite).toBe(
      'Maintained & updated the premise lease agreement.',
    );
    expect(past('Sending messages to 3 clinics in Clinicare.').rewrite).toBe('Sent messages to 3 clinics in Clinicare.');
  });

  it('leaves nouns that look like verbs alone', () => {
    expect(past('Manage escalated risks and issues with the Program Lead.').rewrite).toBe(
      'Managed [N] escalated risks and issues with the Program Lead.',
    );
    expect(past('Facilitating recruitment and training for the process.').rewrite).toBe(
      'Facilitated recruitment and training for the process.',
    );
  });

  it('re-inflects a list of verbs but not a list of plural nouns', () => {
    expect(present('Initiates, updates and closes out files, records, and reports on 3 fleets').rewrite).toBe(
      'Initiate, update and close out files, records, and reports on 3 fleets.',
    );
    expect(present('Maintains all files and records for 24 aircraft').rewrite).toBe(
      'Maintain all files and records for 24 aircraft.',
    );
    expect(past('Forecasting hiring requirements and completing the hiring for 2 sites').rewrite).toBe(
      'Forecasted hiring requirements and completed the hiring for 2 sites.',
    );
  });

  it('never writes a verb form that reads as a tool name', () => {
    expect(present('Excelled in a fast-paced role').rewrite).not.toMatch(/^Excel\b/);
  });
});

describe('rewriteBullet: PM terms', () => {
  it('translates customer-service terms and lists each change', () => {
    const r = past('Resolved customer complaints escalated by supervisors and answered billing inquiries.');
    expect(r.rewrite).toBe('Resolved [N] customer complaints escalated by supervisors and answered billing requests.');
    expect(r.changes).toEqual(
      expect.arrayContaining([{ rule: 'term-map:inquiries-to-requests', from: 'inquiries', to: 'requests' }]),
    );
    const escalated = past('Handled escalated customer complaints and billing inquiries.');
    expect(escalated.rewrite).toBe('Handled [N] client escalations and billing requests.');
    expect(escalated.changes).toEqual(
      expect.arrayContaining([
        { rule: 'term-map:complaints-to-escalations', from: 'escalated customer complaints', to: 'client escalations' },
      ]),
    );
  });

  it('reads complaints as escalations only where they were escalated or handled as cases (issue 15)', () => {
    expect(past('Resolved customer complaints by exchanging merchandise and refunding money.').rewrite).toContain(
      'customer complaints',
    );
    expect(past('Investigated and documented complaints as cases for the quality team.').rewrite).toContain('escalations');
  });

  it('keeps "inquiries" where "requests" reads worse (issue 15)', () => {
    expect(past('Answered inquiries about HR policies').rewrite).toBe('Answered [N] inquiries about HR policies.');
    expect(past('Answered billing inquiries from members').rewrite).toContain('billing requests');
  });

  it('keeps metric acronyms as written and explains them', () => {
    expect(past('Kept CSAT at 92% and AHT under 6 minutes').rewrite).toBe(
      'Kept stakeholder satisfaction (CSAT) at 92% and cycle time (AHT) under 6 minutes.',
    );
  });

  it('says clients only where the context supports it', () => {
    expect(past('Built relationships with customers to understand their needs').rewrite).toContain('with [N] clients');
    expect(past('Helped customers in the store find merchandise').rewrite).toContain('customers');
  });

  it('reads "trained new hires" as onboarding', () => {
    expect(past('Trained new hires on 4 systems').rewrite).toBe('Onboarded and trained new hires on 4 systems.');
  });
});

describe('rewriteBullet: slots', () => {
  it('adds a count slot with its question when the bullet has no number', () => {
    const r = past('Answered inbound calls for the billing department');
    expect(r.rewrite).toBe('Answered [N] inbound calls for the billing department.');
    expect(r.slots).toEqual([{ token: '[N]', question: 'How many calls did you handle per day?' }]);
  });

  it('adds an outcome slot after the object of an improvement verb', () => {
    const r = past('Improved customer satisfaction through weekly coaching');
    expect(r.rewrite).toBe('Improved customer satisfaction by [X%] through weekly coaching.');
    expect(r.slots[0]?.token).toBe('[X%]');
  });

  it('adds no slot when the bullet already has a number, or where a count would not fit', () => {
    expect(past('Answered 60 inbound calls per day').slots).toEqual([]);
    expect(past("Answered customers' questions at the front desk").slots).toEqual([]);
  });
});

describe('rewriteBullet: grammar and tidying', () => {
  it('joins sentences into one, removes doubled words and a dangling "and"', () => {
    expect(past('Redesigned every form.Increased product sales by 53% within first quarter').rewrite).toBe(
      'Redesigned every form; increased product sales by 53% within first quarter.',
    );
    expect(past('Managed a team size of of 91 agents').rewrite).toBe('Managed a team size of 91 agents.');
    expect(past('Processed returns and exchanges and').rewrite).toBe('Processed [N] returns and exchanges.');
  });

  it('removes mojibake and bullet glyphs', () => {
    expect(past('Â· Worked as a claims examiner for 2 plans.Â').rewrite).toBe('Served as a claims examiner for 2 plans.');
  });

  it('returns an empty rewrite for an empty bullet', () => {
    expect(past('   ').rewrite).toBe('');
  });
});

describe('scoring', () => {
  it('rewards a strong verb, numbers, outcome and PM terms', () => {
    const weak = scoreBullet('Responsible for phones', lex);
    const strong = scoreBullet('Coordinated 40 client requests per day to cut escalations by 20%', lex);
    expect(weak.total).toBeLessThan(20);
    expect(strong.total).toBeGreaterThanOrEqual(85);
    expect(strong.quantification).toBe(20);
  });

  it('raises the score of a weak bullet and never lowers a good one', () => {
    const r = past('Responsible for handling customer complaints');
    expect(r.scoreAfter).toBeGreaterThan(r.scoreBefore);
    const good = past('Reduced average handle time by 12% in 2 quarters');
    expect(good.scoreAfter).toBeGreaterThanOrEqual(good.scoreBefore);
  });
});
