import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { posWordsText } from '../../scripts/pos-words.js';
import { POS_WORDS_FILE } from '../../src/taxonomy/load-taxonomy.js';
import { BRILL_LEXICON, derivePosWords, parsePosWords } from '../../src/taxonomy/pos-words.js';
import { DataFileError } from '../../src/taxonomy/read-data-file.js';
import { REPO_ROOT } from '../helpers/corpus.js';

const FILE = join(REPO_ROOT, 'data', POS_WORDS_FILE);

describe('data/pos-words.txt', () => {
  it('is what `npm run pos-words` derives from the installed natural lexicon', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(posWordsText());
  });

  it('reads back to the same lists as the lexicon gives', () => {
    const lexicon = JSON.parse(readFileSync(createRequire(import.meta.url).resolve(BRILL_LEXICON), 'utf8')) as Record<string, string[]>;
    const derived = derivePosWords(lexicon);
    const read = parsePosWords(FILE, readFileSync(FILE, 'utf8'));
    expect([...read.pastVerbs].sort()).toEqual([...derived.pastVerbs].sort());
    expect(new Map([...read.nominalWords].sort())).toEqual(new Map([...derived.nominalWords].sort()));
    expect(read.pastVerbs.has('managed')).toBe(true);
    expect(read.nominalWords.get('team')).toBe('noun');
    expect(read.nominalWords.get('the')).toBe('modifier');
    expect(read.nominalWords.has('i')).toBe(false);
  });

  it('names the file and the line when it is malformed', () => {
    const err = (() => {
      try {
        parsePosWords('data/pos-words.txt', '# x\npast: led Managed\nnoun: team\n');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(DataFileError);
    expect((err as DataFileError).message).toContain('data/pos-words.txt');
    expect((err as DataFileError).issues).toEqual(['line 2 (past): "Managed" is not a lower-case word', 'modifier: missing']);
  });
});
