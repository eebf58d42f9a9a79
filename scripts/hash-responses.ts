// Hashes the API's answers for every corpus file, so a refactor can prove it changed no byte of output.
// Usage: npx tsx scripts/hash-responses.ts OUT.json, then diff two runs. Each line: status, hash of
// the bytes, hash of the key-sorted JSON (equal when only the order of keys differs). Runs the real app in-process with
// the inline extractor; each file goes to /v1/documents and /v1/analyses (default, with a posting, and
// as JSON Resume, markdown and pretty JSON); the content type is part of each line.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { corpusName, listFiles, SHARED_CORPUS } from '../test/helpers/corpus.js';

const POSTING =
  'Project Coordinator: track schedules and milestones, prepare status reports for stakeholders, manage risks ' +
  'and budgets. Agile or Scrum and a CAPM are a plus.';

function multipartBody(bytes: Buffer, fields: Record<string, string>): { body: Buffer; contentType: string } {
  const b = 'hash-responses-boundary';
  const parts = [Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="resume"; filename="x"\r\n\r\n`), bytes];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`\r\n--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}`));
  }
  parts.push(Buffer.from(`\r\n--${b}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${b}` };
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

/** The same JSON value with every object's keys sorted: equal when two answers differ only in key order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'responses.json';
  const app = await buildApp(loadConfig({}, { HOST: '127.0.0.1', PORT: 0, RATE_LIMIT_MAX: 1_000_000 }));
  const files = listFiles(SHARED_CORPUS, (p) => /\.(pdf|docx|txt)$/i.test(p));
  const hashes: Record<string, string> = {};
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const [url, fields] of [
      ['/v1/documents', {}],
      ['/v1/analyses', {}],
      ['/v1/analyses', { targetRole: 'project-manager', jobDescription: POSTING }],
      ['/v1/documents?format=jsonresume', {}],
      ['/v1/analyses?format=markdown', {}],
      ['/v1/analyses?pretty=true', {}],
    ] as [string, Record<string, string>][]) {
      const { body, contentType } = multipartBody(bytes, fields);
      const res = await app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType } });
      const key = `${corpusName(file)} ${url}${Object.keys(fields).length ? ' +posting' : ''}`;
      const type = String(res.headers['content-type'] ?? '');
      const canonical = type.includes('json') ? JSON.stringify(sortKeys(JSON.parse(res.body))) : res.body;
      hashes[key] = `${res.statusCode} ${type} ${digest(res.body)} ${digest(canonical)}`;
    }
  }
  await app.close();
  writeFileSync(out, `${JSON.stringify(hashes, null, 2)}\n`);
  process.stdout.write(`${Object.keys(hashes).length} answers hashed into ${out}\n`);
}

await main();
