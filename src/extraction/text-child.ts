// Entry of a text-work child process (forked by text-pool.ts): the text steps of one large document,
// from raw text to the structured document or the whole analysis, written as the route answers it
// (views/answers.ts), a long posting's normalization and a long list of bullets to rewrite, off the HTTP
// process's event loop.
// The taxonomy is loaded once per child from the data directory the parent validated at boot.
// Errors of ours come back as data ({ code, message }), like the extraction child's.
import workerpool from 'workerpool';
import { isAppError } from '../errors.js';
import { analyzeResume } from '../pipeline/analyze.js';
import { buildDocument, type TextLimits } from '../pipeline/read/build-document.js';
import { normalizeText } from '../pipeline/read/normalize.js';
import type { GapOptions } from '../pipeline/report/gaps.js';
import { rewriteBulletsRequest } from '../pipeline/rewrite/rewrite-bullets.js';
import type { RewriteRequest } from '../schemas/rewrites.js';
import { type Knowledge, loadKnowledge } from '../taxonomy/knowledge.js';
import {
  type AnalysisView,
  type DocumentView,
  type RenderedAnswer,
  renderAnalysisAnswer,
  renderDocumentAnswer,
} from '../views/answers.js';
import type { ReadText } from './read-resume.js';

export type TextReply<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/**
 * A written answer goes back as parts of at most this many bytes, emitted before its head. One IPC
 * message of 2.4 MB (a 200k-character analysis) held the parent's event loop 27-33 ms while Node joined
 * its reads; in 64 KiB parts, 4-11 ms in all (measured here, Node 20, advanced serialization).
 */
export const ANSWER_PART_BYTES = 64 * 1024;
export interface AnswerPart {
  part: Uint8Array;
  /** The whole answer's length, so the parent allocates once. */
  bytes: number;
}
export interface AnswerHead {
  contentType: string;
  bytes: number;
}

function sendAnswer(answer: RenderedAnswer): AnswerHead {
  const { body } = answer;
  for (let at = 0; at < body.length; at += ANSWER_PART_BYTES) {
    const part: AnswerPart = { part: body.subarray(at, at + ANSWER_PART_BYTES), bytes: body.length };
    workerpool.workerEmit(part);
  }
  return { contentType: answer.contentType, bytes: body.length };
}

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
  documentAnswer: (input: ReadText, limits: TextLimits, view: DocumentView) =>
    reply(() => sendAnswer(renderDocumentAnswer(buildDocument(input.format, input.raw, limits), view))),
  analysisAnswer: (input: ReadText, limits: TextLimits, dataDir: string, options: GapOptions, view: AnalysisView) =>
    reply(() =>
      sendAnswer(
        renderAnalysisAnswer(analyzeResume(buildDocument(input.format, input.raw, limits), knowledgeFrom(dataDir), options), view),
      ),
    ),
  rewrites: (body: RewriteRequest, dataDir: string) => reply(() => rewriteBulletsRequest(body, knowledgeFrom(dataDir))),
  normalize: (text: string) => reply(() => normalizeText(text).text),
});
