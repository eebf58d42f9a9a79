import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/pipeline/read/normalize.js';
import { matchSectionHeading } from '../../src/pipeline/read/section-headings.js';

const codes = (raw: string) => normalizeText(raw).warnings.map((w) => w.code);

describe('normalizeText', () => {
  it('repairs UTF-8 read as Windows-1252 and stray Â', () => {
    const r = normalizeText('Café manager â€“ résumé\nPreserved an accuracy of 98 % during 3Â years');
    expect(r.text).toBe('Café manager – résumé\nPreserved an accuracy of 98 % during 3 years');
    expect(codes('Ã©')).toContain('MOJIBAKE_REPAIRED');
  });

  it('leaves real accented text alone', () => {
    const r = normalizeText('Gérante à Montréal, Ñandú');
    expect(r.text).toBe('Gérante à Montréal, Ñandú');
    expect(r.warnings).toEqual([]);
  });

  it('spells out ligatures', () => {
    const r = normalizeText('Oﬃce workﬂow ﬁles');
    expect(r.text).toBe('Office workflow files');
    expect(codes('ﬁ')).toContain('LIGATURES_REPLACED');
  });

  it.each(['•', '▪', '\uF0B7', '–', '*', 'o', '-', '●', '➢'])('turns the bullet glyph %s into "• "', (glyph) => {
    expect(normalizeText(`Experience\n${glyph} Resolved billing disputes.`).text).toBe(
      'Experience\n• Resolved billing disputes.',
    );
  });

  it('does not take a word starting with o for a bullet', () => {
    expect(normalizeText('Experience\norganized events.').text).toBe('Experience\norganized events.');
  });

  it('joins hyphenated line breaks, dropping the hyphen only inside a word', () => {
    expect(normalizeText('• Led the implemen-\ntation of a new CRM.').text).toBe('• Led the implementation of a new CRM.');
    expect(normalizeText('• Built cloud-\nnative services.').text).toBe('• Built cloud-native services.');
  });

  it('joins wrapped lines of a bullet and of a sentence', () => {
    const raw = [
      'Experience',
      '• Designed a fraud pipeline processing 50K+ transactions, reducing charges by',
      '18% through better tooling',
      'Conduct meetings with commercial bankers to enhance the banking',
      'relationship.',
      'Software Engineer \tJun 2021 - Dec 2022',
    ].join('\n');
    expect(normalizeText(raw).text.split('\n')).toEqual([
      'Experience',
      '• Designed a fraud pipeline processing 50K+ transactions, reducing charges by 18% through better tooling',
      'Conduct meetings with commercial bankers to enhance the banking relationship.',
      'Software Engineer Jun 2021 - Dec 2022',
    ]);
  });

  it('never joins a heading into a paragraph', () => {
    expect(normalizeText('Team player and\nSkills\nExcel').text).toBe('Team player and\nSkills\nExcel');
  });

  it('splits side-by-side columns and warns', () => {
    const raw = [
      'Highlights',
      '       Effective communicator                                Compassionate mentor',
      '       Computer Proficient                                   Skilled multi-tasker',
    ].join('\n');
    const r = normalizeText(raw);
    expect(r.text.split('\n')).toEqual([
      'Highlights',
      'Effective communicator',
      'Compassionate mentor',
      'Computer Proficient',
      'Skilled multi-tasker',
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('TWO_COLUMN_LAYOUT');
  });

  it('keeps a title with right-aligned dates on one line', () => {
    expect(normalizeText('Customer Service Lead                      Jan 2019 - Present').text).toBe(
      'Customer Service Lead Jan 2019 - Present',
    );
  });

  it('removes control characters, odd spaces and soft hyphens', () => {
    const r = normalizeText('Jane\u00a0Doe\u200b re\u00adsolved\u0007 issues');
    expect(r.text).toBe('Jane Doe resolved issues');
    expect(r.warnings.map((w) => w.code)).toContain('CONTROL_CHARACTERS_REMOVED');
  });

  it('is idempotent on its own output', () => {
    const once = normalizeText('Experience\n• Handled 60 calls a day and\nescalated complaints.\nSkills\nExcel   Word').text;
    expect(normalizeText(once).text).toBe(once);
  });

  it('hands splitSections the heading of every output line, joined lines included', () => {
    // "Campus" + "involvement" is a heading only once joined; "activities" is one alone and stays apart.
    const r = normalizeText('Jane Doe\nCampus\ninvolvement\nMember of the club and\nthe team\nExtracurricular\nactivities\nChess');
    const lines = r.text.split('\n');
    expect(lines).toEqual(['Jane Doe', 'Campus involvement', 'Member of the club and the team', 'Extracurricular', 'activities', 'Chess']);
    expect(r.headings).toEqual(lines.map((l) => matchSectionHeading(l)));
    expect(r.headings).toEqual([undefined, 'other', undefined, undefined, 'other', undefined]);
  });
});
