import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLexicon, parseLexicon } from '../../src/taxonomy/load-lexicon.js';
import { DataFileError } from '../../src/taxonomy/read-data-file.js';

const FILE = 'data/rewrite-lexicon.yaml';
const text = readFileSync(FILE, 'utf8');

function errorOf(yaml: string): DataFileError {
  try {
    parseLexicon('bad.yaml', yaml);
  } catch (err) {
    if (err instanceof DataFileError) return err;
    throw err;
  }
  throw new Error('expected a DataFileError');
}

describe('rewrite lexicon', () => {
  it('loads the shipped data file and derives verb forms', () => {
    const lex = loadLexicon(FILE);
    expect(lex.verbs.get('plan')).toEqual({
      base: 'plan',
      past: 'planned',
      third: 'plans',
      gerund: 'planning',
    });
    expect(lex.verbs.get('lead')?.past).toBe('led');
    expect(lex.forms.get('prioritized')).toEqual({ base: 'prioritize', form: 'past' });
    expect(lex.openers[0]!.words.length).toBeGreaterThanOrEqual(lex.openers.at(-1)!.words.length);
  });

  it('names the file and the field when a replacement would add a number', () => {
    const err = errorOf(text.replace('to: "requests", notBefore', 'to: "requests 24/7", notBefore'));
    expect(err.message).toContain('bad.yaml');
    expect(
      err.issues.some((i) => i.startsWith('termMaps[inquiries-to-requests].to') && i.includes('digit')),
    ).toBe(true);
  });

  it('rejects a term-map group that names no term map', () => {
    const err = errorOf(text.replace('- { id: customers-to-clients, words: [customer, customers]', '- { id: customers-to-patrons, words: [customer, customers]'));
    expect(err.issues.some((i) => i.includes('termMapGroups') && i.includes('customers-to-patrons'))).toBe(true);
  });

  it('rejects a replacement that would add a proper noun', () => {
    const err = errorOf(text.replace('to: "issue queue" }', 'to: "Jira issue queue" }'));
    expect(
      err.issues.some((i) => i.includes('termMaps[tickets-to-issue-queue].to') && i.includes('lower case')),
    ).toBe(true);
  });

  it('checks every verb the rewriter writes on its own (issue 15)', () => {
    const err = errorOf(text.replace('activity: contribute', 'activity: synergize'));
    expect(err.issues).toContain('supportFraming.activity: unknown verb "synergize"');
  });

  it('rejects a support opener or support framing that would claim ownership (issue 15)', () => {
    const err = errorOf(
      text
        .replace('{ id: helped, phrase: "helped with", mode: support, verb: support }', '{ id: helped, phrase: "helped with", mode: support, verb: manage }')
        .replace('people: guide', 'people: lead'),
    );
    expect(err.issues).toContain('weakOpeners[helped].verb: a support opener may only become one of supportVerbs, not "manage"');
    expect(err.issues).toContain('supportFraming.people: "lead" is not one of supportVerbs');
  });

  it('lets a typo fix write only a function word, and checks the verbs and units of the new rules', () => {
    const err = errorOf(text.replace('typoFixes: { ans: and,', 'typoFixes: { ans: managed,').replace('unit: "per day"', 'unit: "per 24 hours"'));
    expect(err.issues.some((i) => i.startsWith('typoFixes.ans'))).toBe(true);
    expect(err.issues.some((i) => i.startsWith('volumeSlot.unit') && i.includes('digit'))).toBe(true);
    expect(errorOf(text.replace('intransitiveVerbs: [respond,', 'intransitiveVerbs: [synergize,')).issues).toContain(
      'intransitiveVerbs[0]: unknown verb "synergize"',
    );
  });

  it('rejects a rule naming an unknown verb', () => {
    const err = errorOf(text.replace('mode: action, verb: manage }', 'mode: action, verb: synergize }'));
    expect(err.issues).toContain('weakOpeners[responsible-for].verb: unknown verb "synergize"');
  });

  it('rejects a slot token carrying a digit and a question without a question mark', () => {
    const err = errorOf(
      text.replace('token: "[X%]"', 'token: "[50%]"').replace('did you handle per day?"', 'per day"'),
    );
    expect(err.issues.some((i) => i.startsWith('outcomeSlot.token'))).toBe(true);
    expect(err.issues.some((i) => i.startsWith('countSlots[calls].question'))).toBe(true);
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseLexicon('bad.yaml', 'verbs: [a')).toThrow(/bad\.yaml/);
  });
});
