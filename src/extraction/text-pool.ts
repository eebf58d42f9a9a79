// Where the text steps run. Building the document and analysing it cost about 5-10 microseconds per
// character here (linear since issue 12): a 200k-character text holds a thread for a second or more.
// Texts longer than `minChars` go to a small pool of child processes so /healthz and other clients
// keep being served; shorter ones run in-process, where a round trip would cost more than the work.
// Limits: the posting text of a gap report is still normalized in-process (at most 100k characters);
// a text that misses its deadline answers 503 OVERLOADED and its child is replaced.
import workerpool from 'workerpool';
import { type AppError, appError, ERROR_DEFINITIONS, type ErrorCode } from '../errors.js';
import { type AnalysisKnowledge, analyzeResume } from '../pipeline/analyze.js';
import { buildDocument, type TextLimits } from '../pipeline/read/build-document.js';
import type { GapOptions } from '../pipeline/report/gaps.js';
import type { Analysis } from '../schemas/analysis.js';
import type { ResumeDocument } from '../schemas/document.js';
import { childEntry } from './pool.js';
import type { ReadText } from './read-resume.js';
import type { TextReply } from './text-child.js';

export interface TextWork {
  document(input: ReadText): Promise<ResumeDocument>;
  analyze(input: ReadText, options: GapOptions): Promise<Analysis>;
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
    analyze: async ({ format, raw }, options) => analyzeResume(buildDocument(format, raw, limits), knowledge, options),
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
    minWorkers: options.size,
    maxWorkers: options.size,
    // Bounded like the extraction queue: past it, OVERLOADED instead of a growing backlog.
    maxQueueSize: options.size * 16,
    emitStdStreams: true,
    workerTerminateTimeout: 200,
    forkOpts: { execArgv: [...entry.execArgv, `--max-old-space-size=${options.heapMb}`], serialization: 'advanced' },
  });
  // Load the taxonomy in every child at boot, not in the first large request.
  for (let i = 0; i < options.size; i++) void Promise.resolve(pool.exec('ready', [options.dataDir])).catch(() => undefined);

  const run = async <T>(method: string, args: unknown[]): Promise<T> => {
    try {
      return unwrap((await pool.exec(method, args).timeout(options.timeoutMs)) as TextReply<T>);
    } catch (err) {
      if ((err as AppError).name === 'AppError') throw err;
      throw appError('OVERLOADED', 'the text of this document could not be processed in time');
    }
  };
  const large = (input: ReadText) => input.raw.text.length > options.minChars;
  return {
    document: (input) =>
      large(input) ? run<ResumeDocument>('document', [input, options.limits]) : inline.document(input),
    analyze: (input, gap) =>
      large(input)
        ? run<Analysis>('analyze', [input, options.limits, options.dataDir, gap])
        : inline.analyze(input, gap),
    close: async () => {
      await pool.terminate(true).catch(() => undefined);
    },
  };
}
