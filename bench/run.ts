// `npm run bench`: runs the benchmark and writes bench/results/latest.{md,json}; a full run also refreshes
// the generated block of docs/benchmarks.md.
// Options: --quick (seconds; figures meaningless), --only=stages,taxonomy,length,text,loop,http,
// --server=build|dist|tsx, --duration=<s per HTTP cell>, --out=<dir>, --cpu-prof=<dir> (server CPU profile).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchOptions, type BenchReport, FULL, QUICK, runBench, type Section, SECTIONS } from './lib/bench.js';
import { REPO_ROOT } from './lib/corpus.js';
import { evaluateTargets, renderMarkdown, renderSummary, type Target } from './lib/report.js';

export interface Written {
  report: BenchReport;
  targets: Target[];
  markdown: string;
  files: string[];
}

/** Runs with `options` and writes `<out>/latest.md` and `<out>/latest.json`. */
export async function runAndWrite(options: BenchOptions, out: string, log: (line: string) => void): Promise<Written> {
  const report = await runBench(options, log);
  const targets = evaluateTargets(report);
  const markdown = renderMarkdown(report, targets);
  mkdirSync(out, { recursive: true });
  const md = join(out, 'latest.md');
  const json = join(out, 'latest.json');
  writeFileSync(md, markdown);
  writeFileSync(json, `${JSON.stringify({ ...report, targets }, null, 2)}\n`);
  return { report, targets, markdown, files: [md, json] };
}

export const SUMMARY_DOC = join(REPO_ROOT, 'docs', 'benchmarks.md');
const START = '<!-- bench:start (written by npm run bench; do not edit by hand) -->';
const END = '<!-- bench:end -->';

/** Replaces the generated block of docs/benchmarks.md; false when the file or its markers are missing. */
export function updateSummaryDoc(written: Written, file = SUMMARY_DOC): boolean {
  if (!existsSync(file)) return false;
  const doc = readFileSync(file, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) return false;
  const block = renderSummary(written.report, written.targets);
  writeFileSync(file, `${doc.slice(0, a + START.length)}\n${block}\n${doc.slice(b)}`);
  return true;
}

const DEFAULT_OUT = join(REPO_ROOT, 'bench', 'results');

function optionsFromArgs(argv: string[]): { options: BenchOptions; out: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      server: { type: 'string' },
      duration: { type: 'string' },
      out: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
    strict: true,
  });
  const base = values.quick ? QUICK : FULL;
  const sections = values.only
    ? values.only.split(',').map((s) => {
        if (!SECTIONS.includes(s as Section)) throw new Error(`--only: unknown section "${s}" (${SECTIONS.join(', ')})`);
        return s as Section;
      })
    : base.sections;
  const server = values.server ?? base.http.mode;
  if (server !== 'tsx' && server !== 'dist' && server !== 'build') throw new Error('--server must be build, dist or tsx');
  const options: BenchOptions = {
    ...base,
    sections,
    http: {
      ...base.http,
      mode: server,
      ...(values.duration ? { durationS: Number(values.duration) } : {}),
      ...(values['cpu-prof'] ? { cpuProfDir: resolve(values['cpu-prof']) } : {}),
    },
  };
  return { options, out: resolve(values.out ?? DEFAULT_OUT) };
}

async function main(): Promise<void> {
  const { options, out } = optionsFromArgs(process.argv.slice(2));
  const t0 = performance.now();
  const log = (line: string) =>
    process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
  const written = await runAndWrite(options, out, log);
  const { targets, files } = written;
  // Only a full run into the default place speaks for the project: it alone refreshes docs/benchmarks.md.
  const official = options.preset === 'full' && options.sections.length === SECTIONS.length && out === DEFAULT_OUT;
  if (official && updateSummaryDoc(written)) files.push(SUMMARY_DOC);
  for (const t of targets) {
    log(`${t.met === undefined ? '-' : t.met ? 'MET    ' : 'MISSED '} ${t.target}: ${t.measured}${t.gap ? ` | ${t.gap}` : ''}`);
  }
  log(`wrote ${files.join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(1);
  });
}
