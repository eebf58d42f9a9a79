// What an integrator's tools say of openapi.yaml: Redocly's recommended rules and Spectral's OpenAPI
// ruleset find nothing, and a client generated with openapi-typescript + openapi-fetch compiles under
// --strict with a Blob upload, a required gap report, error codes as a closed enum and typed headers.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/corpus.js';

const run = promisify(execFile);
const bin = (name: string) => join(REPO_ROOT, 'node_modules', '.bin', name);
const SPEC = join(REPO_ROOT, 'openapi.yaml');

/** Runs a command, returning its exit code and output instead of throwing on a non-zero exit. */
async function exec(cmd: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('openapi.yaml under third-party linters', () => {
  it('passes Redocly lint --extends=recommended with no error and no warning', async () => {
    const { code, out } = await exec(bin('redocly'), ['lint', SPEC, '--extends=recommended', '--format=summary']);
    expect(out, out).not.toMatch(/\b(error|warning) [a-z0-9-]+: \d+/);
    expect(code, out).toBe(0);
  }, 60_000);

  it("passes Spectral's spectral:oas ruleset with nothing at hint level or above", async () => {
    const { code, out } = await exec(bin('spectral'), ['lint', SPEC, '--ruleset', '.spectral.yaml', '--fail-severity=hint']);
    expect(out).toContain('No results');
    expect(code, out).toBe(0);
  }, 60_000);
});

describe('a client generated from openapi.yaml', () => {
  const dir = mkdtempSync(join(REPO_ROOT, 'scratch-client-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles under --strict with a Blob upload, and types what a client relies on', async () => {
    // openapi-typescript's documented transform for file uploads: `format: binary` is a Blob.
    const ast = await openapiTS(new URL(`file://${SPEC}`), {
      transform(schema) {
        if (schema.format === 'binary') return ts.factory.createTypeReferenceNode('Blob');
        return undefined;
      },
    });
    writeFileSync(join(dir, 'api.ts'), astToString(ast));
    writeFileSync(
      join(dir, 'client.ts'),
      `import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' });
type ErrorCode = components['schemas']['Error']['code'];

export async function analyse(resume: Blob, posting: Blob | string): Promise<number | ErrorCode> {
  const { data, error, response } = await client.POST('/v1/analyses', {
    body: { resume, targetRole: 'project-manager', jobDescription: posting },
    bodySerializer(body) {
      const form = new FormData();
      for (const [name, value] of Object.entries(body)) form.append(name, value as Blob | string);
      return form;
    },
  });
  if (error) return error.code;
  void response;
  // The same operation also answers Markdown, text or HTML reports (strings) when asked to.
  if (typeof data === 'string') throw new Error('asked for JSON, got a report');
  // gapReport is always there: no optional chaining needed.
  return data.gapReport.readiness;
}

export async function role(id: string): Promise<string> {
  const { data, error } = await client.GET('/v1/roles/{id}', { params: { path: { id } } });
  return error ? error.message : data.title;
}

export const unknownCode: ErrorCode = 'UNAUTHORIZED';
// @ts-expect-error: error codes are a closed enum, not any string
export const invented: ErrorCode = 'NOT_A_CODE';
export type RetryAfter = paths['/v1/analyses']['post']['responses'][429]['headers']['Retry-After'];
export const wait: RetryAfter = 3;
export type Challenge = paths['/v1/analyses']['post']['responses'][401]['headers']['WWW-Authenticate'];
export const challenge: Challenge = 'Bearer';
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: [],
          skipLibCheck: true,
        },
        files: ['client.ts'],
      }),
    );
    const { code, out } = await exec(bin('tsc'), ['-p', join(dir, 'tsconfig.json')]);
    expect(out).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});
