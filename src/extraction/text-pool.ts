// Where the text steps run. Building the document and analysing it cost about 5-10 microseconds per
// character here (linear since issue 12): a 200k-character text holds a thread for a second or more.
// Texts longer than `minChars` (a resume, a posting, or the two together in an analysis) go to a small
// pool of child processes so /healthz and other clients keep being served; shorter ones run in-process,
// where a round trip would cost more than the work.
// The children start on the first long text, not at boot: most resumes never need one, and an idle
// child holding the taxonomy is about 130 MB of resident memory (measured). The first long text after
// boot waits for its child to load the taxonomy (about 2 s of CPU here), within its deadline.
// Limits: a text that misses its deadline answers 503 OVERLOADED and its child is replaced; a child,
// once started, stays until shutdown.
import workerpool from 'workerpool';
import { type AppError, appError, ERROR_DEFINITIONS, type ErrorCode } from '../errors.js';
import { type AnalysisKnowledge, analyzeResume } from '../pipeline/analyze.js';
import { buildDocument, type TextLimits } from '../pipeline/read/build-document.js';
import { normalizeText } from '../pipeline/read/normalize.js';
import type { GapOptions } from '../pipeline/report/gaps.js';
import { rewriteBulletsRequest } from '../pipeline/rewrite/rewrite-bullets.js';
import type { ResumeDocument } from '../schemas/document.js';
import type { RewriteRequest, RewriteResponse } from '../schemas/rewrites.js';
import {
  type AnalysisView,
  type DocumentView,
  type RenderedAnswer,
  renderAnalysisAnswer,
  renderDocumentAnswer,
} from '../views/answers.js';
import { childEntry } from './pool.js';
import type { ReadText } from './read-resume.js';
import type { AnswerHead, AnswerPart, TextReply } from './text-child.js';

export interface TextWork {
  document(input: ReadText): Promise<ResumeDocument>;
  /** The document, written as POST /v1/documents answers it. */
  documentAnswer(input: ReadText, view: DocumentView): Promise<RenderedAnswer>;
  /** The analysis, written as POST /v1/analyses answers it. */
  analysisAnswer(input: ReadText, options: GapOptions, view: AnalysisView): Promise<RenderedAnswer>;
  /** POST /v1/rewrites: bullets sent without a resume. */
  rewrites(body: RewriteRequest): Promise<RewriteResponse>;
  /** A posting's text, normalized like a resume's (a gap report's `jobDescription`). */
  normalize(text: string): Promise<string>;
  close(): Promise<void>;
}

export interface TextPoolOptions {
  dataDir: string;
  limits: TextLimits;
  /** Child processes (each loads the taxonomy once). */
  size: number;
  /** Texts up to this many characters run in-process. */
  minChars: number;
  /** Past it the child is killed and the request answers OVERLOADED. */
  timeoutMs: number;
  heapMb: number;
}

/** Everything in-process: unit tests, tools, and short texts in the server. */
export function createInlineTextWork(knowledge: AnalysisKnowledge, limits: TextLimits): TextWork {
  return {
    document: async ({ format, raw }) => buildDocument(format, raw, limits),
    documentAnswer: async ({ format, raw }, view) => renderDocumentAnswer(buildDocument(format, raw, limits), view),
    analysisAnswer: async ({ format, raw }, options, view) =>
      renderAnalysisAnswer(analyzeResume(buildDocument(format, raw, limits), knowledge, options), view),
    rewrites: async (body) => rewriteBulletsRequest(body, knowledge),
    normalize: async (text) => normalizeText(text).text,
    close: async () => undefined,
  };
}

function unwrap<T>(reply: TextReply<T>): T {
  if (reply.ok) return reply.value;
  const code: ErrorCode = reply.code in ERROR_DEFINITIONS ? (reply.code as ErrorCode) : 'INTERNAL';
  const err: AppError = appError(code);
  if (code !== 'INTERNAL') err.message = reply.message;
  throw err;
}

export function createTextPool(options: TextPoolOptions, inline: TextWork): TextWork {
  const entry = childEntry('text-child');
  const pool = workerpool.pool(entry.script, {
    workerType: 'process',
    // Started on demand (see the top of the file), up to `size`.
    minWorkers: 0,
    maxWorkers: options.size,
    // Bounded like the extraction queue: past it, OVERLOADED instead of a growing backlog.
    maxQueueSize: options.size * 16,
    emitStdStreams: true,
    workerTerminateTimeout: 200,
    forkOpts: { execArgv: [...entry.execArgv, `--max-old-space-size=${options.heapMb}`], serialization: 'advanced' },
  });

  const run = async <T>(method: string, args: unknown[], on?: (payload: unknown) => void): Promise<T> => {
    try {
      return unwrap((await pool.exec(method, args, on ? { on } : {}).timeout(options.timeoutMs)) as TextReply<T>);
    } catch (err) {
      if ((err as AppError).name === 'AppError') throw err;
      throw appError('OVERLOADED', 'the text of this document could not be processed in time');
    }
  };
  // An answer's bytes come in parts of ANSWER_PART_BYTES ahead of its head (text-child.ts), so no single
  // IPC message is large; each part is copied into place as it arrives.
  const runAnswer = async (method: string, args: unknown[]): Promise<RenderedAnswer> => {
    let body: Buffer | undefined;
    let filled = 0;
    const head = await run<AnswerHead>(method, args, (payload) => {
      const { part, bytes } = payload as AnswerPart;
      body ??= Buffer.allocUnsafe(bytes);
      body.set(part, filled);
      filled += part.length;
    });
    if (head.bytes !== filled) throw appError('INTERNAL');
    return { contentType: head.contentType, body: body ?? Buffer.alloc(0) };
  };
  const large = (input: ReadText) => input.raw.text.length > options.minChars;
  // The posting is read inside the analysis (readPosting): its length counts too.
  const largeAnalysis = (input: ReadText, gap: GapOptions) =>
    input.raw.text.length + (gap.jobDescription?.length ?? 0) > options.minChars;
  return {
    document: (input) =>
      large(input) ? run<ResumeDocument>('document', [input, options.limits]) : inline.document(input),
    documentAnswer: async (input, view) =>
      large(input)
        ? runAnswer('documentAnswer', [input, options.limits, view])
        : inline.documentAnswer(input, view),
    analysisAnswer: async (input, gap, view) =>
      largeAnalysis(input, gap)
        ? runAnswer('analysisAnswer', [input, options.limits, options.dataDir, gap, view])
        : inline.analysisAnswer(input, gap, view),
    rewrites: (body) =>
      body.bullets.reduce((n, b) => n + b.length, 0) > options.minChars
        ? run<RewriteResponse>('rewrites', [body, options.dataDir])
        : inline.rewrites(body),
    normalize: (text) => (text.length > options.minChars ? run<string>('normalize', [text]) : inline.normalize(text)),
    close: async () => {
      await pool.terminate(true).catch(() => undefined);
    },
  };
}
