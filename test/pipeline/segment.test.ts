import { describe, expect, it } from 'vitest';
import { normalizeDate, segmentResume } from '../../src/pipeline/read/segment.js';

describe('normalizeDate', () => {
  it.each([
    ['06/2012', '2012-06'],
    ['6/2012', '2012-06'],
    ['March 2011', '2011-03'],
    ['Jul. 2019', '2019-07'],
    ['Sept 2020', '2020-09'],
    ['2019', '2019'],
    ['13/2012', '2012'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeDate(raw)).toBe(expected);
  });
});

const LIVECAREER = [
  'CUSTOMER SERVICE REPRESENTATIVE',
  'Summary',
  'Dedicated representative with 8 years in call centres.',
  'Highlights',
  'Multi-line phone talent',
  'Experience',
  'Customer Service Representative 08/2014 to Current Company Name City , State',
  'Answered 60 inbound calls a day.',
  'Trained new hires on the CRM.',
  'Company Name March 2011 to June 2011 Front Desk Clerk',
  'City , State',
  'Monitored multiline phones',
  'Education',
  'B.S. Business 2010 State University',
].join('\n');

describe('segmentResume', () => {
  const seg = segmentResume(LIVECAREER);

  it('finds the sections with their kinds, the untitled top as contact', () => {
    expect(seg.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['contact', ''],
      ['summary', 'Summary'],
      ['skills', 'Highlights'],
      ['experience', 'Experience'],
      ['education', 'Education'],
    ]);
  });

  it('reads roles on either side of the dates, with normalized dates and current', () => {
    expect(seg.roles).toMatchObject([
      { title: 'Customer Service Representative', organization: 'Company Name', location: 'City , State', startDate: '2014-08', current: true },
      { title: 'Front Desk Clerk', organization: 'Company Name', location: 'City , State', startDate: '2011-03', endDate: '2011-06', current: false },
    ]);
    expect(seg.roles[0]!.endDate).toBeUndefined();
  });

  it('makes every content line a bullet tied to its section and role, never a role header', () => {
    const texts = seg.bullets.map((b) => [b.text, b.section, b.roleIndex]);
    expect(texts).toEqual([
      ['Dedicated representative with 8 years in call centres.', 'summary', undefined],
      ['Multi-line phone talent', 'skills', undefined],
      ['Answered 60 inbound calls a day.', 'experience', 0],
      ['Trained new hires on the CRM.', 'experience', 0],
      ['Monitored multiline phones', 'experience', 1],
      ['B.S. Business 2010 State University', 'education', undefined],
    ]);
    seg.bullets.forEach((b, i) => {
      expect(b.id).toBe(`b${i + 1}`);
      expect(LIVECAREER.slice(b.start, b.end)).toBe(b.text);
    });
  });

  it('takes the title from the line above a dates-only line and the org after a comma', () => {
    const s = segmentResume('Experience\nAlpine Technologies, Director of Operations\nJul. 2019 – Current\nManage four office locations');
    expect(s.roles).toMatchObject([{ title: 'Director of Operations', organization: 'Alpine Technologies', startDate: '2019-07', current: true }]);
    expect(s.bullets.map((b) => b.text)).toEqual(['Manage four office locations']);
  });

  it('reads "Title | Org | dates" and an org/location line', () => {
    const s = segmentResume('Work Experience:\nSupport Lead | Acme Corp | 2020 - Present\n• Ran the queue\nShift Supervisor Jan 2018 - Dec 2019\nBestMart • Austin, TX\n• Scheduled staff');
    expect(s.roles).toMatchObject([
      { title: 'Support Lead', organization: 'Acme Corp', startDate: '2020', current: true },
      { title: 'Shift Supervisor', organization: 'BestMart', location: 'Austin, TX', startDate: '2018-01', endDate: '2019-12' },
    ]);
    expect(s.bullets.map((b) => [b.text, b.roleIndex])).toEqual([
      ['Ran the queue', 0],
      ['Scheduled staff', 1],
    ]);
  });

  it('warns when there is no experience section or no heading at all', () => {
    expect(segmentResume('Jane Doe\nLikes people').warnings.map((w) => w.code)).toEqual(['NO_SECTIONS', 'NO_EXPERIENCE_SECTION']);
  });
});

