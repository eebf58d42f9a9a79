// Ids the code relies on are data, checked at boot: renaming one in data/ stops the server with the
// file and field named instead of giving wrong advice or answering 400 to every analysis.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLexiconIds } from '../../src/taxonomy/knowledge.js';
import { loadLexicon } from '../../src/taxonomy/load-lexicon.js';
import { parseRoleKnowledge } from '../../src/taxonomy/load-roles.js';
import { COMPETENCY_IDS } from '../helpers/competency-ids.js';
import { dataFileErrorOf } from '../helpers/data-file-error.js';

const rolesText = readFileSync('data/roles.yaml', 'utf8');
const termsText = readFileSync('data/posting-terms.yaml', 'utf8');

describe('ids the code names', () => {
  it('reads the default target role from data/roles.yaml', () => {
    const roles = parseRoleKnowledge(rolesText, termsText, COMPETENCY_IDS);
    expect(roles.rolesById.has(roles.defaultTargetRole)).toBe(true);
  });

  it('refuses a default target role that is not a profile', () => {
    const text = rolesText.replace('targetRole: project-coordinator', 'targetRole: project-coordinater');
    const err = dataFileErrorOf(() => parseRoleKnowledge(text, termsText, COMPETENCY_IDS));
    expect(err.file).toBe('data/roles.yaml');
    expect(err.issues).toContain('defaults.targetRole: unknown role "project-coordinater"');
  });


  it("refuses a lexicon verb class for a competency the taxonomy does not have", () => {
    const lexicon = loadLexicon('data/rewrite-lexicon.yaml');
    expect(() => checkLexiconIds('data/rewrite-lexicon.yaml', lexicon, new Set(COMPETENCY_IDS))).not.toThrow();
    const err = dataFileErrorOf(() =>
      checkLexiconIds('data/rewrite-lexicon.yaml', lexicon, new Set(COMPETENCY_IDS.filter((id) => id !== 'leadership'))),
    );
    expect(err.issues).toEqual(['competencyVerbs.leadership: unknown competency "leadership" (see data/taxonomy.yaml)']);
  });
});
