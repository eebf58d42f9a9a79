// Calibration of the gap report on people: reads every PDF of the dev corpus's project_management,
// customer_service and bpo_call_center folders, plus every labelled resume (eval/labels and eval/heldout)
// that carries a `group` and is not one of those PDFs (text resumes, templates), through the real pipeline
// (extract, normalize, segment, match, score, gaps) and prints the readiness distribution per group
// for a target role, plus how cleanly the project managers separate from the others: the AUC of
// project managers against customer-service resumes for project-manager and project-coordinator, and
// the five worst-ranked people with the reason (readiness, counted project roles, missing competencies).
//
//   npm run calibrate -- [--role project-manager] [--corpus ../shared/corpus/dev-resumes] [--as-of 2026-11] [--all-roles]
//                        [--labels eval/labels,eval/heldout] [--labelled-only]
//
// Prints figures only (file name, group, readiness); never resume text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createInlineExtractor } from '../src/extraction/extractor.js';
import { analyzeResume } from '../src/pipeline/analyze.js';
import { DEFAULT_ZIP_LIMITS } from '../src/extraction/inspect-zip.js';
import { readResumeBytes } from '../src/extraction/read-resume.js';
import type { GapReport } from '../src/schemas/analysis.js';
import { loadLexicon } from '../src/taxonomy/load-lexicon.js';
import { loadRoleKnowledge } from '../src/taxonomy/load-roles.js';
import { loadTaxonomy } from '../src/taxonomy/load-taxonomy.js';
import { DEFAULT_CORPUS } from '../bench/lib/corpus.js';

const GROUPS = ['project_management', 'customer_service', 'bpo_call_center', 'other'] as const;
const FOLDERS = ['project_management', 'customer_service', 'bpo_call_center'] as const;

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'project-manager' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    'as-of': { type: 'string', default: new Date().toISOString().slice(0, 7) },
    'all-roles': { type: 'boolean', default: false },
    data: { type: 'string', default: 'data' },
    labels: { type: 'string', default: 'eval/labels,eval/heldout' },
    'labelled-only': { type: 'boolean', default: false },
  },
});

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function summary(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, min: s[0] ?? Number.NaN, median: quantile(s, 0.5), max: s.at(-1) ?? Number.NaN };
}

