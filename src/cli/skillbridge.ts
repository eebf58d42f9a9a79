#!/usr/bin/env node
// `skillbridge`: the analyser for recruiters at a terminal. analyze (one report, in-process or against a
// running service), rank (a folder of applicants against one role or posting), rewrite (bullets) and
// serve. Exit codes: 0 success, 1 a file could not be analysed, 2 usage; errors are one line on stderr,
// with the stack only under --debug. Resume text and file contents never reach stderr.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../config.js';
import { isAppError } from '../errors.js';
import { rewriteBullet } from '../pipeline/rewrite/rewrite-bullet.js';
import { bulletCompetencies } from '../pipeline/rewrite/rewrite-bullets.js';
import { loadKnowledge } from '../taxonomy/knowledge.js';
import { renderReport } from '../views/render-report.js';
import { REPORT_FORMAT_NAMES, type ReportFormat } from '../views/report-parts.js';
import { wrapText, TEXT_WIDTH } from '../views/render-text.js';
import { analyzeFile, createEngine, type Engine, readCliGapOptions } from './engine.js';
import { buildShortlist, type FileOutcome, formatCsv, formatJson, formatTable } from './shortlist.js';

/** A failure that decides the exit code, printed as one line. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const RESUME_EXTENSIONS = new Set(['.pdf', '.docx', '.txt']);
let debug = false;

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64');
  return n;
}

function output(text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

/** Files named on the command line as they are; folders walked for PDF, DOCX and TXT files. */
function collectFiles(paths: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (RESUME_EXTENSIONS.has(extname(name).toLowerCase())) found.push(p);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // A missing path is listed as a file that could not be analysed.
    }
    if (isDir) walk(p);
    else found.push(p);
  }
  return [...new Set(found)];
}

