// Environment -> typed Config, parsed once at boot. A bad value stops the server with a message that
// names the variable; nothing else reads process.env.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

// One parsing child per core, at most four: parsing is CPU-bound and the HTTP process needs a core too.
const DEFAULT_POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);

export const ConfigSchema = z
  .object({
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: int(0, 65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
    MAX_FILE_BYTES: int(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
    MAX_PAGES: int(1, 1000).default(20),
    MAX_TEXT_CHARS: int(1000, 5_000_000).default(200_000),
    MIN_TEXT_CHARS: int(1, 10_000).default(50),
    /** Whole-request deadline: headers and body must have arrived by then (408 REQUEST_TIMEOUT). */
    REQUEST_TIMEOUT_MS: int(1000, 600_000).default(30_000),
    /** Deadline for the request headers alone; capped at REQUEST_TIMEOUT_MS. */
    HEADERS_TIMEOUT_MS: int(1000, 600_000).default(10_000),
    /** How long an idle keep-alive connection stays open between requests. */
    KEEP_ALIVE_TIMEOUT_MS: int(100, 600_000).default(5_000),
    /** Open connections the server accepts at once; past it new sockets are closed at accept. */
    MAX_CONNECTIONS: int(1, 1_000_000).default(1024),
    /** Size limit of a JSON body, separate from file uploads (1 MB: 200k characters of text fit). */
    MAX_JSON_BYTES: int(1024, 100 * 1024 * 1024).default(1024 * 1024),
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    API_KEYS: csv.default([]),
    CORS_ORIGINS: csv.default([]),
    /** Requests per minute per API key (or per client IP without keys) on /v1 routes. */
    RATE_LIMIT_MAX: int(1, 1_000_000).default(300),
    /** Failed authentications per client address per minute; past it the address gets 429 RATE_LIMITED. */
    AUTH_FAILURE_LIMIT: int(1, 1_000_000).default(20),
    /** Texts longer than this (characters) are read and analysed in a text-work child, off the event loop. */
    TEXT_WORK_MIN_CHARS: int(0, 5_000_000).default(20_000),
    /** Text-work child processes at most (server only; started on the first long text, each holds the taxonomy). */
    TEXT_POOL_SIZE: int(1, 64).default(Math.max(1, Math.ceil(DEFAULT_POOL_SIZE / 2))),
    /** Extraction child processes. */
    POOL_SIZE: int(1, 64).default(DEFAULT_POOL_SIZE),
    /** Documents waiting for a child beyond those being parsed; past it, 503 OVERLOADED. */
    POOL_QUEUE_MAX: int(0, 10_000).default(32),
    /** Hard deadline of one document's parse; the child is killed past it (422 EXTRACTION_TIMEOUT). */
    PARSE_TIMEOUT_MS: int(100, 600_000).default(10_000),
    /** V8 heap cap of each extraction child (--max-old-space-size). */
    CHILD_HEAP_MB: int(32, 8192).default(256),
    /**
     * V8 young-generation semi-space of each extraction child (--max-semi-space-size): memory against
     * CPU. Measured in the server at 32 concurrent PDFs (docs/benchmarks.md): 16 MB (about V8's default
     * here) about 145 MB resident per child, 8 MB about 130 MB for some 4% more CPU per document, 2 MB
     * about 117 MB for 30-60% more (more scavenges and promotions).
     */
    CHILD_SEMI_SPACE_MB: int(1, 256).default(8),
    /** Resident-memory cap of each child, ArrayBuffers included; past it the child is killed (0: off). */
    CHILD_RSS_MB: int(0, 65_536).default(1024),
    /** Past this resident memory after a document, the child is replaced between documents (0: off). */
    CHILD_RECYCLE_RSS_MB: int(0, 65_536).default(512),
    /** A child is replaced after this many documents (and after any failed one). */
    RECYCLE_AFTER: int(1, 1_000_000).default(5000),
    /** `off`: no OCR; image-only PDF pages answer 422 NO_TEXT and image uploads 415, as before OCR. */
    OCR: z.enum(['on', 'off']).default('on'),
    /** Pages of one document that may be read by OCR (each costs seconds of CPU); more answers 422 TOO_MANY_PAGES. */
    OCR_MAX_PAGES: int(1, 100).default(5),
    /** OCR budget of one document, added to PARSE_TIMEOUT_MS once OCR starts; past it, 422 EXTRACTION_TIMEOUT. */
    OCR_TIMEOUT_MS: int(1000, 600_000).default(30_000),
    /** Mean OCR confidence (0-100) under which the answer carries LOW_OCR_CONFIDENCE. */
    OCR_MIN_CONFIDENCE: int(0, 100).default(70),
    /** On SIGTERM, how long in-flight requests may take before the process exits anyway. */
    SHUTDOWN_GRACE_MS: int(0, 600_000).default(15_000),
    /** Redis for batches (redis://host:port/db); unset: an in-process queue, lost on restart. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
      .optional(),
    /** Whether this API process also works batch jobs (with REDIS_URL; `npm run worker` works them alone). */
    BATCH_WORKER: bool('true'),
    /** Batch jobs one worker process runs at a time (each through the extraction pool). */
    WORKER_CONCURRENCY: int(1, 64).default(DEFAULT_POOL_SIZE),
    /** Items (files or texts) one batch may hold; past it, 413 TOO_MANY_FILES. */
    BATCH_MAX_ITEMS: int(1, 10_000).default(100),
    /** Total bytes of one batch request; past it, 413 FILE_TOO_LARGE. */
    BATCH_MAX_BYTES: int(1024, 1024 * 1024 * 1024).default(50 * 1024 * 1024),
    /** Seconds a batch, its results and its unprocessed uploads are kept. */
    BATCH_TTL_SECONDS: int(10, 30 * 24 * 3600).default(3600),
    /** In-process queue only: bytes of pending uploads held in memory; past it, 503 QUEUE_UNAVAILABLE. */
    BATCH_MEMORY_MAX_BYTES: int(1024, 8 * 1024 * 1024 * 1024).default(200 * 1024 * 1024),
    /** A job whose worker stops renewing its lock for this long is taken over by another worker. */
    BATCH_STALLED_MS: int(200, 600_000).default(30_000),
    /** Standard Webhooks signing secret, `whsec_<base64>`; required to accept a `webhookUrl`. */
    WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, 'must be whsec_ followed by a base64 secret')
      .optional(),
    WEBHOOK_ALLOW_HTTP: bool('false'),
    /** Allow webhooks to loopback, private, link-local and metadata addresses (tests, private networks). */
    WEBHOOK_ALLOW_PRIVATE: bool('false'),
    /** Delivery attempts; the delay doubles from WEBHOOK_BACKOFF_MS (8 x 30 s: about an hour in all). */
    WEBHOOK_ATTEMPTS: int(1, 50).default(8),
    WEBHOOK_BACKOFF_MS: int(10, 3_600_000).default(30_000),
    WEBHOOK_TIMEOUT_MS: int(100, 120_000).default(10_000),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Known variables only; unset or empty ones take their defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const known = Object.keys(ConfigSchema.shape);
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const result = ConfigSchema.safeParse(picked);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...result.data, ...overrides };
}
