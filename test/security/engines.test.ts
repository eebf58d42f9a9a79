// The Node version the project claims is one every installed dependency accepts (npm ci prints
// EBADENGINE otherwise), and the README and the Dockerfile state the same minimum (issue 12).
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean }>;
};
const minimum = semver.minVersion(pkg.engines.node)!;

describe('engines', () => {
  it('the declared minimum Node satisfies every dependency that states an engine', () => {
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !semver.satisfies(minimum, (p.engines as { node: string }).node))
      .map(([name, p]) => `${name}: ${(p.engines as { node: string }).node}`);
    expect(refused).toEqual([]);
  });

  it('the README and the Dockerfile agree with engines', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`Node ${pkg.engines.node.replace('>=', '>= ')}`);
    const image = /FROM node:(\d+)/.exec(readFileSync('Dockerfile', 'utf8'))![1]!;
    expect(semver.satisfies(`${image}.99.0`, pkg.engines.node)).toBe(true);
  });
});
