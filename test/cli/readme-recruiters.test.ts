// The README's "For recruiters" commands work verbatim from the repository root (`npx skillbridge` is
// swapped for the same entry run from source, so no build is needed), and its ranked-table excerpt
// lists the files in the order the command gives.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/corpus.js';

const run = promisify(execFile);
const readme = readFileSync(`${REPO_ROOT}/README.md`, 'utf8');
const section = readme.slice(readme.indexOf('## For recruiters'), readme.indexOf('## What an analysis says'));
const commands = /```bash\n([\s\S]*?)```/
  .exec(section)![1]!
  .split('\n')
  .filter((l) => l.startsWith('npx skillbridge '));
const SOURCE_ENTRY = `"${process.execPath}" --import tsx src/cli/skillbridge.ts`;

describe('README: For recruiters', { timeout: 180_000 }, () => {
  it('has the three commands', () => {
    expect(commands).toHaveLength(3);
  });

  it.each(commands)('%s', async (command) => {
    const { stdout } = await run('bash', ['-c', command.replace('npx skillbridge', SOURCE_ENTRY)], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout.trim()).not.toBe('');
    if (command.includes(' rank ')) {
      const excerpt = [...section.matchAll(/```text\n([\s\S]*?)```/g)].at(-1)![1]!.trimEnd().split('\n');
      expect(stdout.trimEnd().split('\n')[0]).toBe(excerpt[0]);
      const files = (text: string[]) => text.slice(1).map((l) => l.trim().split(/\s+/)[1]);
      expect(files(stdout.trimEnd().split('\n'))).toEqual(files(excerpt));
    }
    if (command.includes(' analyze ')) expect(stdout).toMatch(/^Readiness {5}\d+%$/m);
  });
});
