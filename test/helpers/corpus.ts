// Paths into the shared corpus (bench/lib/corpus.ts says where) and the few files copied into test/fixtures.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, SHARED_CORPUS, SHARED_DIR } from '../../bench/lib/corpus.js';

export { REPO_ROOT, SHARED_CORPUS, SHARED_DIR };
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const SAMPLES = join(REPO_ROOT, 'data', 'samples');

export function listFiles(dir: string, filter: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (filter(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function corpusName(path: string): string {
  return relative(SHARED_CORPUS, path);
}