describe('segmentResume on real LiveCareer layouts', () => {
  it('reads the title above a "dates Company Name : City , State" line and the title after a dates-only line', () => {
    const s = segmentResume(
      'Experience\nGeneral Manager\nMarch 2011 to January 2014 Company Name : City , State\nRan two engagements.\n07/2016 to 11/2016\nCustomer Services Company Name : City , State\nSupported calls.',
    );
    expect(s.roles).toMatchObject([
      { title: 'General Manager', organization: 'Company Name', startDate: '2011-03', endDate: '2014-01' },
      { title: 'Customer Services', organization: 'Company Name', startDate: '2016-07', endDate: '2016-11' },
    ]);
    expect(s.bullets.map((b) => b.text)).toEqual(['Ran two engagements.', 'Supported calls.']);
  });

  it('splits two bullets glued by the PDF and a paragraph into sentences, offsets intact', () => {
    const text =
      'Experience\nCashier 01/2012 to 08/2012 Company Name City , State\nServed fresh food with a smile.Resolved guest complaints promptly.\nAttended training seminars Promoted a positive work atmosphere\nI managed the in-house team. We gathered business requirements.';
    const s = segmentResume(text);
    expect(s.bullets.map((b) => [b.text, b.kind])).toEqual([
      ['Served fresh food with a smile.', 'bullet'],
      ['Resolved guest complaints promptly.', 'bullet'],
      ['Attended training seminars', 'bullet'],
      ['Promoted a positive work atmosphere', 'bullet'],
      ['I managed the in-house team.', 'sentence'],
      ['We gathered business requirements.', 'sentence'],
    ]);
    for (const b of s.bullets) expect(text.slice(b.start, b.end)).toBe(b.text);
  });
});

describe('segmentResume on template layouts (moderncv, open-resume)', () => {
  it('reads moderncv placeholder headers as roles with no dates, margin labels and periods left out', () => {
    const text = [
      'Experience',
      'Vocational year–year Job title, Employer, City.',
      'General description no longer than 1–2 lines.',
      'Job title, Employer, City. year–year',
      'Description line 1',
      'Miscellaneous',
      'year–year Job title, Employer, City.',
      'Description',
    ].join('\n');
    const s = segmentResume(text);
    expect(s.roles).toHaveLength(3);
    for (const r of s.roles) {
      expect(r).toMatchObject({ title: 'Job title', organization: 'Employer', location: 'City', current: false });
      expect(r.startDate).toBeUndefined();
      expect(text.slice(r.start, r.end)).toContain('Job title, Employer, City.');
    }
    expect(s.bullets.map((b) => b.text)).not.toContain('Job title, Employer, City.');
  });

  it('reads an employer line over a title line carrying the dates, neither with a title word', () => {
    const s = segmentResume('Experience\nEmployer City\nJob title year--year\nDescription line 1');
    expect(s.roles).toMatchObject([{ title: 'Job title', organization: 'Employer', location: 'City' }]);
  });

  it('keeps a heading word under a dated line as the title, and reads "Summer 2013, 2014" as a range', () => {
    const text = [
      'VOLUNTEER EXPERIENCE',
      'LionLike MindState, Pomona, CA June 2012 – Present',
      'Volunteer',
      'Plan two yearly outreach events',
      'YMCA, Pomona, CA Summer 2013, 2014',
      'Volunteer Swim Coach',
      'Instructed classes of up to 15 children',
      'ON CAMPUS INVOLVEMENT',
      'Enactus, University of La Verne August 2013 – Present',
      'Member',
      'Led groups of 9 junior high students',
    ].join('\n');
    const s = segmentResume(text);
    expect(s.sections.map((x) => x.heading)).toEqual(['VOLUNTEER EXPERIENCE', 'ON CAMPUS INVOLVEMENT']);
    expect(s.roles).toMatchObject([
      { title: 'Volunteer', organization: 'LionLike MindState', location: 'Pomona, CA', startDate: '2012-06', current: true },
      { title: 'Volunteer Swim Coach', organization: 'YMCA', startDate: '2013', endDate: '2014' },
      { title: 'Member', organization: 'Enactus, University of La Verne', startDate: '2013-08', current: true },
    ]);
    expect(s.bullets.map((b) => b.text)).toEqual([
      'Plan two yearly outreach events',
      'Instructed classes of up to 15 children',
      'Led groups of 9 junior high students',
    ]);
  });

  it('reads no role from dates under an awards-like heading', () => {
    const s = segmentResume('Accomplishments\nMay 1986 - June 2005\nMom to 3 daughters\nExperience\nCashier 01/2012 to 08/2012 Company Name City , State');
    expect(s.roles.map((r) => r.title)).toEqual(['Cashier']);
  });
});