function describeError(err: unknown): string {
  if (isAppError(err)) return `${err.code}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

async function withEngine<T>(jobs: number, run: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = createEngine(loadConfig(), jobs);
  try {
    return await run(engine);
  } finally {
    await engine.close();
  }
}

/** A role or posting the service would refuse is a usage error, not a file error. */
async function gapOptionsOrUsage(engine: Engine, options: { role?: string; jd?: string }) {
  try {
    return await readCliGapOptions(engine, options);
  } catch (err) {
    throw new CliError(describeError(err), 2);
  }
}

interface AnalyzeOptions {
  role?: string;
  jd?: string;
  format: ReportFormat;
  out?: string;
  server?: string;
  apiKey?: string;
}

async function analyzeThroughServer(file: string, options: AnalyzeOptions): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`NOT_FOUND: cannot read ${basename(file)}`, 1);
  }
  const form = new FormData();
  form.append('resume', new Blob([bytes]), basename(file));
  if (options.role) form.append('targetRole', options.role);
  if (options.jd !== undefined) {
    let posting: Buffer | undefined;
    try {
      posting = readFileSync(options.jd);
    } catch {
      form.append('jobDescription', options.jd);
    }
    if (posting) form.append('jobDescription', new Blob([posting]), basename(options.jd));
  }
  const url = new URL('/v1/analyses', options.server);
  url.searchParams.set('format', options.format);
  // The in-process JSON is indented; ask the service for the same.
  if (options.format === 'json') url.searchParams.set('pretty', 'true');
  const headers: Record<string, string> = {};
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, headers });
  } catch (err) {
    throw new CliError(`cannot reach ${url.origin}: ${(err as Error).message}`, 1);
  }
  const body = await res.text();
  if (!res.ok) {
    let message = `HTTP ${res.status}`;
    try {
      const parsed = JSON.parse(body) as { code?: string; message?: string };
      message = `${parsed.code}: ${parsed.message}`;
    } catch {
      // Not our error shape (a proxy's page): the status is all there is to say.
    }
    throw new CliError(message, res.status === 400 || res.status === 406 ? 2 : 1);
  }
  return body;
}

async function analyzeCommand(file: string, options: AnalyzeOptions): Promise<void> {
  if (options.server) {
    output(await analyzeThroughServer(file, options), options.out);
    return;
  }
  await withEngine(1, async (engine) => {
    const gapOptions = await gapOptionsOrUsage(engine, options);
    let text: string;
    try {
      const analysis = await analyzeFile(engine, file, gapOptions);
      text = options.format === 'json' ? `${JSON.stringify(analysis, null, 2)}\n` : renderReport(analysis, options.format);
    } catch (err) {
      throw new CliError(`${basename(file)}: ${describeError(err)}`, 1);
    }
    output(text, options.out);
  });
}

interface RankOptions {
  role?: string;
  jd?: string;
  format: 'table' | 'csv' | 'json';
  out?: string;
  jobs: number;
}

async function rankCommand(paths: string[], options: RankOptions): Promise<number> {
  const files = collectFiles(paths);
  if (files.length === 0) throw new CliError('no PDF, DOCX or TXT file found', 2);
  const outcomes = await withEngine(Math.min(options.jobs, files.length), async (engine) => {
    const gapOptions = await gapOptionsOrUsage(engine, options);
    const bar = process.stderr.isTTY
      ? new SingleBar({ stream: process.stderr, format: 'Analysing {bar} {value}/{total} files', hideCursor: true })
      : undefined;
    bar?.start(files.length, 0);
    const results: FileOutcome[] = new Array(files.length);
    let next = 0;
    // `jobs` documents in flight: the pool parses them in parallel, analysis runs here between parses.
    const worker = async () => {
      while (next < files.length) {
        const index = next++;
        const file = files[index]!;
        try {
          results[index] = { file, analysis: await analyzeFile(engine, file, gapOptions) };
        } catch (err) {
          if (debug) process.stderr.write(`${(err as Error).stack}\n`);
          results[index] = { file, error: isAppError(err) ? err.code : 'INTERNAL' };
        }
        bar?.increment();
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.jobs, files.length) }, worker));
    bar?.stop();
    return results;
  });
  const byCoverage = options.jd !== undefined;
  const rows = buildShortlist(outcomes, byCoverage);
  const text =
    options.format === 'csv' ? formatCsv(rows) : options.format === 'json' ? formatJson(rows) : formatTable(rows, byCoverage);
  output(text, options.out);
  const failed = rows.filter((r) => r.error !== null);
  if (failed.length) {
    process.stderr.write(`${failed.length} of ${rows.length} files could not be analysed: ${failed.map((r) => `${basename(r.file)} (${r.error})`).join(', ')}\n`);
    return 1;
  }
  return 0;
}

async function readStdinLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}

async function rewriteCommand(bullets: string[], options: { tense: 'past' | 'present'; format: 'text' | 'json' }): Promise<void> {
  if (bullets.length === 0) {
    if (process.stdin.isTTY) throw new CliError('give bullets as arguments or one per line on stdin', 2);
    bullets = await readStdinLines();
    if (bullets.length === 0) throw new CliError('no bullet on stdin', 2);
  }
  const knowledge = loadKnowledge(loadConfig().DATA_DIR);
  const rewrites = bullets.map((text) =>
    rewriteBullet(text, { tense: options.tense, competencyIds: bulletCompetencies(text, knowledge) }, knowledge.lexicon),
  );
  if (options.format === 'json') {
    output(`${JSON.stringify(rewrites, null, 2)}\n`, undefined);
    return;
  }
  const lines: string[] = [];
  for (const r of rewrites) {
    lines.push(...wrapText(`Before: ${r.original}`, TEXT_WIDTH), ...wrapText(`After:  ${r.rewrite}`, TEXT_WIDTH));
    for (const slot of r.slots) lines.push(...wrapText(`${slot.token} ${slot.question}`, TEXT_WIDTH, '        '));
    lines.push('');
  }
  output(lines.join('\n'), undefined);
}

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('skillbridge')
    .description('Customer-service resumes read for project-management roles: reports and ranked shortlists.')
    .option('--debug', 'print stack traces with errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program.hook('preAction', (cmd) => {
    debug = Boolean(cmd.optsWithGlobals().debug);
  });

  program
    .command('analyze')
    .description('Report on one resume (PDF, DOCX or TXT), in-process or through a running service')
    .argument('<file>', 'the resume')
    .option('--role <id>', 'target role id (see GET /v1/roles); default project-coordinator')
    .option('--jd <file|text>', 'a job posting: a PDF/DOCX/TXT file, or its text')
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMAT_NAMES).default('text'))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .option('--server <url>', 'ask a running service instead of analysing in-process')
    .option('--api-key <key>', 'API key for --server (or SKILLBRIDGE_API_KEY)')
    .action(async (file: string, options: AnalyzeOptions) => {
      await analyzeCommand(file, { ...options, apiKey: options.apiKey ?? process.env.SKILLBRIDGE_API_KEY });
    });

  program
    .command('rank')
    .description('Rank resumes in files and folders for one role or posting')
    .argument('<paths...>', 'resume files and folders (searched for .pdf, .docx, .txt)')
    .option('--role <id>', 'target role id; default project-coordinator')
    .option('--jd <file|text>', 'a job posting; ranks by posting coverage')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .option('--out <file>', 'write the shortlist to a file instead of stdout')
    .option('--jobs <n>', 'documents parsed in parallel', positiveInt, 2)
    .action(async (paths: string[], options: RankOptions) => setExit(await rankCommand(paths, options)));

  program
    .command('rewrite')
    .description('Rewrite resume bullets for a project-management reader (arguments, or stdin one per line)')
    .argument('[bullets...]', 'bullets to rewrite')
    .addOption(new Option('--tense <tense>', 'past role or current role').choices(['past', 'present']).default('past'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (bullets: string[], options: { tense: 'past' | 'present'; format: 'text' | 'json' }) =>
      rewriteCommand(bullets, options),
    );

  program
    .command('serve')
    .description('Start the HTTP service (the same as npm start; configured by the environment)')
    .action(async () => {
      await import('../server.js');
      // The server owns the process from here: it exits on its own signals.
      await new Promise(() => undefined);
    });
  return program;
}

async function main(): Promise<void> {
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error (already printed).
      exitCode = err.exitCode === 0 ? 0 : 2;
    } else if (err instanceof CliError) {
      process.stderr.write(`skillbridge: ${err.message}\n`);
      if (debug) process.stderr.write(`${err.stack}\n`);
      exitCode = err.exitCode;
    } else {
      process.stderr.write(`skillbridge: ${describeError(err)}\n`);
      if (debug) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
      exitCode = 1;
    }
  }
  process.exitCode = exitCode;
}

await main();
