// The README's curl examples must work verbatim: each is run with curl against the real server
// (only the host is swapped for the test server's) and must answer the status its comment implies.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/corpus.js';
import { startServer, type TestServer } from './helpers/server.js';

const run = promisify(execFile);

interface Example {
  comment: string;
  command: string;
}

function readmeCurls(): Example[] {
  const readme = readFileSync(`${REPO_ROOT}/README.md`, 'utf8');
  const block = readme.slice(readme.indexOf('## Try it'));
  const code = /```bash\n([\s\S]*?)```/.exec(block)![1]!;
  const out: Example[] = [];
  let comment = '';
  let command = '';
  for (const line of code.split('\n')) {
    if (line.startsWith('#')) comment = line;
    else if (line.trim() !== '') {
      command += line.endsWith('\\') ? `${line.slice(0, -1)} ` : line;
      if (!line.endsWith('\\')) {
        out.push({ comment, command });
        command = '';
      }
    }
  }
  return out;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

describe('README curl examples', () => {
  const examples = readmeCurls();
  it('has the examples the README promises', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.map((e) => [e.command.slice(0, 90), e]))('%s', async (_name, example) => {
    const command = `${example.command.replaceAll('http://localhost:3000', server.url)} -w '\\n%{http_code}'`;
    // Async: the server under test runs on this process's event loop.
    const { stdout: output } = await run('bash', ['-c', command], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const lines = output.trimEnd().split('\n');
    const status = Number(lines.pop());
    const body = JSON.parse(lines.join('\n'));
    if (/error/i.test(example.comment)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(body).toEqual({ statusCode: status, code: expect.any(String), error: expect.any(String), message: expect.any(String) });
    } else {
      expect(status).toBe(200);
    }
  });
});