describe('segmentResume splits more glue points seen in the dev corpus', () => {
  it.each([
    ['Responsible for BPO integration with total ACN Engagement Leadership Responsible for negotiation of change requests', ['Responsible for BPO integration with total ACN Engagement Leadership', 'Responsible for negotiation of change requests']],
    ['Planning Rewards and Recognition activities Sharing daily productivity updates with Manager.', ['Planning Rewards and Recognition activities', 'Sharing daily productivity updates with Manager.']],
    ['Managing the run estimates for Service Delivery Assessing the impacts of solution changes', ['Managing the run estimates for Service Delivery', 'Assessing the impacts of solution changes']],
    ['Resolved second-level service desk incidents Plan and manage program implementation', ['Resolved second-level service desk incidents', 'Plan and manage program implementation']],
    ['Supervised staff of 12-15 Coordinated daily operations', ['Supervised staff of 12-15', 'Coordinated daily operations']],
    ['Opened and closed the store Politely assisted customers in person', ['Opened and closed the store', 'Politely assisted customers in person']],
    ['Duration of project - 4 months This task was about the FBRX module', ['Duration of project - 4 months', 'This task was about the FBRX module']],
    ['Provided 50 meals daily for Homeless Outreach Program Completed 16 week training', ['Provided 50 meals daily for Homeless Outreach Program', 'Completed 16 week training']],
    ['Arranged lodging of Management Heads and guests Liaise with vendors for purchase orders', ['Arranged lodging of Management Heads and guests', 'Liaise with vendors for purchase orders']],
    ['WTR RX BBF in 28nm (TSMC) : Duration of project - 4 months I lead a team of 4', ['WTR RX BBF in 28nm (TSMC) : Duration of project - 4 months', 'I lead a team of 4']],
    ['Transitioned the process Was selected to pilot the process', ['Transitioned the process', 'Was selected to pilot the process']],
    ['␣ Item 3 ␣ Item 6', ['Item 3', 'Item 6']],
    ['Covered 6 months Jan to June', ['Covered 6 months Jan to June']],
    ['Also Managed the Data Entry towers', ['Also Managed the Data Entry towers']],
    ['Built digital Marketing campaigns for Quality Monitoring Analysts', ['Built digital Marketing campaigns for Quality Monitoring Analysts']],
    // Issue 13, third pass: a space before a sentence's period, a run-in subheading, a verb after a
    // parenthesis, and the noun-like verbs after a plural before a preposition.
    ['Kept it current by creating new space . Run weekly reports for the Sports Complex.', ['Kept it current by creating new space .', 'Run weekly reports for the Sports Complex.']],
    ['Created a winning solution P&L Responsibilities for the account', ['Created a winning solution', 'P&L Responsibilities for the account']],
    ['Enabled deployment of resources in BPS North America Responsibilities:', ['Enabled deployment of resources in BPS North America']],
    ['Supported Geo Sales teams Key Achievements: Engagement chosen as the best deal', ['Supported Geo Sales teams', 'Engagement chosen as the best deal']],
    ['Key Achievements: Got promoted in 12 months of joining.', ['Got promoted in 12 months of joining.']],
    ['Work Location Hyderabad, India Responsibilities End to end Employee Relations', ['Work Location Hyderabad, India', 'Responsibilities End to end Employee Relations']],
    ['Maintained attrition limits (stay interviews) Building Employee Connect through CSR initiatives', ['Maintained attrition limits (stay interviews)', 'Building Employee Connect through CSR initiatives']],
    ['Submitted findings along with recommendations Support in carrying out surveys', ['Submitted findings along with recommendations', 'Support in carrying out surveys']],
    ['Participate in solution design processes Work in close coordination with sales', ['Participate in solution design processes', 'Work in close coordination with sales']],
    ['Core Accomplishments', ['Core Accomplishments']],
    ['Roles and Responsibilities include hiring', ['Roles and Responsibilities include hiring']],
    ['Provided customer Support to 200 users', ['Provided customer Support to 200 users']],
    ['(Remote) Managing a team of 4', ['(Remote) Managing a team of 4']],
    ["Ensured safety according to company policies; Answered passengers' questions", ['Ensured safety according to company policies;', "Answered passengers' questions"]],
    ['Managed a crew of five; performing all duties', ['Managed a crew of five; performing all duties']],
    // Fourth pass: a noun that opens an item, a noun-like verb after a name, a bullet stopping on a
    // preposition, list entries closed by their date ranges, an -ing verb after a singular word.
    ['Managed administrative tasks Mastery of customer service systems', ['Managed administrative tasks', 'Mastery of customer service systems']],
    ['Developed knife skills Exposure to all aspects of kitchen operations', ['Developed knife skills', 'Exposure to all aspects of kitchen operations']],
    ['Resolved issues quickly and efficiently Recipient of multiple positive reviews', ['Resolved issues quickly and efficiently', 'Recipient of multiple positive reviews']],
    ['Led Employee Relations activities Induction of new hire associates', ['Led Employee Relations activities', 'Induction of new hire associates']],
    ['Resolved customer complaints Overall accountability for sales and cash', ['Resolved customer complaints', 'Overall accountability for sales and cash']],
    ['Provided a comfortable environment Up keep and maintenance of machines', ['Provided a comfortable environment', 'Up keep and maintenance of machines']],
    ['Initiated action for non-adherence to the Code of Conduct Address associate grievances by enquiry', ['Initiated action for non-adherence to the Code of Conduct', 'Address associate grievances by enquiry']],
    ['Handled daily paperwork and cooperated with Ensured superior customer experience', ['Handled daily paperwork and cooperated with', 'Ensured superior customer experience']],
    ['Wrote case studies for publication Supporting the development of a data system', ['Wrote case studies for publication', 'Supporting the development of a data system']],
    ['Establish account reviews with: Client and client account leadership Commercial directors Relevant executives in BPO Sales', ['Establish account reviews with: Client and client account leadership', 'Commercial directors', 'Relevant executives in BPO Sales']],
    // ... and the real phrases of the same shapes that must stay whole.
    ['Duties included: answering phones Monday through Friday', ['Duties included: answering phones Monday through Friday']],
    ['Other positions held within association: Senior Plan Information Specialist and Compliance Analyst', ['Other positions held within association: Senior Plan Information Specialist and Compliance Analyst']],
    ['Client: Qualcomm Pvt Ltd India worked on Layout tasks', ['Client: Qualcomm Pvt Ltd India worked on Layout tasks']],
    ['Worked with the state Department of Labor on claims', ['Worked with the state Department of Labor on claims']],
    ['Perform all Manager of Customer Support duties', ['Perform all Manager of Customer Support duties']],
    ['Supervised a Registered nurse and two aides', ['Supervised a Registered nurse and two aides']],
    ['Enforced the Code of Conduct across the floor', ['Enforced the Code of Conduct across the floor']],
    ['Configured IP Address ranges for branch offices', ['Configured IP Address ranges for branch offices']],
    ['Coordinated benefits with Managed care providers', ['Coordinated benefits with Managed care providers']],
    ['Partnered with Licensed practical nurses on intake', ['Partnered with Licensed practical nurses on intake']],
    ['I managed 4 projects at a time and Coordinated construction activities', ['I managed 4 projects at a time and Coordinated construction activities']],
    ['Was given a second Transitioning of the business', ['Was given a second Transitioning of the business']],
    ['Handled Key accounts worth $2M for the region', ['Handled Key accounts worth $2M for the region']],
  ])('%s', (line, expected) => {
    const text = `Experience\nCashier 01/2012 to 08/2012 Company Name City , State\n${line}`;
    const s = segmentResume(text);
    expect(s.bullets.map((b) => b.text)).toEqual(expected);
    for (const b of s.bullets) expect(text.slice(b.start, b.end)).toBe(b.text);
  });
});

