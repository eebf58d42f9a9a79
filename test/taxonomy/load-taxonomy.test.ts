import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { loadTaxonomy, parseTaxonomy } from '../../src/taxonomy/load-taxonomy.js';
import { DataFileError } from '../../src/taxonomy/read-data-file.js';
import { REPO_ROOT, SHARED_DIR } from '../helpers/corpus.js';
import { dataFileErrorOf as errorOf } from '../helpers/data-file-error.js';

const DATA = join(REPO_ROOT, 'data');
const SHARED = SHARED_DIR;
const YAML_TEXT = readFileSync(join(DATA, 'taxonomy.yaml'), 'utf8');

// The 19 IDs of ../shared/COMPETENCIES.md, read from the table rather than copied here.
function requiredIds(): string[] {
  const md = readFileSync(join(SHARED, 'COMPETENCIES.md'), 'utf8');
  return [...md.matchAll(/^\| ([a-z-]+) \|/gm)].map((m) => m[1]!).filter((id) => id !== 'ID');
}

/** The shipped taxonomy with one edit applied to its parsed YAML. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke arbitrary fields into raw YAML
function edited(edit: (data: any) => void): string {
  const data = parse(YAML_TEXT);
  edit(data);
  return JSON.stringify(data);
}

describe('data/taxonomy.yaml', () => {
  const taxonomy = loadTaxonomy(DATA);

  it('holds every competency of COMPETENCIES.md, with names and a definition', () => {
    const ids = requiredIds();
    expect(ids).toHaveLength(19);
    for (const id of ids) {
      const c = taxonomy.competencyById.get(id);
      expect(c, id).toBeDefined();
      expect(c!.pmName.length).toBeGreaterThan(3);
      expect(c!.definition.length).toBeGreaterThan(40);
    }
  });

  it('has hundreds of phrases, every competency some customer-service or general wording', () => {
    const phrases = taxonomy.patterns.reduce((n, p) => n + p.phraseCount, 0);
    expect(phrases).toBeGreaterThan(1000);
    expect(taxonomy.patterns.length).toBeGreaterThan(60);
    for (const c of taxonomy.competencies) {
      expect(c.patternIds.length, c.id).toBeGreaterThan(0);
    }
    const framings = new Set(taxonomy.patterns.map((p) => p.framing));
    expect([...framings].sort()).toEqual(['cs', 'general', 'pm']);
  });

  it('links only O*NET skill elements and task statements that exist in the reference extracts', () => {
    const elements = new Set(
      readFileSync(join(SHARED, 'reference/onet/skills_elements.tsv'), 'utf8')
        .split('\n')
        .map((l) => l.split('\t')[0]),
    );
    const tasks = new Set(
      readFileSync(join(SHARED, 'reference/onet/task_statements_targets.tsv'), 'utf8')
        .split('\n')
        .map((l) => l.split('\t'))
        .map((cols) => `${cols[0]}/${cols[2]}`),
    );
    for (const c of taxonomy.competencies) {
      for (const id of c.onet.skills) expect(elements.has(id), `${c.id} ${id}`).toBe(true);
      for (const ref of c.onet.tasks) expect(tasks.has(ref), `${c.id} ${ref}`).toBe(true);
    }
  });

  it('links only ESCO URIs that exist in the reference extracts', () => {
    const esco = ['skillGroups_en.csv', 'transversalSkillsCollection_en.csv']
      .map((f) => readFileSync(join(SHARED, 'reference/esco', f), 'utf8'))
      .join('\n');
    for (const c of taxonomy.competencies) {
      for (const uri of c.esco) expect(esco.includes(`${uri},`), `${c.id} ${uri}`).toBe(true);
    }
  });

  it('reports a version string', () => {
    expect(taxonomy.version).toMatch(/\S/);
  });
});

describe('taxonomy validation at boot', () => {
  it('names the file and the field of a bad framing', () => {
    const err = errorOf(() =>
      parseTaxonomy(
        edited((d) => {
          d.competencies[0].patterns[1].framing = 'retail';
        }),
        'data/taxonomy.yaml',
      ),
    );
    expect(err.file).toBe('data/taxonomy.yaml');
    expect(err.message).toContain('data/taxonomy.yaml');
    expect(err.issues.join('\n')).toContain('competencies[communication].patterns[phone-calls].framing');
  });

  it('rejects a competency without patterns and a duplicate id', () => {
    const err = errorOf(() =>
      parseTaxonomy(
        edited((d) => {
          d.competencies[1].patterns = [];
          d.competencies[2].id = d.competencies[0].id;
        }),
      ),
    );
    const issues = err.issues.join('\n');
    expect(issues).toContain('competencies[problem-solving].patterns');
    expect(issues).toMatch(/competencies\[communication\]\.id: duplicate id/);
  });

  it('rejects a malformed O*NET task reference', () => {
    const err = errorOf(() =>
      parseTaxonomy(
        edited((d) => {
          d.competencies[0].onet.tasks[0] = '18565';
        }),
      ),
    );
    expect(err.issues.join('\n')).toContain('competencies[communication].onet.tasks[0]');
  });

  it('rejects a phrase with nothing to match once filler words are dropped', () => {
    const err = errorOf(() =>
      parseTaxonomy(
        edited((d) => {
          d.competencies[3].patterns[0].phrases.push('the');
        }),
      ),
    );
    expect(err.issues.join('\n')).toMatch(/competencies\[stakeholder-management\]\.patterns\[customer-satisfaction\]\.phrases\[\d+\]/);
  });

  it('reports YAML syntax errors with the file name', () => {
    const err = errorOf(() => parseTaxonomy('competencies: [\n', 'data/taxonomy.yaml'));
    expect(err.message).toContain('data/taxonomy.yaml');
    expect(err.issues[0]).toMatch(/YAML syntax/);
  });

  describe('the server', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });

    it('refuses to start on a bad taxonomy entry, naming file and field', async () => {
      dir = mkdtempSync(join(tmpdir(), 'skillbridge-data-'));
      cpSync(DATA, dir, { recursive: true });
      writeFileSync(
        join(dir, 'taxonomy.yaml'),
        edited((d) => {
          d.competencies[5].talentTriangle = 'Soft Skills';
        }),
      );
      const config = loadConfig({}, { DATA_DIR: dir });
      const boot = buildApp(config);
      await expect(boot).rejects.toBeInstanceOf(DataFileError);
      await expect(boot).rejects.toThrow(/taxonomy\.yaml[\s\S]*competencies\[leadership\]\.talentTriangle/);
    });
  });
});
