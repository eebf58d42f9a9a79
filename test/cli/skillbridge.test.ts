// `skillbridge` run as a child process on real corpus files, like a recruiter at a terminal: rank lists
// every file once in readiness order (posting coverage with --jd) with the readiness the API gives,
// CSV parses as CSV, unreadable files are listed with their code, exit codes 0/1/2, one-line errors.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, SHARED_CORPUS } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

const DEV = join(SHARED_CORPUS, 'dev-resumes');
const POSTING = join(FIXTURES, 'postings', 'onet-13-1082.00-project-management-specialists.txt');
const MIXED = [
  join(DEV, 'customer_service', 'ADVOCATE_13342150.pdf'),
  join(DEV, 'bpo_call_center', 'BPO_11183737.txt'),
  join(DEV, 'project_management', 'AVIATION_42427521.pdf'),
  join(FIXTURES, 'office-coordinator-2.docx'),
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli', 'skillbridge.ts'), ...args],
      { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (stdin !== undefined) child.stdin!.end(stdin);
    else child.stdin!.end();
  });
}

const lines = (text: string) => text.trimEnd().split('\n');

let folder: string;
let server: TestServer;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'skillbridge-cli-'));
  for (const file of MIXED) copyFileSync(file, join(folder, basename(file)));
  server = await startServer();
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await server?.close();
});

describe('skillbridge rank', { timeout: 180_000 }, () => {
  it('lists every file of a mixed folder once, by readiness, with the readiness the API gives', async () => {
    const run = await cli(['rank', folder, '--format', 'json', '--jobs', '2']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { rank: number; file: string; name: string; readiness: number; error: null }[];
    expect(rows.map((r) => basename(r.file)).sort()).toEqual(MIXED.map((f) => basename(f)).sort());
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    const readiness = rows.map((r) => r.readiness);
    expect(readiness).toEqual([...readiness].sort((a, b) => b - a));
    // The same pipeline as the route: each file's readiness equals the API's for that file.
    for (const row of rows) {
      const res = await request(server.url).post('/v1/analyses').attach('resume', row.file);
      expect(res.status).toBe(200);
      expect(row.readiness, basename(row.file)).toBe(res.body.gapReport.readiness);
      expect(row.name).toBe(res.body.document.contact.name?.text ?? basename(row.file));
    }
  });

  it('ranks by posting coverage with --jd and writes CSV a parser reads', async () => {
    const run = await cli(['rank', ...MIXED, '--jd', POSTING, '--format', 'csv']);
    expect(run.code).toBe(0);
    const records = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(['rank', 'file', 'name', 'readiness', 'coverage', 'strengths', 'gaps', 'error']);
    expect(records).toHaveLength(MIXED.length);
    const coverage = records.map((r) => Number(r.coverage));
    expect(coverage.every((c) => c >= 0 && c <= 100)).toBe(true);
    expect(coverage).toEqual([...coverage].sort((a, b) => b - a));
    expect(new Set(records.map((r) => r.file)).size).toBe(MIXED.length);
  });

  it('lists an unreadable or missing file with its error code, ranks the rest and exits 1', async () => {
    const run = await cli(['rank', MIXED[0]!, join(FIXTURES, 'not-a-docx.zip'), join(folder, 'missing.pdf')]);
    expect(run.code).toBe(1);
    const table = lines(run.stdout);
    expect(table).toHaveLength(4);
    expect(table[1]).toMatch(/^\s+1\s+ADVOCATE_13342150\.pdf/);
    expect(run.stdout).toContain('error: UNSUPPORTED_MEDIA_TYPE');
    expect(run.stdout).toContain('error: NOT_FOUND');
    expect(lines(run.stderr)).toHaveLength(1);
  });
});

describe('skillbridge analyze', { timeout: 180_000 }, () => {
  it('a missing file exits 1 with one line on stderr and no stack', async () => {
    const run = await cli(['analyze', join(folder, 'missing.pdf')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^skillbridge: missing\.pdf: NOT_FOUND/);
  });

  it('a usage error exits 2 in one line; an unknown role too', async () => {
    const bad = await cli(['rank', folder, '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(lines(bad.stderr)).toHaveLength(1);
    const role = await cli(['analyze', MIXED[0]!, '--role', 'astronaut']);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/^skillbridge: UNKNOWN_ROLE/);
    expect(lines(role.stderr)).toHaveLength(1);
  });

  it('writes the Markdown report in-process and the same report through a running service', async () => {
    const out = join(folder, 'report.md');
    const local = await cli(['analyze', MIXED[0]!, '--role', 'project-manager', '--format', 'markdown', '--out', out]);
    expect(local.code).toBe(0);
    const markdown = readFileSync(out, 'utf8');
    const json = await request(server.url).post('/v1/analyses').attach('resume', MIXED[0]!).field('targetRole', 'project-manager');
    expect(markdown).toContain(`**Readiness:** ${json.body.gapReport.readiness}%`);
    expect(markdown).toContain('| Competency | Level | Score | Strongest quote |');

    const remote = await cli(['analyze', MIXED[0]!, '--role', 'project-manager', '--format', 'markdown', '--server', server.url]);
    expect(remote.code).toBe(0);
    expect(remote.stdout).toBe(markdown);
  });
});

describe('skillbridge rewrite', { timeout: 60_000 }, () => {
  it('rewrites bullets from stdin, one per line', async () => {
    const run = await cli(['rewrite', '--format', 'json'], 'Responsible for handling customer complaints.\n\nTrained new hires\n');
    expect(run.code).toBe(0);
    const rewrites = JSON.parse(run.stdout) as { original: string; rewrite: string }[];
    expect(rewrites.map((r) => r.original)).toEqual(['Responsible for handling customer complaints.', 'Trained new hires']);
    expect(rewrites[0]!.rewrite).not.toBe(rewrites[0]!.original);
  });
});