describe('segmentResume splits list entries written on one line after their date ranges', () => {
  it('cuts after "MM/YYYY-MM/YYYY" when a capitalized entry follows, not at the line end', () => {
    const text =
      'Military Experience\nCompany Name December 1986 to May 1991 Aircraft Armament Systems Specialist (Weapons Specialist)\n' +
      'Weapons Specialist, United States Air Force, Lowry AFB, CO, 12/1986-05/1991 Special Forces, United States 101st Airborne Command, 01/1991-05/1991\n' +
      'Air Force Good Conduct Medal';
    const s = segmentResume(text);
    expect(s.bullets.map((b) => b.text)).toEqual([
      'Weapons Specialist, United States Air Force, Lowry AFB, CO, 12/1986-05/1991',
      'Special Forces, United States 101st Airborne Command, 01/1991-05/1991',
      'Air Force Good Conduct Medal',
    ]);
    for (const b of s.bullets) expect(text.slice(b.start, b.end)).toBe(b.text);
  });
});

describe('segmentResume leaves page furniture out of the units', () => {
  it('drops a page number alone on its line, keeps numbers inside bullets', () => {
    const text = 'Experience\nCashier 01/2012 to 08/2012 Company Name City , State\nServed 40 guests an hour\n1/4\nPage 2 of 3\n- 3 -\nTrained 5 new hires';
    const s = segmentResume(text);
    expect(s.bullets.map((b) => b.text)).toEqual(['Served 40 guests an hour', 'Trained 5 new hires']);
  });
});

