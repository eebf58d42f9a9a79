// Proof of honesty (issue 5): property tests over generated bullets and over every experience
// bullet of the dev corpus. A rewrite never adds a number, a capitalized word or a tool name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteBullet, type Tense } from '../../src/pipeline/rewrite/rewrite-bullet.js';
import { opensStrongly, opensWeakly } from '../../src/pipeline/rewrite/score-bullet.js';
import { loadLexicon } from '../../src/taxonomy/load-lexicon.js';
import { corpusBullets } from './corpus-bullets.js';
import { grammarViolations, honestyViolations } from './rewrite-honesty.js';

const lex = loadLexicon('data/rewrite-lexicon.yaml');
const tense = fc.constantFrom<Tense>('past', 'present');
const competencies = fc.subarray(['leadership', 'project-delivery', 'communication', 'data-and-reporting']);

const openers = lex.openers.map((o) => o.words.join(' '));
const verbForms = [...lex.verbs.values()].flatMap((v) => [v.base, v.past, v.gerund]);
const termSources = lex.termMaps.map((t) => t.from);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Bullets shaped like the corpus: opener, verbs, CS terms, names, numbers, glue, punctuation. */
const bulletArb = fc
  .tuple(
    fc.option(fc.constantFrom('I', 'Successfully', 'Â·', '•', '-'), { nil: undefined }),
    fc.option(fc.constantFrom(...openers), { nil: undefined }),
    fc.array(
      fc.oneof(
        fc.constantFrom(...verbForms),
        fc.constantFrom(...termSources),
        fc.constantFrom('customers', 'calls', 'new hires', 'team', 'CSAT', 'Excel', 'Salesforce', 'Zendesk', 'AT&T'),
        fc.constantFrom('and', '&', ',', 'of', 'of', 'the', 'to', 'by', 'with', 'per day', '.', ';', 'and', 'Lead'),
        // Issue 15 restructuring: tools used "to", buried objects, vague counts, teams, results.
        fc.constantFrom('used', 'Utilized', 'to', 'resulting in', 'increased', 'improved', 'a team', 'multiple', 'several', 'that'),
        fc.constantFrom('relationship management', 'claims processing', 'order coordination', 'problems', 'co-workers', 'Correctly', 'thereby', 'streamlined', 'process'),
        fc.integer({ min: 0, max: 100000 }).map(String),
        fc.constantFrom('15%', '$30,000', '03/2015', '4.5', 'Q3', '24/7', '1-800'),
        fc.stringMatching(/^[A-Za-z][a-z]{1,9}$/),
      ),
      { maxLength: 25 },
    ),
  )
  .map(([lead, opener, words]) =>
    [lead, opener ? capitalize(opener) : undefined, ...words].filter((w) => w !== undefined).join(' '),
  );

function check(text: string, t: Tense, ids: string[] = []) {
  const r = rewriteBullet(text, { tense: t, competencyIds: ids }, lex);
  expect(honestyViolations(r, lex), `${text}\n=> ${r.rewrite}`).toEqual([]);
  expect(r.scoreBefore).toBeGreaterThanOrEqual(0);
  expect(r.scoreAfter).toBeLessThanOrEqual(100);
  expect(r.original).toBe(text);
  return r;
}

/** The bullet opens with "helped"/"assisted" (any form), after fillers. */
function opensWithSupportOpener(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  const first = words.find((w) => !lex.leadFillers.has(w));
  const base = first === undefined ? undefined : lex.forms.get(first)?.base;
  return base === 'help' || base === 'assist';
}
/** The rewrite opens with a verb of supportVerbs, none of which claims ownership. */
function opensWithSupportVerb(rewrite: string): boolean {
  const first = rewrite.toLowerCase().match(/[a-z]+/)?.[0] ?? '';
  const base = lex.forms.get(first)?.base;
  return base !== undefined && lex.supportVerbs.has(base);
}

