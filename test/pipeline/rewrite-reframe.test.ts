// Issue 15: the rules that restructure a bullet (slots as questions, buried objects, the work before
// the tool, PM wording). Each rule is checked where it applies and where it must not, and every
// rewrite here passes the same honesty checks as the property tests.
import { describe, expect, it } from 'vitest';
import { rewriteBullet } from '../../src/pipeline/rewrite/rewrite-bullet.js';
import { loadLexicon } from '../../src/taxonomy/load-lexicon.js';
import { grammarViolations, honestyViolations } from './rewrite-honesty.js';

const lex = loadLexicon('data/rewrite-lexicon.yaml');
const rewrite = (text: string, tense: 'past' | 'present' = 'past') => {
  const r = rewriteBullet(text, { tense }, lex);
  expect(honestyViolations(r, lex)).toEqual([]);
  expect(grammarViolations(r)).toEqual([]);
  for (const a of r.alternatives) expect(honestyViolations({ ...r, rewrite: a.rewrite, slots: a.slots }, lex)).toEqual([]);
  return r;
};

describe('count slots', () => {
  it.each([
    ['Managed multiple projects for the regional office', 'Managed [N] projects for the regional office.'],
    ['Led a team to deliver the website rollout', 'Led a team of [N] to deliver the website rollout.'],
    ['Documented, researched and resolved customer issues', 'Documented, researched and resolved [N] client issues.'],
    ['Staffed the front desk; answered incoming calls', 'Staffed the front desk; answered [N] incoming calls.'],
    ['Managed customer calls effectively and efficiently', 'Managed [N] customer calls effectively and efficiently.'],
    ['Scheduled daily appointments for the clinic', 'Scheduled [N] daily appointments for the clinic.'],
  ])('%s', (input, expected) => {
    const r = rewrite(input);
    expect(r.rewrite).toBe(expected);
    expect(r.slots.map((s) => s.token)).toEqual(['[N]']);
  });

  it('keeps the writer\'s manner adverb and reads the verb after it', () => {
    expect(rewrite('Correctly received orders, processed payments and responded to guest concerns').rewrite).toBe(
      'Correctly received [N] orders, processed payments and responded to guest concerns.',
    );
    expect(rewrite('Accurately documents and resolves customer service issues', 'present').rewrite).toBe(
      'Accurately document and resolve [N] customer service issues.',
    );
    // An -ly word before an -ing form or a noun is not an adverb before a verb.
    expect(rewrite('Friendly greeting of all visitors').slots).toEqual([]);
  });

  it('logs a vague count it stands in for, and offers the bullet without the slot', () => {
    const r = rewrite('Coordinated several events for the school');
    expect(r.changes).toContainEqual({ rule: 'slot:projects', from: 'several', to: '[N]' });
    expect(rewrite('Coordinated several events for the school, 2 each term').rewrite).toBe('Coordinated several events for the school, 2 each term.');
  });

  it('counts the people or work served after "to", "for" or "with"', () => {
    expect(rewrite('Provide process training to new hires').rewrite).toBe('Provided process training to [N] new hires.');
    expect(rewrite('Prepare balance sheets for corporate clients', 'present').rewrite).toBe('Prepare balance sheets for [N] corporate clients.');
    expect(rewrite('Communicated with vendors regarding back orders').changes).toContainEqual({ rule: 'slot:clients', from: '', to: 'with [N]' });
    // "to" before a verb is an infinitive; "all", "their" already say how many or whose.
    expect(rewrite('Worked to retain customers looking to cancel').slots).toEqual([]);
    expect(rewrite('Cleaned rooms for all guests').slots).toEqual([]);
    // Bare walk-in customers after a preposition are padding, not scope; qualified ones are scope.
    expect(rewrite('Packaged take-out foods for customers').slots).toEqual([]);
    // A count of departments is not what was served (the grievances themselves are counted since after5).
    expect(rewrite('Referred unresolved grievances to designated departments').rewrite).not.toContain('[N] designated');
    expect(rewrite('Managed the boarding process for new customers').rewrite).toBe('Managed the boarding process for [N] new customers.');
    expect(rewrite('Liaised between clients and physicians').slots).toEqual([]);
  });

  it('counts the object of a second predicate after "and", and before a name the writer wrote', () => {
    expect(rewrite('Designed electronic file systems and maintained client accounts').rewrite).toBe(
      'Designed electronic file systems and maintained [N] client accounts.',
    );
    expect(rewrite('Answered Service Desk requests in a timely manner').rewrite).toBe('Answered [N] Service Desk requests promptly.');
    expect(rewrite('Evaluated the needs and led a team of Business Analysts').rewrite).toBe('Evaluated the needs and led a team of [N] Business Analysts.');
    // Not inside an infinitive or after a preposition: there "and" does not open a new predicate.
    expect(rewrite('Used humor to encourage and assist customers').slots).toEqual([]);
    expect(rewrite('Communicated with buyers on shipping statuses and expedited orders').rewrite).not.toContain('expedited [N]');
    // Not before an acronym or a particle.
    expect(rewrite('Install ULLS-A Servers for the fleet', 'present').slots).toEqual([]);
    expect(rewrite('Initiate, update and close out files', 'present').rewrite).not.toContain('[N] out');
  });

  it('asks for the number behind a volume the writer called high', () => {
    const r = rewrite('Effectively managed a high-volume of inbound and outbound customer calls');
    expect(r.rewrite).toBe('Managed a high-volume of inbound and outbound customer calls ([N] per day).');
    expect(r.changes).toContainEqual({ rule: 'slot:volume', from: '', to: '([N] per day)' });
    expect(r.alternatives.map((a) => a.rewrite)).toContain('Managed a high-volume of inbound and outbound customer calls.');
    expect(rewrite('Managed high call volume with tact and professionalism').rewrite).toBe('Managed high call volume ([N] per day) with tact and professionalism.');
    expect(rewrite('Handle high volume of inbound calls, and concluded the nature of calls').rewrite).toBe(
      'Handled high volume of inbound calls ([N] per day), and concluded the nature of calls.',
    );
    expect(rewrite('Managed a high volume of calls and resolved issues').rewrite).toBe('Managed a high volume of calls ([N] per day) and resolved issues.');
    // An adjective ("high-volume calls"), a list cut short or a stated number: no slot.
    expect(rewrite('Answered high-volume patient and provider calls').slots).toEqual([]);
    expect(rewrite('Managed a high volume of calls, emails and chats').slots).toEqual([]);
    expect(rewrite('Managed a high volume of calls (90 daily)').slots).toEqual([]);
  });

  it('puts no count where it would not count the noun', () => {
    expect(rewrite('Led a team leader meeting').rewrite).toBe('Led a team leader meeting.');
    expect(rewrite('Led a team of 5 agents').slots).toEqual([]);
    expect(rewrite('Handled staff, suppliers and budget').slots).toEqual([]);
    // A later clause that does not open with a verb gets none.
    expect(rewrite('Front desk work; customer calls').slots).toEqual([]);
  });
});

