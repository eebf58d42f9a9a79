// Nothing of a resume leaks: a canary string in the text and in the file name, plus an e-mail address
// and a phone number, never appear in any log line (trace level, success and error paths, through the
// child-process pool), key headers are redacted, and nothing is written under os.tmpdir(). The logs are
// searched after decoding what a plain grep misses: byte arrays (Fastify's `err.rawPacket` of a
// malformed request), Buffer JSON and base64. Trace is the most verbose level: every line of every other
// level is in it. Malformed HTTP and keys in query strings are sent too.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_REDACT } from '../../src/app.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { buildDocx, documentXml, resumeLines, textDocx, textPdf } from '../../bench/lib/generate-documents.js';
import { rawRequest } from '../hostile/raw-http.js';

const CANARY = `canary${Date.now().toString(36)}q7z`;
const EMAIL = 'jordan.canary@example.org';
const PHONE = '+1 (555) 010-4477';
const KEY = `key-${CANARY}-secret`;
const SECRETS = [CANARY, EMAIL, PHONE, KEY, '555) 010'];

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

let server: TestServer;
let scratch: string;
const previousTmp = process.env.TMPDIR;

function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      out.push(`${p}:${st.isDirectory() ? 'dir' : st.size}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

beforeAll(async () => {
  // A private temp dir, inherited by the extraction children, makes "nothing written" checkable.
  scratch = mkdtempSync(join(tmpdir(), 'skillbridge-privacy-'));
  process.env.TMPDIR = scratch;
  const logger = pino(
    {
      level: 'trace',
      redact: LOG_REDACT,
      // An operator turning header logging on must still not see keys.
      serializers: {
        req: (req: { method: string; url: string; headers: Record<string, unknown> }) => ({
          method: req.method,
          url: req.url,
          headers: req.headers,
        }),
      },
    },
    sink,
  );
  server = await startServer(
    { API_KEYS: [KEY], PARSE_TIMEOUT_MS: 1_500, MAX_FILE_BYTES: 200_000 },
    { logger, extractor: 'pool' },
  );
});

afterAll(async () => {
  await server?.close();
  process.env.TMPDIR = previousTmp;
  rmSync(scratch, { recursive: true, force: true });
});

const personal = resumeLines(CANARY).concat([`Contact: ${EMAIL}, ${PHONE}`]);

/** The logs plus every byte array and base64 run in them, decoded, so an encoded secret is found too. */
function decodedLogs(raw: string): string {
  const decoded: string[] = [raw];
  for (const m of raw.matchAll(/\[(\s*\d{1,3}\s*(?:,\s*\d{1,3}\s*){3,})\]/g)) {
    const bytes = m[1]!.split(',').map((n) => Number(n.trim()));
    if (bytes.every((b) => b <= 255)) decoded.push(Buffer.from(bytes).toString('latin1'));
  }
  for (const m of raw.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    decoded.push(Buffer.from(m[0], 'base64').toString('latin1'));
    decoded.push(Buffer.from(m[0], 'base64url').toString('latin1'));
  }
  return decoded.join('\n');
}

function post() {
  return request(server.url).post('/v1/documents').set('authorization', `Bearer ${KEY}`);
}

describe('privacy', { timeout: 120_000 }, () => {
  it('keeps the canary out of every log line and off the disk', async () => {
    // Warm the pool first (tsx may cache its own transpiled sources when run from TypeScript).
    await post().attach('resume', textPdf(resumeLines()), 'warm.pdf');
    const before = listTree(scratch);

    const ok = [
      await post().attach('resume', textPdf(personal), `${CANARY}-resume.pdf`),
      await post().attach('resume', textDocx(personal), `${CANARY} resume.docx`),
      await post().send({ text: personal.join('\n') }),
    ];
    for (const res of ok) {
      expect(res.status).toBe(200);
      expect(res.body.text).toContain(CANARY);
    }
    const refused = [
      // Too little text, a corrupt PDF, a corrupt DOCX, an unsupported type, a parse past its deadline.
      await post().attach('resume', textPdf([`${CANARY} ${EMAIL}`]), `${CANARY}.pdf`),
      await post().attach('resume', Buffer.from(`%PDF-1.7\n${CANARY} ${EMAIL} garbage`), `${CANARY}.pdf`),
      await post().attach(
        'resume',
        buildDocx({ data: Buffer.from(documentXml(personal)).subarray(0, 300) }),
        `${CANARY}.docx`,
      ),
      await post().attach('resume', Buffer.from(`<html>${CANARY} ${EMAIL}</html>`), `${CANARY}.pdf`),
      await post().attach('resume', Buffer.alloc(300_000, CANARY), `${CANARY}.pdf`),
      await post().set('content-type', 'application/json').send(`{"text": "${CANARY} ${EMAIL}`),
      await request(server.url).post('/v1/documents').set('x-api-key', `wrong-${CANARY}`).send({ text: CANARY }),
    ];
    expect(refused.map((r) => r.status)).toEqual([422, 422, 422, 415, 413, 400, 401]);
    // Keys in a query string: the path is logged, never the query.
    const query = await request(server.url).get(`/v1/roles?api_key=${KEY}&email=${encodeURIComponent(EMAIL)}`).set('x-api-key', KEY);
    expect(query.status).toBe(200);
    // Malformed HTTP that Node's parser refuses: Fastify would log its raw packet at trace level.
    const body = JSON.stringify({ text: `${CANARY} ${EMAIL} ${PHONE}` });
    const malformed = [
      `POST /v1/documents?api_key=${KEY} HTTP/1.1\r\nHost: x\r\nX-API-Key: ${KEY}\r\nAuthorization: Bearer ${KEY}\r\nContent-Type: application/json\r\nContent-Length: 1x\r\n\r\n${body}`,
      `POST /v1/documents HTTP/1.1\r\nHost: x\r\nX-API-Key: ${KEY}\r\nX-Note: ${CANARY} ${EMAIL}\r\nX-Pad: ${'p'.repeat(20_000)}\r\n\r\n`,
      `${CANARY} ${EMAIL} ${KEY}\r\n\r\n`,
    ];
    for (const raw of malformed) {
      const res = await rawRequest(server.url, [raw], 5_000);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }

    const logs = decodedLogs(lines.join(''));
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).toContain('request completed');
    expect(logs).toContain('/v1/roles');
    expect(logs).not.toContain('api_key');
    expect(logs).toContain('client error');
    for (const secret of SECRETS) expect(logs).not.toContain(secret);
    expect(logs).toContain('[redacted]');
    expect(listTree(scratch)).toEqual(before);
  });
});