describe('the honesty check itself', () => {
  it('catches an added number, a changed number, an added name and an unknown capitalized word', () => {
    const base = rewriteBullet('Answered calls for the billing team', { tense: 'past' }, lex);
    const lie = (rewrite: string) => honestyViolations({ ...base, rewrite, slots: [] }, lex);
    expect(lie('Answered 50 calls for the billing team.')).toEqual([expect.stringContaining('numbers changed')]);
    expect(lie('Answered calls in Salesforce for the billing team.')).toEqual(
      expect.arrayContaining([expect.stringContaining('Salesforce')]),
    );
    expect(lie('Answered calls for the Acme billing team.')).toEqual([expect.stringContaining('Acme')]);
    expect(lie('Coordinated calls for the billing team.')).toEqual([]);
  });
});

describe('rewrite honesty over generated bullets', () => {
  it('keeps the numbers, adds no capitalized word or name, and is deterministic', () => {
    fc.assert(
      fc.property(bulletArb, tense, competencies, (text, t, ids) => {
        const r = check(text, t, ids);
        expect(rewriteBullet(text, { tense: t, competencyIds: ids }, lex)).toEqual(r);
        expect(grammarViolations(r), r.rewrite).toEqual([]);
        expect(r.alternatives.length).toBeLessThanOrEqual(2);
        for (const a of r.alternatives) {
          const alt = { ...r, rewrite: a.rewrite, slots: a.slots };
          expect([...honestyViolations(alt, lex), ...grammarViolations(alt)], a.rewrite).toEqual([]);
        }
      }),
      { numRuns: 400, seed: 5 },
    );
  });

  it('survives arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), tense, (text, t) => {
        check(text, t);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['huge', `Responsible for handling customer inquiries and 12 calls ${'and tracked tickets '.repeat(500)}`],
    ['huge single word', 'x'.repeat(10_000)],
    ['emoji', 'Helped 🚀 customers 😀 with 3 returns 👍🏽 and complaints'],
    ['arabic', 'مسؤول عن خدمة العملاء 24 ساعة'],
    ['chinese', '负责处理客户投诉 30 件'],
    ['cyrillic', 'Отвечал на звонки клиентов 50 раз в день'],
    ['all caps', 'RESPONSIBLE FOR HANDLING 40 CUSTOMER COMPLAINTS AND TRAINING NEW HIRES IN EXCEL'],
    ['only punctuation', '•••  ;;; ...'],
    ['only a number', '42'],
    ['only conjunctions', 'and ; and'],
    ['slot-looking text', 'Handled [N] calls and [X%] of tickets'],
  ])('does not crash on %s input', (_name, text) => {
    for (const t of ['past', 'present'] as const) {
      const started = performance.now();
      const r = check(text, t);
      expect(performance.now() - started).toBeLessThan(500);
      expect(typeof r.rewrite).toBe('string');
      expect(grammarViolations(r), r.rewrite).toEqual([]);
    }
  });
});

describe('support openers over generated bullets', () => {
  const supportOpeners = lex.openers.filter((o) => o.mode === 'support').map((o) => o.words.join(' '));
  it('never turns "helped"/"assisted" into a verb of ownership, and alternatives stay honest', () => {
    fc.assert(
      fc.property(fc.constantFrom(...supportOpeners), bulletArb, tense, (opener, rest, t) => {
        const text = `${capitalize(opener)} ${rest}`;
        const r = check(text, t);
        if (opensWithSupportOpener(text) && r.rewrite) expect(opensWithSupportVerb(r.rewrite), `${text}\n=> ${r.rewrite}`).toBe(true);
        for (const a of r.alternatives) {
          expect(honestyViolations({ ...r, rewrite: a.rewrite, slots: a.slots }, lex), a.rewrite).toEqual([]);
        }
      }),
      { numRuns: 400, seed: 15 },
    );
  });
});