describe('outcome slots, only where the bullet describes an improvement', () => {
  it.each([
    ['Rearranged store displays, resulting in increased sales', 'Rearranged store displays, resulting in a [X%] increase in sales.'],
    ['Built spreadsheets that improved reporting accuracy', 'Built [N] spreadsheets that improved reporting accuracy by [X%].'],
    ['Renegotiated supplier terms, reducing costs for the store', 'Renegotiated supplier terms, reducing costs by [X%] for the store.'],
    ['Improved customer satisfaction', 'Improved customer satisfaction by [X%].'],
  ])('%s', (input, expected) => {
    const r = rewrite(input);
    expect(r.rewrite).toBe(expected);
    expect(r.slots.some((s) => s.token === '[X%]')).toBe(true);
  });

  it('gives a streamlining verb "cutting [metric] by [X%]", with a question for each slot', () => {
    const r = rewrite('Streamlining the returns process');
    expect(r.rewrite).toBe('Streamlined the returns process, cutting [metric] by [X%].');
    expect(r.slots.map((s) => s.token)).toEqual(['[metric]', '[X%]']);
    expect(r.alternatives).toContainEqual({ framing: 'no-placeholders', rewrite: 'Streamlined the returns process.', slots: [] });
  });

  it('adds none to a purpose: "to improve X" is an aim, and a size asked of it reads as a claimed result (eval after3)', () => {
    expect(rewrite('Redesigned the intake form to reduce errors').slots).toEqual([]);
    expect(rewrite('Coordinated the program to gain data consistency and improve data quality throughout the bank').slots).toEqual([]);
    // "[N] changes" is a count of the changes made (a count slot), not a size of their aim.
    expect(rewrite('Recommended changes to increase the accuracy, efficiency and responsiveness of the department').rewrite).not.toContain('[X%]');
    expect(rewrite('Up-sold desserts to increase restaurant profits').rewrite).not.toContain('[X%]');
  });

  it('adds none where the result is someone else\'s, already said, or numbered', () => {
    expect(rewrite('Trained staff on how to improve customer interactions').rewrite).not.toContain('[X%]');
    expect(rewrite('Coached agents to improve handle times').rewrite).not.toContain('[X%]');
    expect(rewrite('Trained agents to listen and improve handle times').rewrite).not.toContain('[X%]');
    expect(rewrite('Researched strategies to enhance client relationships').rewrite).not.toContain('[X%]');
    // "by [X%]" after a participle would read as its agent.
    expect(rewrite('Edited documents to improve acceptance of topics presented').rewrite).not.toContain('[X%]');
    expect(rewrite('Streamlined the returns process by removing a form').slots).toEqual([]);
    expect(rewrite('Streamlined the returns process for 3 stores').slots).toEqual([]);
    expect(rewrite('Reduced costs by renegotiating supplier terms').rewrite).toBe('Reduced costs by renegotiating supplier terms.');
  });
});

