// `skillbridge rank` output: one row per file, sorted by readiness for the role (by posting coverage
// when a posting is given), files that could not be analysed last with their error code. Every value
// is read from the analysis; the table, CSV and JSON show the same rows.
import { basename } from 'node:path';
import type { Analysis, GapItem } from '../schemas/analysis.js';
import { candidateName, competencyLabel } from '../views/report-parts.js';

const TOP = 3;

export interface ShortlistRow {
  rank: number | null;
  file: string;
  name: string;
  readiness: number | null;
  coverage: number | null;
  strengths: string[];
  gaps: string[];
  error: string | null;
}

export type FileOutcome = { file: string; analysis: Analysis } | { file: string; error: string };

/** Items by weight, heaviest first, keeping the role profile's order among equals. */
const heaviest = (items: GapItem[]) => [...items].sort((a, b) => b.weight - a.weight).slice(0, TOP);

function toRow(outcome: FileOutcome): ShortlistRow {
  if ('error' in outcome)
    return { rank: null, file: outcome.file, name: basename(outcome.file), readiness: null, coverage: null, strengths: [], gaps: [], error: outcome.error };
  const { analysis } = outcome;
  const report = analysis.gapReport;
  const items = report?.items ?? [];
  const label = (i: GapItem) => competencyLabel(analysis, i.competencyId);
  return {
    rank: null,
    file: outcome.file,
    name: candidateName(analysis) ?? basename(outcome.file),
    readiness: report?.readiness ?? null,
    coverage: report?.jobDescription?.coverage ?? null,
    strengths: heaviest(items.filter((i) => i.status === 'strength')).map(label),
    gaps: heaviest(items.filter((i) => i.status === 'gap' || i.status === 'thin')).map(label),
    error: null,
  };
}

export function buildShortlist(outcomes: FileOutcome[], byCoverage: boolean): ShortlistRow[] {
  const key = (r: ShortlistRow) => (byCoverage ? r.coverage : r.readiness) ?? -1;
  const rows = outcomes.map(toRow);
  const ok = rows
    .filter((r) => r.error === null)
    .sort((a, b) => key(b) - key(a) || (b.readiness ?? 0) - (a.readiness ?? 0) || a.file.localeCompare(b.file));
  const failed = rows.filter((r) => r.error !== null).sort((a, b) => a.file.localeCompare(b.file));
  return [...ok.map((r, i) => ({ ...r, rank: i + 1 })), ...failed];
}

const COLUMNS = ['rank', 'file', 'name', 'readiness', 'coverage', 'strengths', 'gaps', 'error'] as const;

function cells(row: ShortlistRow): string[] {
  return [
    row.rank === null ? '' : String(row.rank),
    row.file,
    row.name,
    row.readiness === null ? '' : String(row.readiness),
    row.coverage === null ? '' : String(row.coverage),
    row.strengths.join('; '),
    row.gaps.join('; '),
    row.error ?? '',
  ];
}

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function formatCsv(rows: ShortlistRow[]): string {
  return [COLUMNS.join(','), ...rows.map((r) => cells(r).map(csvField).join(','))].join('\r\n') + '\r\n';
}

export function formatJson(rows: ShortlistRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/**
 * A terminal table of about 120 columns: lists shortened, and the name column left out when no file
 * has a name in its contact block (it would only repeat the file name).
 */
export function formatTable(rows: ShortlistRow[], withCoverage: boolean): string {
  const showNames = rows.some((r) => r.name !== basename(r.file));
  const fileWidth = Math.min(30, Math.max(4, ...rows.map((r) => basename(r.file).length)));
  const nameWidth = Math.min(22, Math.max(4, ...rows.map((r) => r.name.length)));
  const head = [
    '#'.padStart(3),
    'File'.padEnd(fileWidth),
    ...(showNames ? ['Name'.padEnd(nameWidth)] : []),
    'Ready',
    ...(withCoverage ? ['Posting'] : []),
    'Top strengths'.padEnd(30),
    'Top gaps',
  ];
  const lines = [head.join('  ')];
  for (const r of rows) {
    const score = (n: number | null, w: number) => (n === null ? '' : `${n}%`).padStart(w);
    lines.push(
      [
        (r.rank === null ? '-' : String(r.rank)).padStart(3),
        cut(basename(r.file), fileWidth).padEnd(fileWidth),
        ...(showNames ? [cut(r.name, nameWidth).padEnd(nameWidth)] : []),
        score(r.readiness, 5),
        ...(withCoverage ? [score(r.coverage, 7)] : []),
        cut(r.error ? `error: ${r.error}` : r.strengths.join(', '), 30).padEnd(30),
        r.error ? '' : cut(r.gaps.join(', '), 30),
      ].join('  ').trimEnd(),
    );
  }
  return `${lines.join('\n')}\n`;
}
