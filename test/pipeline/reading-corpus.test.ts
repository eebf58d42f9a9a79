// Every dev-corpus resume read from its real file: offsets slice back to every unit and role, reading
// is deterministic, and the defects issue 13 measured are gone (mojibake, header lines among bullets,
// separator or empty titles on LiveCareer headers).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInlineExtractor } from '../../src/extraction/extractor.js';
import { readResumeBytes } from '../../src/extraction/read-resume.js';
import { corpusName, listFiles, SHARED_CORPUS } from '../helpers/corpus.js';

const DEV = join(SHARED_CORPUS, 'dev-resumes');
const extractor = createInlineExtractor({ maxPages: 20, maxTextChars: 200_000 });
const limits = { maxTextChars: 200_000, minTextChars: 50, zip: { maxEntries: 2000, maxUncompressedBytes: 64 << 20 } };
afterAll(async () => extractor.close());

describe.skipIf(!existsSync(DEV))('reading the dev corpus', () => {
  const files = existsSync(DEV) ? listFiles(DEV, (p) => /\.(pdf|docx|txt)$/.test(p)) : [];

  it.each(files.map((f) => [corpusName(f), f]))('%s', async (_name, file) => {
    const bytes = readFileSync(file);
    const doc = await readResumeBytes(new Uint8Array(bytes), extractor, limits);
    for (const b of doc.bullets) {
      expect(doc.text.slice(b.start, b.end)).toBe(b.text);
      expect(b.text).toBe(b.text.trim());
      expect(['bullet', 'sentence']).toContain(b.kind);
    }
    for (const r of doc.roles) {
      expect(r.start).toBeLessThan(r.end);
      expect(r.end).toBeLessThanOrEqual(doc.text.length);
      // A title is never a separator, a bare location or a sentence (empty only where the source has none).
      if (r.title) {
        expect(r.title).not.toMatch(/^[\s:|•,–-]+$|^City\b|[.!?]$/);
        expect(doc.text.slice(r.start, r.end)).toContain(r.title.split(' ')[0]);
      }
    }
    // Every structured field is a span of the text.
    const spans = [
      doc.contact.name,
      doc.contact.location,
      ...doc.contact.emails,
      ...doc.contact.phones,
      ...doc.contact.links,
      ...doc.education.flatMap((e) => [e.institution, e.degree, e.field]),
      ...doc.certifications.flatMap((c) => [c.name, c.issuer]),
      ...doc.skills,
      ...doc.languages.flatMap((l) => [l.name, l.level]),
    ].filter((x) => x !== undefined);
    for (const f of spans) expect(doc.text.slice(f.start, f.end)).toBe(f.text);
    for (const e of [...doc.education, ...doc.certifications, ...doc.languages]) expect(e.start).toBeLessThan(e.end);
    expect(doc.text).not.toMatch(/Ã[\u0080-\u00BF]|Â|â€|ï¼/);
    for (const b of doc.bullets.filter((x) => x.section === 'experience')) {
      expect(b.text).not.toMatch(/\bCompany Name\b|^City\s*,\s*State$/);
    }
    const again = await readResumeBytes(new Uint8Array(bytes), extractor, limits);
    expect(again).toEqual(doc);
  });
});