describe('restructuring', () => {
  it('moves a buried PM object forward behind its verb', () => {
    const r = rewrite('Responsible for client relationship management');
    expect(r.rewrite).toBe('Managed client relationships.');
    expect(r.changes).toContainEqual({ rule: 'buried-object', from: 'client relationship management', to: 'client relationships' });
    expect(rewrite('Claims processing for the Medicaid plans').rewrite).toBe('Processed [N] claims for the Medicaid plans.');
    expect(rewrite('Special order coordination for the deli counter').rewrite).toBe('Coordinated [N] special orders for the deli counter.');
  });

  it('leaves an object it does not know, and a bare heading, where they are', () => {
    expect(rewrite('Responsible for time management').rewrite).not.toMatch(/^Managed time\b\.?$/);
    expect(rewrite('Inventory management').rewrite).toBe('Inventory management.');
    expect(rewrite('Client relationship management of key accounts').changes.some((c) => c.rule === 'buried-object')).toBe(false);
  });

  it('turns a nominalization into its verb', () => {
    expect(rewrite('Induction of new hire associates to orient them about policies').rewrite).toBe(
      'Inducted [N] new hire associates to orient them about policies.',
    );
  });

  it('puts the work before the tool: "Used X to track Y" -> "Tracked Y using X"', () => {
    const r = rewrite('I also used a shared tracker to schedule the tasks for each individual.');
    expect(r.rewrite).toBe('Scheduled the tasks for each individual using a shared tracker.');
    expect(r.changes.some((c) => c.rule === 'use-to')).toBe(true);
    expect(rewrite('Use a checklist to verify new accounts', 'present').rewrite).toBe('Verify [N] new accounts using a checklist.');
  });

  it('keeps "used ... to" where the tool would attach to the wrong words', () => {
    expect(rewrite('Used humor to encourage and assist customers').rewrite).toBe('Used humor to encourage and assist customers.');
    expect(rewrite('Used my knowledge in order to perform duties').rewrite).toBe('Used my knowledge to perform duties.');
    expect(rewrite('Used a script to handle transfers, holds, and disconnects').rewrite).toBe('Used a script to handle transfers, holds, and disconnects.');
  });

  it('keeps one tense for a gerund list after a duty opener', () => {
    expect(rewrite('Activities include managing the budget, implementing and improving standard processes, and meeting commitments').rewrite).toBe(
      'Managed the budget, implemented and improved standard processes, and met commitments.',
    );
  });
});

describe('PM wording and skill claims', () => {
  it('says issues for problems that were resolved, team members for co-workers', () => {
    expect(rewrite('Resolved billing problems for account holders').rewrite).toBe('Resolved [N] billing issues for account holders.');
    expect(rewrite('Counselled families on behavior problems and resolved conflicts').rewrite).toContain('behavior problems');
    expect(rewrite('Helped with problems at the register').rewrite).toContain('problems');
    expect(rewrite('Communicated clearly with co-workers and management').rewrite).toBe('Communicated clearly with team members and management.');
  });

  it('says liaised for served as liaison, and keeps served as for other roles', () => {
    const r = rewrite('Served as liaison between customers, store personnel and store departments');
    expect(r.rewrite).toBe('Liaised between customers, store personnel and store departments.');
    expect(r.changes).toContainEqual({ rule: 'verb-map', from: 'Served as liaison', to: 'Liaised' });
    expect(rewrite('Served as point of contact for clients').rewrite).toBe('Served as point of contact for clients.');
  });

  it('leaves a skill claim before a nominalization as written (after-047)', () => {
    const r = rewrite('Efficient in registration of patients, verifying patient Demographics, entering data', 'present');
    expect(r.rewrite).toBe('Efficient in registration of patients, verifying patient Demographics, entering data.');
    expect(r.changes).toEqual([]);
  });
});

