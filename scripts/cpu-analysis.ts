// CPU time of the analysis step (match, score, gaps, rewrites) per resume, without extraction:
// reads the dev-corpus resumes' extracted .txt files once, then runs analyzeResume over them round-robin
// N times in one process and reports process.cpuUsage() per analysis. CPU time, not wall clock, so a
// loaded machine still gives comparable figures (compare runs of the same commit, or before/after).
//
//   npx tsx scripts/cpu-analysis.ts [--n 200] [--corpus ../shared/corpus/dev-resumes]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createInlineExtractor } from '../src/extraction/extractor.js';
import { DEFAULT_ZIP_LIMITS } from '../src/extraction/inspect-zip.js';
import { readResumeBytes } from '../src/extraction/read-resume.js';
import { analyzeResume } from '../src/pipeline/analyze.js';
import type { ResumeDocument } from '../src/schemas/document.js';
import { loadLexicon } from '../src/taxonomy/load-lexicon.js';
import { loadRoleKnowledge } from '../src/taxonomy/load-roles.js';
import { loadTaxonomy } from '../src/taxonomy/load-taxonomy.js';
import { DEFAULT_CORPUS } from '../bench/lib/corpus.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '200' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    data: { type: 'string', default: 'data' },
  },
});
const taxonomy = loadTaxonomy(values.data);
const lexicon = loadLexicon(join(values.data, 'rewrite-lexicon.yaml'));
const roles = loadRoleKnowledge(values.data, taxonomy.competencies.map((c) => c.id));
const extractor = createInlineExtractor({ maxPages: 20, maxTextChars: 200_000 });
const limits = { maxTextChars: 200_000, minTextChars: 50, zip: DEFAULT_ZIP_LIMITS };
const docs: ResumeDocument[] = [];
for (const group of ['project_management', 'customer_service', 'bpo_call_center']) {
  const dir = join(values.corpus, group);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort())
    docs.push(await readResumeBytes(new Uint8Array(readFileSync(join(dir, f))), extractor, limits));
}
await extractor.close();
const n = Number(values.n);
const knowledge = { taxonomy, roles, lexicon };
for (const d of docs) analyzeResume(d, knowledge, { targetRole: 'project-manager', asOf: '2026-11' }); // warm-up
const before = process.cpuUsage();
for (let i = 0; i < n; i += 1)
  analyzeResume(docs[i % docs.length]!, knowledge, { targetRole: 'project-manager', asOf: '2026-11' });
const used = process.cpuUsage(before);
const ms = (used.user + used.system) / 1000;
console.log(`${n} analyses of ${docs.length} dev-corpus texts: CPU ${ms.toFixed(0)} ms, ${(ms / n).toFixed(2)} ms per analysis`);
