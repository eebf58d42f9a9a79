// The text-work pool: no child until a text past `minChars` arrives (an idle child holding the taxonomy
// is ~130 MB resident), and a long posting is normalized and read there with the same result as
// in-process. Children load through tsx here, hence the generous timeout.
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
    const [pooled, local] = await Promise.all([pool.analyze(input, gap), inline.analyze(input, gap)]);
    expect(pooled.gapReport.jobDescription).toBeDefined();
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(local));
  });
});