describe('errors the after2 readers found, and the rules that fix them', () => {
  it('reads a typo for "and" as the connector of the verb chain (after2-118)', () => {
    const r = rewrite('Open ans assign new client accounts');
    expect(r.rewrite).toBe('Opened and assigned [N] new client accounts.');
    expect(r.changes).toContainEqual({ rule: 'fix-typo', from: 'ans', to: 'and' });
    // Only a lower-case word standing alone between two words.
    expect(rewrite('Filed ANS reports').rewrite).toBe('Filed ANS reports.');
  });

  it('splits a glued list of gerund duties so each duty gets the tense (after2-023)', () => {
    expect(rewrite('Managing the budgets for Service Delivery Assessing the impacts of changes').rewrite).toBe(
      'Managed the budgets for Service Delivery; assessed the impacts of changes.',
    );
    expect(rewrite('Managing the budgets for Service Delivery Assessing the impacts of changes', 'present').rewrite).toBe(
      'Manage the budgets for Service Delivery; assess the impacts of changes.',
    );
    // An activity noun ("Training") or a line that does not open with a gerund is not split there.
    expect(rewrite('Managing the budgets for Service Delivery Training sessions').rewrite).toBe('Managed the budgets for Service Delivery Training sessions.');
  });

  it('puts "by [X%]" only where the improved thing has a measure (after2-143)', () => {
    expect(rewrite('Digitally manipulated images to improve quality as well as add artistic touch').slots).toEqual([]);
    expect(rewrite('Redesigned the routing to improve call flow').slots).toEqual([]);
    expect(rewrite('Improved call quality').rewrite).toBe('Improved call quality by [X%].');
    expect(rewrite('Revised the scripts, reducing handling errors').rewrite).toBe('Revised the scripts, reducing handling errors by [X%].');
  });

  it('asks the size of a stated result written as a noun', () => {
    expect(rewrite('Introduced new scripts leading to reduction in call handling time').rewrite).toBe(
      'Introduced new scripts leading to a [X%] reduction in call handling time.',
    );
    expect(rewrite('Implemented changes resulting in improvement of the office layout').rewrite).not.toContain('[X%]');
  });
});

describe('a light verb before a buried object', () => {
  it('gives way to the verb of the nominalization', () => {
    const r = rewrite('Performed payment reconciliation & secured payment entry');
    expect(r.rewrite).toBe('Reconciled [N] payments & secured payment entry.');
    expect(r.changes).toContainEqual({ rule: 'buried-object', from: 'Performed payment reconciliation', to: 'Reconciled payments' });
    expect(rewrite('Provide client relationship management for key accounts', 'present').rewrite).toBe(
      'Manage client relationships for [N] key accounts.',
    );
    // An object the lexicon does not list, or a verb that is not light, stays.
    expect(rewrite('Performed time management').rewrite).toBe('Performed time management.');
    expect(rewrite('Led claims processing for the plans').rewrite).toBe('Led claims processing for the plans.');
  });
});

describe('a short label before the clause', () => {
  it('keeps the label and rewrites the clause after it; an achievement keeps the past', () => {
    const r = rewrite('Key Achievements: Was responsible for transitioning the process', 'present');
    expect(r.rewrite).toBe('Key Achievements: Transitioned the process.');
    expect(rewrite('Key Achievements: Successfully negotiated the contract extension').rewrite).toBe(
      'Key Achievements: Negotiated the contract extension.',
    );
    // A word the lexicon does not know is not capitalized: it could read as a name the writer did not write.
    expect(rewrite('Key Achievements: Successfully renegotiated the contract').rewrite).toBe('Key Achievements: renegotiated the contract.');
    // A label that is a name or a lower-case line is no label; the clause is left as written.
    expect(rewrite('Client: Intel USA I am currently being trained').rewrite).toBe('Client: Intel USA I am currently being trained.');
  });
});

