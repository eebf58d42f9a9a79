// pdfjs-dist's bundled core-js replaces Array.prototype.push process-wide with a slow polyfill. Each case
// runs in a fresh Node process (a test worker may already have loaded the parsers): the parsers' module
// puts the engine's push back, and the server's own process never loads them when it extracts in the pool.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Evaluates an ES module body under tsx in a new process and returns what it printed. */
async function fresh(body: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', body], {
    cwd: process.cwd(),
    timeout: 60_000,
  });
  return stdout.trim();
}

describe('Array.prototype.push and the PDF parser', { timeout: 90_000 }, () => {
  it('pdf-parse alone replaces the engine push (the reason for the guard)', async () => {
    const out = await fresh(`
      const push = Array.prototype.push;
      await import('pdf-parse');
      console.log(Array.prototype.push === push ? 'native' : 'replaced');`);
    expect(out).toBe('replaced');
  });

  it('loading the extraction step leaves the engine push in place, and it still parses', async () => {
    const out = await fresh(`
      import { readFileSync } from 'node:fs';
      const push = Array.prototype.push;
      const { extractPdfText } = await import('./src/extraction/extract-text.ts');
      const raw = await extractPdfText(new Uint8Array(readFileSync('test/fixtures/livecareer-front-desk-clerk.pdf')), { maxPages: 20, maxTextChars: 100000 });
      console.log(Array.prototype.push === push ? 'native' : 'replaced', raw.text.length > 100);`);
    expect(out).toBe('native true');
  });

  it('the server process does not load the parsers unless it extracts inline', async () => {
    const out = await fresh(`
      const push = Array.prototype.push;
      const { buildApp } = await import('./src/app.ts');
      const { loadConfig } = await import('./src/config.ts');
      const stub = { extract: async () => ({ text: '', truncated: false }), close: async () => undefined };
      const app = await buildApp(loadConfig({}), { extractor: stub });
      await app.ready();
      await app.close();
      console.log(Array.prototype.push === push ? 'native' : 'replaced');`);
    expect(out).toBe('native');
  });
});
