// Finds the shared material (../shared beside the repository, or SKILLBRIDGE_SHARED) and lists the
// dev-resume corpus by format. The one place that knows where ../shared is: tests, bench, scripts and
// evaluations all take it from here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** ../shared beside the clone (COMPETENCIES.md, reference/, corpus/), or SKILLBRIDGE_SHARED when set. */
export const SHARED_DIR = resolve(process.env.SKILLBRIDGE_SHARED ?? join(REPO_ROOT, '..', 'shared'));
export const SHARED_CORPUS = join(SHARED_DIR, 'corpus');
export const DEFAULT_CORPUS = join(SHARED_CORPUS, 'dev-resumes');

export type Format = 'pdf' | 'docx' | 'txt';
export const FORMATS: readonly Format[] = ['pdf', 'docx', 'txt'];

export interface CorpusFile {
  /** Path relative to the corpus root: what the report names. */
  name: string;
  path: string;
  format: Format;
  bytes: Buffer;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/** Every PDF, DOCX and TXT resume under `root`, sorted by path. */
export function listResumes(root: string = DEFAULT_CORPUS): CorpusFile[] {
  return walk(root).flatMap((path) => {
    const ext = extname(path).slice(1).toLowerCase();
    if (ext !== 'pdf' && ext !== 'docx' && ext !== 'txt') return [];
    return [{ name: relative(root, path), path, format: ext, bytes: readFileSync(path) }];
  });
}

/** At most `perFormat` files of each format, spread evenly over the sorted list (for quick runs). */
export function sampleResumes(files: readonly CorpusFile[], perFormat: number): CorpusFile[] {
  return FORMATS.flatMap((format) => {
    const list = files.filter((f) => f.format === format);
    if (list.length <= perFormat) return list;
    const step = list.length / perFormat;
    return Array.from({ length: perFormat }, (_, i) => list[Math.floor(i * step)]!);
  });
}