describe('duties written as nouns become verbs', () => {
  it('turns a gerund before "of" into the verb', () => {
    const r = rewrite('Scheduling of trainings for the team members');
    expect(r.rewrite).toBe('Scheduled [N] trainings for the team members.');
    expect(r.changes).toContainEqual({ rule: 'noun-to-verb', from: 'Scheduling of', to: 'Scheduled' });
    expect(rewrite('Setting up of the intake process for new accounts', 'present').rewrite).toBe('Set up the intake process for [N] new accounts.');
  });

  it('keeps it where the verb takes no object or a name follows', () => {
    expect(rewrite('Meeting of the regional managers').rewrite).toBe('Meeting of the regional managers.');
    expect(rewrite('Scheduling of Events').rewrite).toBe('Scheduling of Events.');
  });
});

describe('after the after3 reading: more honest counts and verbs', () => {
  it('asks no count where the writer spelled one out', () => {
    expect(rewrite('Trained two new hires on the register').rewrite).toBe('Trained two new hires on the register.');
    expect(rewrite('Planned, organized and led seven recovery missions').rewrite).toBe('Planned, organized and led seven recovery missions.');
    // "one" counts nothing in "one-on-one": the slot still goes where a number belongs.
    expect(rewrite('Coached agents in one-on-one sessions').rewrite).toBe('Coached [N] agents in one-on-one sessions.');
  });

  it('counts the object after a particle, "other", an acronym or two modifiers joined by "and"', () => {
    expect(rewrite('Set up recruitment events for potential hires').rewrite).toBe('Set up [N] recruitment events for potential hires.');
    expect(rewrite('Guide and assist other workers while performing repair work').rewrite).toBe(
      'Guided and assisted [N] other workers while performing repair work.',
    );
    expect(rewrite('Processed RX refills for customers').rewrite).toBe('Processed [N] RX refills for customers.');
    expect(rewrite('Received and processed cash and credit payments for in-store purchases').rewrite).toBe(
      'Received and processed [N] cash and credit payments for in-store purchases.',
    );
  });

  it('counts the people served after "from", and a predicate after a comma', () => {
    expect(rewrite('Processed incoming correspondence from providers on claims issues').rewrite).toBe(
      'Processed incoming correspondence from [N] providers on claims issues.',
    );
    expect(rewrite('Coordinated daily operations, addressed and resolved customer complaints').rewrite).toBe(
      'Coordinated daily operations, addressed and resolved [N] customer complaints.',
    );
  });

  it('puts no count on walk-in people or across a verb chain', () => {
    expect(rewrite('Accepted payment from customers and made change').rewrite).toBe('Accepted payment from customers and made change.');
    expect(rewrite('Rang up customers in a timely manner').rewrite).toBe('Rang up customers promptly.');
    expect(rewrite('Assisted passengers while boarding the aircraft').rewrite).toBe('Assisted passengers while boarding the aircraft.');
    expect(rewrite('Expressed appreciation and invited clients to return').rewrite).toBe('Expressed appreciation and invited clients to return.');
  });

  it('turns two nominalizations before "of" into two verbs sharing the object', () => {
    const r = rewrite('Installation and maintenance of computer, security, and telecommunications systems');
    expect(r.rewrite).toBe('Installed and maintained computer, security, and telecommunications systems.');
    expect(r.changes).toContainEqual({ rule: 'noun-to-verb', from: 'Installation and maintenance of', to: 'Installed and maintained' });
    expect(rewrite('Training and development of new hires', 'present').rewrite).toBe('Train and develop [N] new hires.');
    // Before a name, the pair stays as written, never half-converted ("Planned and execution of").
    expect(rewrite('Planning and execution of Annual Events').rewrite).toBe('Planning and execution of Annual Events.');
  });
});

describe('a predicate after a comma', () => {
  it('gets the count, also after ", and" and after a preposition in the first predicate', () => {
    expect(rewrite('Determined staff promotions and demotions, and terminated employees when necessary').rewrite).toBe(
      'Determined staff promotions and demotions, and terminated [N] employees when necessary.',
    );
    expect(rewrite('Manage database functions for health screenings, resolve screening issues and maintain member accounts', 'present').rewrite).toBe(
      'Manage database functions for health screenings, resolve [N] screening issues and maintain member accounts.',
    );
  });

  it('not after "to" + verb or a subordinator, nor on an -ed word in a list of nouns', () => {
    expect(rewrite('Used humor to encourage and assist customers').rewrite).toBe('Used humor to encourage and assist customers.');
    expect(rewrite('Ensured that staff followed procedures, trained new hires').rewrite).toBe('Ensured that staff followed procedures, onboarded and trained new hires.');
    // A subordinator is no modifier of the counted noun ("[N] that staff" was written before).
    expect(rewrite('Ensured that staff followed procedures').rewrite).toBe('Ensured that staff followed procedures.');
  });
});

