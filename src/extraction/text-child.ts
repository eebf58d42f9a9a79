// Entry of a text-work child process (forked by text-pool.ts): the text steps of one large document,
// from raw text to the structured document or the whole analysis, and a long posting's normalization,
// off the HTTP process's event loop.
// The taxonomy is loaded once per child from the data directory the parent validated at boot.
// Errors of ours come back as data ({ code, message }), like the extraction child's.
import workerpool from 'workerpool';
import { isAppError } from '../errors.js';
import { analyzeResume } from '../pipeline/analyze.js';
import { buildDocument, type TextLimits } from '../pipeline/read/build-document.js';
import { normalizeText } from '../pipeline/read/normalize.js';
import type { GapOptions } from '../pipeline/report/gaps.js';
import { type Knowledge, loadKnowledge } from '../taxonomy/knowledge.js';
import type { ReadText } from './read-resume.js';

export type TextReply<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

let knowledge: { dataDir: string; value: Knowledge } | undefined;
function knowledgeFrom(dataDir: string): Knowledge {
  if (knowledge?.dataDir !== dataDir) knowledge = { dataDir, value: loadKnowledge(dataDir) };
  return knowledge.value;
}

function reply<T>(work: () => T): TextReply<T> {
  try {
    return { ok: true, value: work() };
  } catch (err) {
    if (isAppError(err)) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: 'INTERNAL', message: 'the text steps failed' };
  }
}

workerpool.worker({
  ready: (dataDir: string) => Boolean(knowledgeFrom(dataDir)),
  document: (input: ReadText, limits: TextLimits) => reply(() => buildDocument(input.format, input.raw, limits)),
  analyze: (input: ReadText, limits: TextLimits, dataDir: string, options: GapOptions) =>
    reply(() => analyzeResume(buildDocument(input.format, input.raw, limits), knowledgeFrom(dataDir), options)),
  normalize: (text: string) => reply(() => normalizeText(text).text),
});
