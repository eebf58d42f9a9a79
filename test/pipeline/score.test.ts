import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchEvidence } from '../../src/pipeline/match/collect-evidence.js';
import { readResumeText } from '../../src/pipeline/read/build-document.js';
import { isQuantified, levelFor, POINTS, scoreCompetencies } from '../../src/pipeline/match/score.js';
import type { CompetencyResult } from '../../src/schemas/analysis.js';
import { loadTaxonomy } from '../../src/taxonomy/load-taxonomy.js';
import { REPO_ROOT } from '../helpers/corpus.js';

const taxonomy = loadTaxonomy(join(REPO_ROOT, 'data'));
const LIMITS = { maxTextChars: 200_000, minTextChars: 1, zip: { maxEntries: 2000, maxUncompressedBytes: 64 << 20 } };

function score(text: string): Map<string, CompetencyResult> {
  const doc = readResumeText(text, LIMITS);
  return new Map(scoreCompetencies(doc, matchEvidence(doc, taxonomy), taxonomy).map((c) => [c.id, c]));
}
const role = (title: string, dates: string, bullets: string[]) =>
  `${title} ${dates} Company Name City , State\n${bullets.join('\n')}\n`;

describe('scoreCompetencies', () => {
  it('lists every competency in taxonomy order, absent ones with score 0 and level none', () => {
    const doc = readResumeText('Experience\nAnswered phone calls.\n', LIMITS);
    const results = scoreCompetencies(doc, matchEvidence(doc, taxonomy), taxonomy);
    expect(results.map((r) => r.id)).toEqual(taxonomy.competencies.map((c) => c.id));
    const budget = results.find((r) => r.id === 'budget-and-cost')!;
    expect(budget).toMatchObject({ score: 0, level: 'none', evidence: [], explanation: 'No evidence found.' });
    expect(results.find((r) => r.id === 'communication')!.score).toBeGreaterThan(0);
  });

  it('scores a strong bullet above a skills-list claim', () => {
    const claim = score('Skills\nConflict resolution\n').get('conflict-resolution')!;
    const bullet = score('Experience\nDe-escalated upset callers.\n').get('conflict-resolution')!;
    expect(claim).toMatchObject({ score: POINTS.weak, level: 'emerging' });
    expect(bullet).toMatchObject({ score: POINTS.strong, level: 'developing' });
  });

  it('caps claims: many skills entries never go past emerging', () => {
    const r = score('Skills\nExcel, Word, Outlook, Salesforce, Zendesk, QuickBooks\n').get('tools-and-technology')!;
    expect(r.evidence.length).toBeGreaterThanOrEqual(5);
    expect(r.score).toBe(POINTS.weakCap);
    expect(r.level).toBe('emerging');
  });

  it('counts the current role more, and quantified results more', () => {
    const current = score(
      `Experience\n${role('Agent', '01/2020 to Current', ['De-escalated upset callers.'])}${role('Clerk', '01/2015 to 12/2019', ['Answered calls.'])}`,
    ).get('conflict-resolution')!;
    const earlier = score(
      `Experience\n${role('Agent', '01/2020 to Current', ['Answered calls.'])}${role('Clerk', '01/2015 to 12/2019', ['De-escalated upset callers.'])}`,
    ).get('conflict-resolution')!;
    expect(current.score).toBe(POINTS.strongCurrent);
    expect(earlier.score).toBe(POINTS.strong);
    const quantified = score('Experience\nDe-escalated 30 upset callers a day.\n').get('conflict-resolution')!;
    expect(quantified.score).toBe(POINTS.strong + POINTS.quantified);
  });

  it('reaches strong with three independent strong bullets and explains the sum', () => {
    const r = score(
      'Experience\nTrained new hires on the phone system.\nCoached agents weekly.\nSupervised the evening shift.\n',
    ).get('leadership')!;
    expect(r.evidence).toHaveLength(3);
    expect(r.level).toBe('strong');
    expect(r.score).toBe(3 * POINTS.strong);
    expect(r.explanation).toContain('3 strong');
    expect(r.explanation).toContain(`= ${r.score}`);
  });

  it('counts a bullet repeated word for word once', () => {
    const r = score('Experience\nDe-escalated upset callers.\nAnswered calls.\nDe-escalated upset callers.\n').get(
      'conflict-resolution',
    )!;
    expect(r.evidence).toHaveLength(2);
    expect(r.score).toBe(POINTS.strong);
  });

  it('caps the score at 100', () => {
    const bullets = Array.from({ length: 8 }, (_, i) => `Trained ${i + 2} new hires on the phone system.`);
    expect(score(`Experience\n${bullets.join('\n')}\n`).get('leadership')!.score).toBe(100);
  });
});

describe('helpers', () => {
  it('tells results from dates', () => {
    expect(isQuantified('Cut wait time by 30%')).toBe(true);
    expect(isQuantified('Handled $800,000 in deposits')).toBe(true);
    expect(isQuantified('Answered 150 calls a day')).toBe(true);
    expect(isQuantified('Joined in 2015 and left 06/2019')).toBe(false);
    expect(isQuantified('Answered calls')).toBe(false);
  });

  it('maps scores to levels at the documented thresholds', () => {
    expect([0, 1, 24, 25, 59, 60, 100].map(levelFor)).toEqual([
      'none',
      'emerging',
      'emerging',
      'developing',
      'developing',
      'strong',
      'strong',
    ]);
  });
});