describe('what the after4 blind reading found', () => {
  it('maps customers to clients in the whole bullet or nowhere (after4-060)', () => {
    expect(rewrite('Set up new customer accounts, while entering customer information and scheduling installation').rewrite).toBe(
      'Set up new customer accounts, while entering customer information and scheduling installation.',
    );
    expect(rewrite('Managed customer accounts and resolved billing issues for customers').rewrite).toBe(
      'Managed [N] client accounts and resolved billing issues for clients.',
    );
    // "customer service" names a field, not the people served: it does not hold the map back.
    expect(rewrite('Handled customer service tasks and maintained customer accounts').rewrite).toContain('client accounts');
  });

  it('puts no count on a catch-all duty (after4-019)', () => {
    expect(rewrite('Support special projects and other duties as assigned').rewrite).toBe('Supported special projects and other duties as assigned.');
    expect(rewrite('Worked special projects as assigned by management').rewrite).toBe('Worked special projects as assigned by management.');
    expect(rewrite('Supported special projects for the regional director').rewrite).toContain('[N] special projects');
  });

  it('splits off a clause with its own subject after "and" when the opener becomes a verb (after4-100)', () => {
    const text = "Responsible for the team's performance and it's a part of my goal to meet the SLA's";
    expect(rewrite(text).rewrite).toBe("Managed the team's performance; it's a part of my goal to meet the SLA's.");
    expect(rewrite('Responsible for the store and its staff').rewrite).toBe('Managed the store and its staff.');
  });
});

describe('the means before the result (means-first)', () => {
  it.each([
    ['Identified chronic customer issues by creating and maintaining a complaint log', 'Created and maintained a complaint log, identifying chronic client issues.'],
    ['Simplified engineer credit management by automating reminders', 'Automated reminders, simplifying engineer credit management.'],
    ['Created repeat business by developing long-term relationships with regular clients', 'Developed long-term relationships with [N] regular clients, creating repeat business.'],
    ['Built customer loyalty by resolving complaints, expediting orders, and locating discontinued items', 'Resolved [N] complaints, expedited orders, and located discontinued items, building customer loyalty.'],
  ])('%s', (input, expected) => {
    const r = rewrite(input);
    expect(r.rewrite).toBe(expected);
    expect(r.changes.some((c) => c.rule === 'means-first')).toBe(true);
  });

  it('keeps completed work in the past under the current role, and the role tense otherwise', () => {
    expect(rewrite('Delivered best practices by managing and reviewing technical operations', 'present').rewrite).toBe(
      'Managed and reviewed technical operations, delivering best practices.',
    );
    expect(rewrite('Identifies customer issues by maintaining a complaint log', 'present').rewrite).toBe('Maintain a complaint log, identifying client issues.');
  });

  it('offers the writer\'s result-first order as an alternative, at most two alternatives in all', () => {
    const r = rewrite('Created repeat business by developing long-term relationships with regular customers');
    expect(r.alternatives.map((a) => [a.framing, a.rewrite])).toEqual([
      ['result-first', 'Created repeat business by developing long-term relationships with regular clients.'],
      ['own-terms', 'Developed long-term relationships with [N] regular customers, creating repeat business.'],
    ]);
    // Without a reordering there is no result-first framing.
    expect(rewrite('Answered service requests in a timely manner').alternatives.map((a) => a.framing)).not.toContain('result-first');
  });

  it('drops a filler adverb that now opens the clause and keeps a manner adverb', () => {
    expect(rewrite('Improved service capacity by efficiently resolving customer complaints').rewrite).toMatch(/^Efficiently resolved .*, improving service capacity/);
    expect(rewrite('Maintained order by actively monitoring the floor').rewrite).toBe('Monitored the floor, maintaining order.');
    expect(rewrite('Maintained order by closely monitoring the floor').rewrite).toBe('Closely monitored the floor, maintaining order.');
  });

  it.each([
    // A pronoun would come before the noun it points to.
    'Built customer confidence by listening to their concerns and giving feedback',
    // A subordinate clause: the participle after it would attach to the wrong verb.
    'Built customer loyalty by placing follow-up calls for customers who reported product issues',
    // A purpose clause in the means.
    'Developed productivity by arranging meetings to talk about accomplishments',
    // "Helped" never becomes a verb of ownership at the front.
    'Sparked imagination by helping children discover new things',
    // The "by" phrase belongs to the second verb only.
    'Resolved complaints and expedited orders by calling vendors',
    // A strong verb is not traded for a plain one ("Greeted and assisted ..., delivering").
    'Delivered excellent customer service by greeting and assisting each customer',
    // A light verb carries no result of its own.
    'Provided support by answering calls',
    // "to" in the object: the result has a purpose of its own.
    'Increased loyalty to the casino by attracting new players',
  ])('stays: %s', (input) => {
    expect(rewrite(input).changes.some((c) => c.rule === 'means-first')).toBe(false);
  });
});