describe('rewrite grammar over generated bullets', () => {
  const strongVerbs = [...lex.strong].filter((v) => !lex.nounLikeVerbs.has(v) && v !== 'excel');
  const briefOpeners = ['Responsible for', 'Duties included', 'Tasked with', 'Ability to', 'Helped', 'Assisted with', 'Worked on'];
  const objects = ['the weekly schedule', 'all vendor contracts', '12 store events', 'the 2019 office move', 'new hire paperwork'];

  it('replaces every weak opener of the issue with a strong verb', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...briefOpeners),
        fc.constantFrom(...strongVerbs),
        fc.constantFrom(...objects),
        tense,
        (opener, verb, object, t) => {
          const forms = lex.verbs.get(verb)!;
          const word = opener === 'Ability to' ? forms.base : forms.gerund;
          const r = rewriteBullet(`${opener} ${word} ${object}`, { tense: t }, lex);
          expect(opensStrongly(r.rewrite, lex), r.rewrite).toBe(true);
          expect(opensWeakly(r.rewrite, lex), r.rewrite).toBe(false);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it('puts coordinated verbs in one tense: past for past roles, present for the current one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...strongVerbs),
        fc.constantFrom(...strongVerbs),
        fc.constantFrom<'past' | 'base' | 'third'>('past', 'base', 'third'),
        tense,
        (a, b, form, t) => {
          fc.pre(a !== b);
          const [fa, fb] = [lex.verbs.get(a)!, lex.verbs.get(b)!];
          const r = rewriteBullet(`${fa[form]} and ${fb[form]} the weekly schedule`, { tense: t }, lex);
          // Completed work keeps its past under the current role ("Planned and led ...").
          const completed = t === 'present' && form === 'past' && lex.completedWork.verbs.has(a);
          const want = t === 'past' || completed ? 'past' : 'base';
          const [first, , second] = r.rewrite.toLowerCase().split(' ');
          expect([first, second], r.rewrite).toEqual([fa[want], fb[want]]);
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('rewrite over every experience bullet of the dev corpus', () => {
  const bullets = corpusBullets();

  it('reads a realistic number of bullets', () => {
    expect(bullets.length).toBeGreaterThan(800);
  });

  it('passes every honesty and grammar property on every bullet, alternatives included', () => {
    const failures: string[] = [];
    for (const b of bullets) {
      const r = rewriteBullet(b.text, { tense: b.current ? 'present' : 'past' }, lex);
      const problems = [...honestyViolations(r, lex), ...grammarViolations(r)];
      for (const a of r.alternatives) {
        const alt = { ...r, rewrite: a.rewrite, slots: a.slots };
        problems.push(...honestyViolations(alt, lex), ...grammarViolations(alt));
      }
      if (opensWithSupportOpener(b.text) && r.rewrite && !opensWithSupportVerb(r.rewrite)) problems.push('support opener became ownership');
      if (problems.length) failures.push(`${b.file}: ${problems.join('; ')}\n  ${b.text}\n  ${r.rewrite}`);
      expect(rewriteBullet(b.text, { tense: b.current ? 'present' : 'past' }, lex)).toEqual(r);
    }
    expect(failures).toEqual([]);
  });

  it('gives at least 95% of weakly opening bullets a strong PM verb, or a support verb to "helped"/"assisted"', () => {
    // A skill claim ("Proficient in Excel") is left as written on purpose: it is not a duty to reframe.
    const skillOpeners = lex.openers.filter((o) => o.mode === 'skill' || o.skillBeforeNoun).map((o) => o.words.join(' '));
    const skillClaim = (text: string) => {
      const r = rewriteBullet(text, { tense: 'past' }, lex);
      const start = text.toLowerCase().replace(/^[^a-z]+/, '');
      return skillOpeners.some((o) => start.startsWith(`${o} `)) && !r.changes.some((c) => c.rule === 'weak-opener' || c.rule === 'verb-map');
    };
    const weak = bullets.filter((b) => opensWeakly(b.text, lex) && !skillClaim(b.text));
    const strong = weak.filter((b) => {
      const rewrite = rewriteBullet(b.text, { tense: 'past' }, lex).rewrite;
      return opensStrongly(rewrite, lex) || (opensWithSupportOpener(b.text) && opensWithSupportVerb(rewrite));
    });
    expect(weak.length).toBeGreaterThan(50);
    expect(strong.length / weak.length).toBeGreaterThanOrEqual(0.95);
  });

  it('never lowers the score of a corpus bullet', () => {
    const lowered = bullets
      .map((b) => rewriteBullet(b.text, { tense: 'past' }, lex))
      .filter((r) => r.scoreAfter < r.scoreBefore)
      .map((r) => `${r.scoreBefore}->${r.scoreAfter} ${r.original} => ${r.rewrite}`);
    expect(lowered).toEqual([]);
  });
});
