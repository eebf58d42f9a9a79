// The text-work pool: no child until a text past `minChars` arrives (an idle child holding the taxonomy
// is ~130 MB resident), and a long posting is normalized and read there, and a long resume's answer
// written there, with the same bytes as in-process. Children load through tsx here, hence the generous timeout.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createInlineTextWork, createTextPool, type TextWork } from '../../src/extraction/text-pool.js';
import { normalizeText } from '../../src/pipeline/read/normalize.js';
import { loadKnowledge } from '../../src/taxonomy/knowledge.js';
import { extractionChildrenOf } from '../../bench/lib/proc.js';
import { FIXTURES } from '../helpers/corpus.js';

const config = loadConfig({});
const limits = { maxTextChars: config.MAX_TEXT_CHARS, minTextChars: config.MIN_TEXT_CHARS };
const inline = createInlineTextWork(loadKnowledge(config.DATA_DIR), limits);
const resume = readFileSync(`${FIXTURES}/sample-resume.txt`, 'utf8');
const posting = readFileSync(`${FIXTURES}/postings/onet-13-1082.00-project-management-specialists.txt`, 'utf8');
const MIN_CHARS = resume.length + 100;
const longPosting = `${posting}\n`.repeat(Math.ceil((MIN_CHARS * 2) / posting.length));

const textChildren = () => extractionChildrenOf(process.pid).length;

describe('text-work pool', { timeout: 120_000 }, () => {
  let pool: TextWork;
  afterAll(async () => pool?.close());

  it('starts its child on the first long text, not at creation', async () => {
    const before = textChildren();
    pool = createTextPool(
      { dataDir: config.DATA_DIR, limits, size: 1, minChars: MIN_CHARS, timeoutMs: 60_000, heapMb: 256 },
      inline,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(textChildren()).toBe(before);
    // A short posting stays in-process.
    expect(await pool.normalize(posting)).toBe(normalizeText(posting).text);
    expect(textChildren()).toBe(before);
    expect(await pool.normalize(longPosting)).toBe(normalizeText(longPosting).text);
    expect(textChildren()).toBe(before + 1);
  });

  it('analyses a short resume with a long posting in the child, as in-process', async () => {
    const input = { format: 'txt' as const, raw: { text: resume, truncated: false } };
    const gap = { targetRole: 'project-manager', asOf: '2026-12', jobDescription: normalizeText(longPosting).text };
    const view = { format: 'json' as const, pretty: false };
    const [pooled, local] = await Promise.all([pool.analysisAnswer(input, gap, view), inline.analysisAnswer(input, gap, view)]);
    expect(pooled.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(pooled.body.toString('utf8')).gapReport.jobDescription).toBeDefined();
    expect(Buffer.isBuffer(pooled.body)).toBe(true);
    expect(pooled.body.equals(local.body)).toBe(true);
  });

  it('writes a long resume\'s answer in the child, byte for byte as in-process, in every view', async () => {
    const input = { format: 'txt' as const, raw: { text: `${resume}\n`.repeat(3), truncated: false } };
    const gap = { targetRole: 'project-manager', asOf: '2026-12' };
    for (const view of [
      { format: 'json', pretty: false },
      { format: 'json', pretty: true },
      { format: 'markdown', pretty: false },
    ] as const) {
      const [pooled, local] = await Promise.all([pool.analysisAnswer(input, gap, view), inline.analysisAnswer(input, gap, view)]);
      expect(pooled.contentType, view.format).toBe(local.contentType);
      expect(pooled.body.equals(local.body), `${view.format} pretty=${view.pretty}`).toBe(true);
    }
    for (const view of [
      { format: 'document', pretty: false },
      { format: 'jsonresume', pretty: true },
    ] as const) {
      const [pooled, local] = await Promise.all([pool.documentAnswer(input, view), inline.documentAnswer(input, view)]);
      expect(pooled.contentType, view.format).toBe(local.contentType);
      expect(pooled.body.equals(local.body), view.format).toBe(true);
    }
  });

  it('rewrites a long list of bullets in the child, as in-process', async () => {
    const lines = resume.split('\n').filter((l) => l.trim().length > 20);
    const bullets = Array.from({ length: 100 }, (_, i) => lines[i % lines.length]!.repeat(3).slice(0, 2_000));
    const body = { bullets, targetRole: 'project-manager', tense: 'past' as const };
    const [pooled, local] = await Promise.all([pool.rewrites(body), inline.rewrites(body)]);
    expect(pooled.rewrites.length + pooled.rewriteSkipped.length).toBe(100);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(local));
    await expect(pool.rewrites({ ...body, targetRole: 'astronaut' })).rejects.toMatchObject({ code: 'UNKNOWN_ROLE' });
  });
});