/** Probability that a random project manager scores above a random other resume (ties count half). */
function auc(pos: number[], neg: number[]): number {
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

async function main() {
  const taxonomy = loadTaxonomy(values.data);
  const lexicon = loadLexicon(join(values.data, 'rewrite-lexicon.yaml'));
  const roles = loadRoleKnowledge(
    values.data,
    taxonomy.competencies.map((c) => c.id),
  );
  if (!roles.rolesById.has(values.role)) throw new Error(`unknown role ${values.role}`);
  const extractor = createInlineExtractor({ maxPages: 20, maxTextChars: 200_000 });
  const limits = { maxTextChars: 200_000, minTextChars: 50, zip: DEFAULT_ZIP_LIMITS };

  // Who is read: the corpus folders by folder name, then labelled resumes by their label's group.
  const people: { group: string; file: string; path: string }[] = [];
  if (!values['labelled-only'])
    for (const group of FOLDERS) {
      const dir = join(values.corpus, group);
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.pdf'))
        .sort())
        people.push({ group, file, path: join(dir, file) });
    }
  const folderFiles = new Set(FOLDERS.flatMap((g) => readdirSync(join(values.corpus, g)).map((f) => `${g}/${f}`)));
  for (const dir of values.labels.split(',').filter(Boolean)) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const label = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { file: string; group?: string };
      if (!label.group || (!values['labelled-only'] && folderFiles.has(label.file))) continue;
      const path = label.file.startsWith('eval/') ? label.file : join(values.corpus, label.file);
      people.push({ group: label.group, file: label.file.replace(/^eval\/texts\//, ''), path });
    }
  }

  const reports: { group: string; file: string; report: GapReport }[] = [];
  for (const { group, file, path } of people) {
    try {
      const doc = await readResumeBytes(new Uint8Array(readFileSync(path)), extractor, limits);
      // The same composition as POST /v1/analyses, so taxonomy rules (project leadership) apply.
      const report = analyzeResume(doc, { taxonomy, roles, lexicon }, { targetRole: values.role, asOf: values['as-of'] })
        .gapReport;
      reports.push({ group, file, report });
    } catch (err) {
      console.error(`${group}/${file}: ${(err as { code?: string }).code ?? (err as Error).name}`);
    }
  }
  await extractor.close();

  console.log(`target role: ${values.role}  (as of ${values['as-of']})\n`);
  console.log(
    'group               file                               readiness  months  degree     top step',
  );
  for (const { group, file, report } of reports) {
    console.log(
      `${group.padEnd(19)} ${file.slice(-34).padEnd(34)} ${String(report.readiness).padStart(9)}  ${String(report.facts.monthsLeadingProjects).padStart(6)}  ${report.facts.degree.padEnd(9)}  ${report.nextSteps[0]?.id ?? '-'}`,
    );
  }

  const readinessOf = (g: string, roleId = values.role) =>
    reports
      .filter((r) => r.group === g)
      .map((r) =>
        roleId === values.role
          ? r.report.readiness
          : (r.report.roleFit.find((f) => f.id === roleId)?.readiness ?? 0),
      );
  console.log('\ngroup               n   min  median  max');
  for (const g of GROUPS) {
    const s = summary(readinessOf(g));
    console.log(
      `${g.padEnd(19)} ${String(s.n).padStart(2)}  ${String(s.min).padStart(4)}  ${s.median.toFixed(1).padStart(6)}  ${String(s.max).padStart(3)}`,
    );
  }
  const pm = readinessOf('project_management');
  const others = [...readinessOf('customer_service'), ...readinessOf('bpo_call_center')];
  const cs = readinessOf('customer_service');
  console.log(`\nAUC project_management above customer_service: ${auc(pm, cs).toFixed(3)}`);
  console.log(`AUC project_management above customer_service + bpo: ${auc(pm, others).toFixed(3)}`);
  console.log(`median gap to customer_service: ${(summary(pm).median - summary(cs).median).toFixed(1)} points`);
  for (const roleId of ['project-manager', 'project-coordinator']) {
    console.log(
      `AUC ${roleId} readiness, project_management above customer_service: ${auc(readinessOf('project_management', roleId), cs).toFixed(3)}`,
    );
  }
  // Worst-ranked: the people in the most wrong-way pairs (a project manager at or below a customer-service
  // resume, or the reverse), with what the report says about them.
  const pms = reports.filter((r) => r.group === 'project_management');
  const css = reports.filter((r) => r.group === 'customer_service');
  const wrongWay = (r: (typeof reports)[number]) =>
    r.group === 'project_management'
      ? css.filter((c) => c.report.readiness >= r.report.readiness).length
      : pms.filter((p) => p.report.readiness <= r.report.readiness).length;
  const worst = [...pms, ...css]
    .map((r) => ({ r, n: wrongWay(r) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.r.file.localeCompare(b.r.file))
    .slice(0, 5);
  console.log(`\nfive worst-ranked for ${values.role} (wrong-way pairs against the other group):`);
  for (const { r, n } of worst) {
    const f = r.report.facts;
    const counted = f.projectRoles.map((p) => `role ${p.roleIndex} by ${p.reason} (${p.months} mo)`).join(', ') || 'none';
    const missing = [...r.report.gaps.needsExperience, ...r.report.gaps.needsCredential].join(', ') || 'none';
    console.log(
      `${r.group}/${r.file}: readiness ${r.report.readiness}, ${n} wrong-way pairs; project months ${f.monthsLeadingProjects} from ${counted}; missing: ${missing}; reframe: ${r.report.gaps.reframable.join(', ') || 'none'}`,
    );
  }
  const pmpEligible = (g: string) =>
    reports.filter((r) => r.group === g && r.report.nextSteps.some((s) => s.id === 'pmp' && s.eligible))
      .length;
  for (const g of GROUPS) console.log(`PMP eligible in ${g}: ${pmpEligible(g)}/${readinessOf(g).length}`);

  if (values['all-roles']) {
    console.log('\nmedian readiness per role (roleFit):');
    console.log(`${'role'.padEnd(34)} ${GROUPS.map((g) => g.padStart(19)).join('')}`);
    for (const role of roles.roles) {
      const cells = GROUPS.map((g) => summary(readinessOf(g, role.id)).median.toFixed(1).padStart(19));
      console.log(`${role.id.padEnd(34)} ${cells.join('')}`);
    }
  }
}

await main();
