// The in-process side of `skillbridge`: the same composition as POST /v1/analyses (readResumeBytes ->
// analyzeResume with readGapOptions), with documents parsed in the same child-process pool as the
// server. No HTTP and no second pipeline: only where the bytes come from differs.
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { appError } from '../errors.js';
import { DEFAULT_ZIP_LIMITS } from '../extraction/inspect-zip.js';
import { createPoolExtractor, poolOptionsFromConfig, type PoolExtractor } from '../extraction/pool.js';
import { type ReadLimits, readResumeBytes } from '../extraction/read-resume.js';
import { analyzeResume } from '../pipeline/analyze.js';
import type { GapOptions } from '../pipeline/report/gaps.js';
import { readGapOptions } from '../routes/gap-input.js';
import type { Analysis } from '../schemas/analysis.js';
import { type Knowledge, loadKnowledge } from '../taxonomy/knowledge.js';

export interface Engine {
  knowledge: Knowledge;
  extractor: PoolExtractor;
  readLimits: ReadLimits;
  maxFileBytes: number;
  close: () => Promise<void>;
}

export function createEngine(config: Config, jobs: number): Engine {
  const knowledge = loadKnowledge(config.DATA_DIR);
  // The queue holds at most what the caller keeps in flight (`jobs`), so it never refuses.
  const extractor = createPoolExtractor({ ...poolOptionsFromConfig(config), size: jobs, queueMax: jobs * 4 });
  return {
    knowledge,
    extractor,
    readLimits: { maxTextChars: config.MAX_TEXT_CHARS, minTextChars: config.MIN_TEXT_CHARS, zip: DEFAULT_ZIP_LIMITS },
    maxFileBytes: config.MAX_FILE_BYTES,
    close: () => extractor.close(),
  };
}

export interface PostingInput {
  role?: string | undefined;
  /** A path to a PDF/DOCX/TXT posting, or the posting's text. */
  jd?: string | undefined;
}

/** `--jd` names a readable file or is the posting itself. */
function readPostingArgument(jd: string): { file: Buffer } | { text: string } {
  try {
    return { file: readFileSync(jd) };
  } catch {
    return { text: jd };
  }
}

/** The gap options the route would build from the same role and posting. */
export async function readCliGapOptions(engine: Engine, input: PostingInput): Promise<GapOptions> {
  const files = new Map<string, Buffer>();
  const fields = new Map<string, string>();
  if (input.role !== undefined) fields.set('targetRole', input.role);
  if (input.jd !== undefined) {
    const posting = readPostingArgument(input.jd);
    if ('file' in posting) files.set('jobDescription', posting.file);
    else fields.set('jobDescription', posting.text);
  }
  return readGapOptions(engine, { files, fields });
}

export async function analyzeFile(engine: Engine, path: string, gapOptions: GapOptions): Promise<Analysis> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw appError('NOT_FOUND', code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? 'error'})`);
  }
  if (bytes.length === 0) throw appError('MISSING_RESUME', 'the file is empty');
  // The server's upload limit, so a file the API refuses is refused here too.
  if (bytes.length > engine.maxFileBytes) throw appError('FILE_TOO_LARGE', `more than ${engine.maxFileBytes} bytes`);
  const doc = await readResumeBytes(bytes, engine.extractor, engine.readLimits);
  return analyzeResume(doc, engine.knowledge, gapOptions);
}