describe('segmentResume on headers with real employer names (eval/reading/texts-roles.json layouts)', () => {
  const roles = (lines: string[]) => segmentResume(['Experience', ...lines, '- Answered calls'].join('\n')).roles;

  it('splits "Title dates Employer City , ST" at the dates and reads the city off the end', () => {
    expect(roles(['IT Business Analyst 06/2012 to 08/2017 Illinois Department of Central Management Services Springfield , IL'])).toMatchObject([
      { title: 'IT Business Analyst', organization: 'Illinois Department of Central Management Services', location: 'Springfield, IL', startDate: '2012-06', endDate: '2017-08' },
    ]);
    expect(roles(['Contact Center Team Lead 04/2019 to Present Prairie State Bank Des Moines , IA'])).toMatchObject([
      { title: 'Contact Center Team Lead', organization: 'Prairie State Bank', location: 'Des Moines, IA', current: true },
    ]);
    // A one-word title with no title word, and a city name inside the employer's name.
    expect(roles(['Concierge 03/2015 to 04/2019 Hotel Marisol Chicago Chicago , IL'])).toMatchObject([
      { title: 'Concierge', organization: 'Hotel Marisol Chicago', location: 'Chicago, IL' },
    ]);
    expect(roles(['Sales Associate / Key Holder 2016 to 2019 Harper & Vine Home Goods City , State'])).toMatchObject([
      { title: 'Sales Associate / Key Holder', organization: 'Harper & Vine Home Goods', location: 'City, State' },
    ]);
  });

  it('keeps a bracketed aside with the employer instead of dropping the header', () => {
    expect(roles(['IT Project Manager III 08/2017 to Present Illinois Department of Revenue (contract via Prairie State Consulting) Springfield , IL'])).toMatchObject([
      { title: 'IT Project Manager III', organization: 'Illinois Department of Revenue (contract via Prairie State Consulting)', location: 'Springfield, IL' },
    ]);
  });

  it('reads "Employer, City — Title (Mon YYYY – Mon YYYY)" with the title whole', () => {
    expect(roles(['Brandywine Valley Market, Newark, DE — Cashier, part-time (Jun 2016 – Jul 2019)'])).toMatchObject([
      { title: 'Cashier, part-time', organization: 'Brandywine Valley Market', location: 'Newark, DE', startDate: '2016-06', endDate: '2019-07' },
    ]);
    expect(roles(['Sunway Car Rental, Tampa — Area Manager (May 2020 – Present)'])).toMatchObject([
      { title: 'Area Manager', organization: 'Sunway Car Rental', location: 'Tampa', current: true },
    ]);
  });

  it('reads bars as field delimiters, so a slash or comma stays inside the title', () => {
    expect(roles(['Project Coordinator, Digital Commerce | Bluebonnet Outfitters | 2021 - Present'])).toMatchObject([
      { title: 'Project Coordinator, Digital Commerce', organization: 'Bluebonnet Outfitters' },
    ]);
  });

  it('takes the title from the line above "dates, Employer, City"', () => {
    expect(roles(['Chef de Cuisine', 'Feb 2021 - Present, Hearth & Holler, Asheville'])).toMatchObject([
      { title: 'Chef de Cuisine', organization: 'Hearth & Holler', location: 'Asheville', current: true },
    ]);
  });
});

