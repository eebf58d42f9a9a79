// rewrites[] of an analysis: the lead's reader segments real corpus resumes, the taxonomy finds the
// evidence, and every work bullet gets an honest rewrite in the tense of its role.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeResume } from '../../src/pipeline/analyze.js';
import { readResumeText } from '../../src/pipeline/read/build-document.js';
import { DEFAULT_ZIP_LIMITS } from '../../src/extraction/inspect-zip.js';
import { REWRITE_SECTIONS } from '../../src/pipeline/rewrite/rewrite-bullet.js';
import { AnalysisSchema } from '../../src/schemas/analysis.js';
import { loadKnowledge } from '../../src/taxonomy/knowledge.js';
import { listFiles, SHARED_CORPUS } from '../helpers/corpus.js';
import { honestyViolations } from './rewrite-honesty.js';

const knowledge = loadKnowledge('data');
const limits = { maxTextChars: 200_000, minTextChars: 50, zip: DEFAULT_ZIP_LIMITS };
const resumes = listFiles(join(SHARED_CORPUS, 'dev-resumes'), (p) => /(customer_service|bpo_call_center)\/.*\.txt$/.test(p));

describe('rewrites[] in the analysis', () => {
  it('has corpus resumes to read', () => {
    expect(resumes.length).toBeGreaterThanOrEqual(15);
  });

  it.each(resumes.map((p) => [p.slice(SHARED_CORPUS.length + 1), p]))('%s', (_name, path) => {
    const doc = readResumeText(readFileSync(path, 'utf8'), limits);
    const analysis = AnalysisSchema.parse(analyzeResume(doc, knowledge));
    const work = doc.bullets.filter((b) => REWRITE_SECTIONS.includes(b.section));
    // Every work line is either rewritten or skipped with a reason, never both, in document order.
    const skipped = new Set(analysis.rewriteSkipped.map((s) => s.bulletId));
    expect(analysis.rewrites.map((r) => r.bulletId)).toEqual(work.filter((b) => !skipped.has(b.id)).map((b) => b.id));
    expect(analysis.rewriteSkipped.every((s) => work.some((b) => b.id === s.bulletId))).toBe(true);
    for (const r of analysis.rewrites) {
      const bullet = doc.bullets.find((b) => b.id === r.bulletId)!;
      expect(r.original).toBe(bullet.text);
      expect(honestyViolations({ ...r }, knowledge.lexicon), r.rewrite).toEqual([]);
      for (const a of r.alternatives) {
        expect(honestyViolations({ ...r, rewrite: a.rewrite, slots: a.slots }, knowledge.lexicon), a.rewrite).toEqual([]);
      }
      const onBullet = analysis.competencies.filter((c) => c.evidence.some((e) => e.bulletId === r.bulletId));
      expect([...r.competencyIds].sort()).toEqual(onBullet.map((c) => c.id).sort());
      const current = bullet.roleIndex !== undefined && doc.roles[bullet.roleIndex]?.current;
      const restructured = r.changes.some(
        (c) =>
          ['tense', 'weak-opener', 'verb-map'].includes(c.rule) &&
          c.to !== '' &&
          r.rewrite.toLowerCase().startsWith(c.to.toLowerCase()),
      );
      const firstWord = r.rewrite.split(' ')[0]!.toLowerCase();
      const verb = knowledge.lexicon.forms.get(firstWord);
      if (restructured && verb && !/^excel/.test(firstWord)) {
        expect(knowledge.lexicon.verbs.get(verb.base)![current ? 'base' : 'past'], r.rewrite).toBe(firstWord);
      }
    }
  });

  it('puts the current role in the present tense and past roles in the past', () => {
    const text = [
      'Jane Doe',
      'Experience',
      'Customer Service Lead 03/2021 to Current Company Name City , State',
      'Trained new hires on the returns process.',
      'Handled 40 customer calls per day.',
      'Cashier 01/2018 to 02/2021 Company Name City , State',
      'Answer customer inquiries at the register.',
      'Education',
      'High School Diploma 2017',
    ].join('\n');
    const doc = readResumeText(text, limits);
    const { rewrites, rewriteSkipped } = analyzeResume(doc, knowledge);
    expect(rewriteSkipped).toEqual([]);
    expect(rewrites.map((r) => r.rewrite)).toEqual([
      'Onboard and train [N] new hires on the returns process.',
      'Handle 40 customer calls per day.',
      'Answered [N] customer requests at the register.',
    ]);
  });

});