describe('plain wording and step openers', () => {
  it.each([
    ['Maintained a high level of customer service at the front desk', 'Maintained high customer service levels at the front desk.'],
    ['Answered service requests in a timely manner', 'Answered [N] service requests promptly.'],
    ['Processed all sales transactions accurately and in a timely fashion', 'Processed all sales transactions accurately and promptly.'],
    ['Communicated with the client on a regular basis for audit requirements', 'Communicated with the client regularly for audit requirements.'],
    ['Verified that standards were maintained on a daily basis', 'Verified that standards were maintained daily.'],
    ['Reviewed company policies in order to advise staff', 'Reviewed company policies to advise staff.'],
    ['Took necessary steps to meet customer needs and resolve service issues', 'Met client needs and resolved [N] service issues.'],
  ])('%s', (input, expected) => {
    expect(rewrite(input).rewrite).toBe(expected);
  });
});

describe('verbs added after the after4 reading keep a chain in one tense', () => {
  it('re-inflects "finish" and "upload" with the verb before them', () => {
    expect(rewrite('Clean and finish sub-assemblies using hand tools').rewrite).toBe('Cleaned and finished sub-assemblies using hand tools.');
    expect(rewrite('Installed the servers and uploaded a new program', 'present').rewrite).toBe('Install the servers and upload a new program.');
  });

  it('reads them as nouns away from the verbs unless a determiner follows', () => {
    expect(rewrite('Order tools and paint').rewrite).toBe('Ordered tools and paint.');
  });
});

describe('after the after5 reading: counts of project objects', () => {
  it.each([
    ['Managed third-party implementations for the clinic', 'Managed [N] third-party implementations for the clinic.'],
    ['Recommended process changes to the billing team', 'Recommended [N] process changes to the billing team.'],
    ['Completed weekly schedules for the front desk', 'Completed [N] weekly schedules for the front desk.'],
    ['Extended customer subscriptions over the phone', 'Extended [N] customer subscriptions over the phone.'],
    ['Drafted employee announcements and newsletters', 'Drafted [N] employee announcements and newsletters.'],
    ['Tutored language learners', 'Tutored [N] language learners.'],
    ['Identified project risks early', 'Identified [N] project risks early.'],
    ['Resolved customer queries by phone', 'Resolved [N] customer queries by phone.'],
    ['Wrote RFIs for the site team', 'Wrote [N] RFIs for the site team.'],
    // A grievance referred on for investigation is an escalation, as a complaint is.
    ['Referred unresolved grievances to the right department for investigation', 'Referred [N] unresolved escalations to the right department for investigation.'],
    ['Organized file systems and maintained electronic and paper files', 'Organized file systems and maintained [N] electronic and paper files.'],
    ['Documented patient records on intake sheets', 'Documented [N] patient records on intake sheets.'],
    ['Designed and implemented customer satisfaction metrics', 'Designed and implemented [N] customer satisfaction metrics.'],
    ['Developed new recipes for the seasonal menu', 'Developed [N] new recipes for the seasonal menu.'],
    // A vague count further into the clause is a question too.
    ['Balanced the needs of multiple shoppers at the counter', 'Balanced the needs of [N] shoppers at the counter.'],
    ['Prepared meals to order, working on several different orders at once', 'Prepared meals to order, working on [N] different orders at once.'],
    // Three modifiers before the counted noun.
    ['Trained new desktop support technicians in company operations', 'Trained [N] new desktop support technicians in company operations.'],
  ])('%s', (input, expected) => {
    expect(rewrite(input).rewrite).toBe(expected);
  });

  it.each([
    // A count already said in words: "both", "either" are no modifiers before the counted noun.
    'Worked with both teams to meet milestones',
    // Following or enforcing procedures, or navigating systems, counts nothing a recruiter weighs.
    'Enforced safety procedures in the warehouse',
    'Navigated computer systems to locate customer data',
    // A counted noun heading a list ("files, records, and reports") gets no count: one cannot cover it,
    // though "records" is also a verb form.
    'Close out files, records, and reports on schedule',
    // The tools of the work are no scope.
    'Researched product lines using various programs',
    // People the verb served, not a modifier of what was counted.
    'Offered parents detailed daily reports on their child',
  ])('no count: %s', (input) => {
    expect(rewrite(input).slots).toEqual([]);
  });
});