describe('jobs right under the contact lines, with no heading of their own (held-out round 12)', () => {
  it('reads them as an untitled experience section, from the dated line', () => {
    const text = [
      'Tomas Ferris',
      'tferris@example.edu | Madison, WI',
      '',
      'Events Coordinator | Lakeshore College | 2018 - Present',
      '• Run nine conferences a year for up to 1,100 attendees.',
      '',
      'EDUCATION',
      'B.A. Communication, Fennimore College, 2015',
    ].join('\n');
    const seg = segmentResume(text);
    expect(seg.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['contact', ''],
      ['experience', ''],
      ['education', 'EDUCATION'],
    ]);
    expect(seg.roles.map((r) => r.title)).toEqual(['Events Coordinator']);
    expect(seg.warnings.map((w) => w.code)).not.toContain('NO_EXPERIENCE_SECTION');
    expect(text.slice(seg.sections[0]!.start, seg.sections[0]!.end)).toBe('Tomas Ferris\ntferris@example.edu | Madison, WI');
  });

  it('starts at the title right above the dates, never at the name or a contact line', () => {
    const text = [
      'Rosa Achter',
      'Tacoma, WA · r.achter@example.com',
      'Patient Access Supervisor',
      'Aug 2020 - Present, Puget Medical Group',
      '- Supervise registration for three clinics.',
      'SKILLS',
      'Epic',
    ].join('\n');
    const seg = segmentResume(text);
    expect(seg.sections.map((s) => s.kind)).toEqual(['contact', 'experience', 'skills']);
    expect(text.slice(seg.sections[1]!.start).startsWith('Patient Access Supervisor')).toBe(true);
    expect(seg.roles).toHaveLength(1);
  });

  it('leaves a text with no heading at all as one untitled section', () => {
    const seg = segmentResume('Ann Lee\nCashier | Shop | 2019 - 2021\n- Ran the register');
    expect(seg.sections.map((s) => s.kind)).toEqual(['other']);
  });
});
