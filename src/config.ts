// Environment -> typed Config, parsed once at boot. A bad value stops the server with a message that
// names the variable; nothing else reads process.env.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

// One parsing child per core, at most four: parsing is CPU-bound and the HTTP process needs a core too.
const DEFAULT_POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
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
    REQUEST_TIMEOUT_MS: int(1000, 600_000).default(30_000),
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    API_KEYS: csv.default([]),
    CORS_ORIGINS: csv.default([]),
    /** Requests per minute per API key (or per client IP without keys) on /v1 routes. */
    RATE_LIMIT_MAX: int(1, 1_000_000).default(300),
    /** Extraction child processes. */
    POOL_SIZE: int(1, 64).default(DEFAULT_POOL_SIZE),
    /** Documents waiting for a child beyond those being parsed; past it, 503 OVERLOADED. */
    POOL_QUEUE_MAX: int(0, 10_000).default(32),
    /** Hard deadline of one document's parse; the child is killed past it (422 EXTRACTION_TIMEOUT). */
    PARSE_TIMEOUT_MS: int(100, 600_000).default(10_000),
    /** V8 heap cap of each extraction child (--max-old-space-size). */
    CHILD_HEAP_MB: int(32, 8192).default(256),
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