describe('a light verb before the noun of an act (noun-act)', () => {
  it.each([
    ['Provide explanation of letters sent to the customer', 'Explained letters sent to the customer.'],
    ['Performed maintenance of the fleet and repaired engines', 'Maintained the fleet and repaired engines.'],
    ['Conducted an investigation into billing errors', 'Investigated billing errors.'],
    ['Gave a presentation to the board', 'Presented to the board.'],
    ['Provided guidance to new employees', 'Guided [N] new employees.'],
  ])('%s', (input, expected) => {
    const r = rewrite(input);
    expect(r.rewrite).toBe(expected);
    expect(r.changes.some((c) => c.rule === 'noun-act')).toBe(true);
  });

  it('never makes a purpose the object of a mapped opener', () => {
    expect(rewrite('Provided training to improve call quality').rewrite).toBe('Provided training to improve call quality.');
  });

  it('keeps the tense of the role and the verbs of support', () => {
    expect(rewrite('Provide support for executive-level staff', 'present').rewrite).toBe('Support [N] executive-level staff.');
  });

  it.each([
    // A modifier before the noun would be lost.
    'Provided technical support to incoming callers',
    'Performed minor maintenance on equipment',
    // "to" + a verb is a purpose, not the act's object.
    'Provided training to improve call quality',
    // A word after the noun that the lexicon does not list for it.
    'Provided support services in the ward',
    // "Trained on benefits" would read as being trained: "on" is kept only where the act's verb reads so.
    'Provided guidance on benefits to employees',
  ])('stays: %s', (input) => {
    expect(rewrite(input).changes.some((c) => c.rule === 'noun-act')).toBe(false);
  });
});

describe('a "that/which" clause follows its main verb into the past (after5-133)', () => {
  it.each([
    ['Process incoming correspondence on claims issues that need to be resolved', 'Processed incoming correspondence on claims issues that needed to be resolved.'],
    ['Review and ensure that the documents are as per standards and do not violate any regulations', 'Reviewed and ensured that the documents were as per standards and did not violate any regulations.'],
    ['Manage the team that handles escalations', 'Managed the team that handled escalations.'],
  ])('%s', (input, expected) => {
    expect(rewrite(input).rewrite).toBe(expected);
  });

  it('leaves the writer\'s own tenses and the current role as written', () => {
    // The writer chose the past for the main verb: the clause keeps its present.
    expect(rewrite('Processed claims that are pending').rewrite).toBe('Processed [N] claims that are pending.');
    expect(rewrite('Process claims that are pending', 'present').rewrite).toBe('Process [N] claims that are pending.');
    // "needs" after other words is a noun, and a noun-like verb right after "that" is its subject.
    expect(rewrite('Ensure that the technology needs are the primary focus').rewrite).toBe('Ensured that the technology needs were the primary focus.');
    expect(rewrite('Organize files that staff use daily').rewrite).toBe('Organized [N] files that staff use daily.');
  });
});

describe('verbs and nominalizations added after the after5 reading', () => {
  it.each([
    ['Sweep and wash the floors', 'Swept and washed the floors.'],
    ['Up-sell desserts and drinks', 'Up-sold desserts and drinks.'],
    ['Contract interpretation to validate payment logic', 'Interpreted [N] contracts to validate payment logic.'],
  ])('%s', (input, expected) => {
    expect(rewrite(input).rewrite).toBe(expected);
  });
});
