// Titles, headers, date lines and contact lines are facts or structure, not bullets (issue 15): they are
// never rewritten and are reported in rewriteSkipped[] with the reason; real duty lines are not skipped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readResumeText } from '../../src/pipeline/read/build-document.js';
import { analyzeResume } from '../../src/pipeline/analyze.js';
import { rewriteResume } from '../../src/pipeline/rewrite/rewrite-bullet.js';
import { skipReason } from '../../src/pipeline/rewrite/skip-bullet.js';
import { loadLexicon } from '../../src/taxonomy/load-lexicon.js';
import { loadKnowledge } from '../../src/taxonomy/knowledge.js';

const lex = loadLexicon('data/rewrite-lexicon.yaml');

describe('skipReason', () => {
  it.each([
    ['Sr Appeal & Complaints Analysts', 'title'],
    ['Customer Service Agent', 'title'],
    ['Assistant Manager', 'title'],
    ['Project Engineer', 'title'],
    ['Air Force Training Ribbon', 'title'],
    ['COMMUNITY KITCHEN STUDENT', 'header'],
    ['Volunteer Experience:.', 'header'],
    ['Company Name City , State Independent Consultant', 'header'],
    ['February 2014 Company Name - City , State', 'header'],
    ['January 2014', 'date'],
    ['03/2019 to Current', 'date'],
    ['June 2012 - Present', 'date'],
    ['jane.doe@example.com', 'contact'],
    ['Phone: (555) 123-4567', 'contact'],
    ['7.7 years).', 'fragment'],
    ['RARP- CSF.', 'header'],
  ])('skips %s as %s', (text, reason) => {
    expect(skipReason(text, lex)).toBe(reason);
  });

  it.each([
    'Answered incoming calls',
    'Updating dashboard.',
    'Managed Projects for 3 regional offices',
    'Responsible for customer complaints at the front desk',
    'Helped customers select merchandise based on their needs.',
    'Was awarded in September 2014 for excellence in service',
    'Preparation of test data for the release',
    'Event photographer for weddings, bridal showers, prom and graduation photos.',
    'Conducted 62 flight record reviews, reducing workload by 20 percent',
  ])('rewrites the duty line "%s"', (text) => {
    expect(skipReason(text, lex)).toBeUndefined();
  });

  it('skips a line the reader labels as something other than a bullet or sentence', () => {
    expect(skipReason('Answered incoming calls', lex, 'title')).toBe('not-work-text');
    expect(skipReason('Answered incoming calls', lex, 'sentence')).toBeUndefined();
  });

  it('never rewrites a generated title, date line or contact line', () => {
    const titleWord = fc.constantFrom('Senior', 'Customer', 'Service', 'Call', 'Center', 'Agent', 'Lead', 'Analyst', 'Specialist', 'Representative', 'Coordinator', 'Supervisor', 'Billing', 'Claims');
    const title = fc.array(titleWord, { minLength: 2, maxLength: 5 }).map((w) => w.join(' '));
    const month = fc.constantFrom('January', 'Feb', 'March', 'Sept', 'December');
    const year = fc.integer({ min: 1990, max: 2026 });
    const date = fc
      .tuple(month, year, fc.constantFrom('to', '-', 'to Current', ''), fc.option(fc.tuple(month, year), { nil: undefined }))
      .map(([m, y, sep, end]) => `${m} ${y} ${sep} ${end ? `${end[0]} ${end[1]}` : ''}`.trim());
    const contact = fc.constantFrom('Email: a.b@example.org', 'Phone: +1 555 010 9999', 'linkedin.com/in/someone');
    const line = fc.oneof(title, date, contact);
    fc.assert(
      fc.property(line, (text) => {
        const bullets = [{ id: 'b1', text, section: 'experience' as const }];
        const out = rewriteResume({ bullets, roles: [] }, [], () => '', lex);
        expect(out.rewrites, text).toEqual([]);
        expect(out.rewriteSkipped).toEqual([{ bulletId: 'b1', reason: expect.any(String) }]);
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});

describe('rewriteSkipped[] in an analysis', () => {
  it('reports a title read as a bullet instead of rewriting it', () => {
    const text = [
      'Experience',
      'Claims Analyst 03/2021 to Current Company Name City , State',
      'Sr Appeal & Complaints Analysts',
      'Resolved escalated member complaints within 5 business days.',
      'Education',
      'High School Diploma 2017',
    ].join('\n');
    const doc = readResumeText(text, { maxTextChars: 200_000, minTextChars: 10 });
    const analysis = analyzeResume(doc, loadKnowledge('data'));
    const title = doc.bullets.find((b) => b.text.startsWith('Sr Appeal'));
    expect(title).toBeDefined();
    expect(analysis.rewriteSkipped).toEqual([{ bulletId: title!.id, reason: 'title' }]);
    expect(analysis.rewrites.map((r) => r.original)).toEqual(['Resolved escalated member complaints within 5 business days.']);
    expect(analysis.rewrites.every((r) => !r.rewrite.includes('Escalations Analysts'))).toBe(true);
  });
});
