import { describe, expect, it } from 'vitest';
import { readResumeText } from '../../src/pipeline/read/build-document.js';

const limits = { maxTextChars: 200_000, minTextChars: 20 };
const read = (text: string) => readResumeText(text, limits);

describe('structured fields', () => {
  const doc = read(
    [
      'Maria Lopez',
      'Austin, TX | (512) 555-0199 | maria.lopez@example.com | linkedin.com/in/marialopez | github.com/mlopez',
      'Experience',
      'Support Lead | Acme Corp | 2020 - Present',
      '• Ran the support queue for 40 agents',
      'Education',
      'Bachelor of Science in Business Administration, University of Texas, 2015',
      'Certifications',
      '• Project Management Professional (PMP) - PMI - 2021',
      '• Certified ScrumMaster',
      'Skills',
      'Tools: Zendesk, Salesforce, Excel',
      'Languages',
      'English (Native), Spanish (Fluent)',
    ].join('\n'),
  );

  it('reads contact details, each a span of the text', () => {
    expect(doc.contact.name?.text).toBe('Maria Lopez');
    expect(doc.contact.location?.text).toBe('Austin, TX');
    expect(doc.contact.phones.map((p) => p.text)).toEqual(['(512) 555-0199']);
    expect(doc.contact.emails.map((e) => e.text)).toEqual(['maria.lopez@example.com']);
    expect(doc.contact.links.map((l) => [l.kind, l.text])).toEqual([
      ['linkedin', 'linkedin.com/in/marialopez'],
      ['github', 'github.com/mlopez'],
    ]);
    for (const f of [doc.contact.name!, ...doc.contact.phones, ...doc.contact.emails]) expect(doc.text.slice(f.start, f.end)).toBe(f.text);
  });

  it('reads education, certifications with PM credentials, skills and languages', () => {
    expect(doc.education).toMatchObject([
      { degree: { text: 'Bachelor of Science' }, field: { text: 'Business Administration' }, institution: { text: 'University of Texas' }, endDate: '2015' },
    ]);
    expect(doc.certifications.map((c) => [c.name.text, c.issuer?.text, c.date, c.credential])).toEqual([
      ['Project Management Professional (PMP)', 'PMI', '2021', 'PMP'],
      ['Certified ScrumMaster', undefined, undefined, 'CSM'],
    ]);
    expect(doc.skills.map((s) => s.text)).toEqual(['Zendesk', 'Salesforce', 'Excel']);
    expect(doc.languages.map((l) => [l.name.text, l.level?.text])).toEqual([
      ['English', 'Native'],
      ['Spanish', 'Fluent'],
    ]);
  });

  it('recognises PM credentials outside a certifications section, but not one being pursued', () => {
    expect(read('Summary\nPRINCE2 Practitioner and CAPM holder leading service teams.\nExperience\nAgent 2019 - 2020').certifications.map((c) => c.credential)).toEqual(['PRINCE2', 'CAPM']);
    expect(read('Summary\nCurrently pursuing the PMP certification.\nExperience\nAgent 2019 - 2020').certifications).toEqual([]);
  });
});

describe('PM credential spellings', () => {
  it.each([
    ['PMP certified', 'PMP'],
    ['Certified Associate in Project Management', 'CAPM'],
    ['Professional Scrum Master I', 'PSM'],
    ['PSM II', 'PSM'],
    ['Certified Scrum Master (CSM)', 'CSM'],
    ['PRINCE 2 Foundation', 'PRINCE2'],
    ['Google Project Management Certificate', 'Google PM'],
  ])('%s -> %s', (line, credential) => {
    const doc = readResumeText(`Certifications\n${line}\nExperience\nAgent 2019 - 2020`, limits);
    expect(doc.certifications.map((c) => c.credential)).toEqual([credential]);
  });
});
