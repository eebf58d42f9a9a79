// `npm run worker`: a process that only works batch jobs from Redis (REDIS_URL required), with the same
// knowledge and hardened extraction pool as the API. Start as many as the cores allow, on any machine
// that reaches the Redis. On SIGTERM/SIGINT it stops taking jobs, finishes the running ones and exits;
// a job of a worker that dies anyway is taken over by another one after BATCH_STALLED_MS.
import pino from 'pino';
import { LOG_REDACT } from './app.js';
import { createBatches } from './batches/create-batches.js';
import { ConfigError, loadConfig } from './config.js';
import { DEFAULT_ZIP_LIMITS } from './extraction/inspect-zip.js';
import { createPoolExtractor, poolOptionsFromConfig } from './extraction/pool.js';
import { createInlineTextWork } from './extraction/text-pool.js';
import { loadKnowledge } from './taxonomy/knowledge.js';
import { DataFileError } from './taxonomy/read-data-file.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL, redact: LOG_REDACT });
  if (!config.REDIS_URL) throw new ConfigError('npm run worker needs REDIS_URL (without it the API works its own batches)');
  const knowledge = loadKnowledge(config.DATA_DIR);
  const extractor = createPoolExtractor(poolOptionsFromConfig(config));
  const batches = await createBatches(config);
  const textLimits = { maxTextChars: config.MAX_TEXT_CHARS, minTextChars: config.MIN_TEXT_CHARS };
  batches.startWorkers({
    extractor,
    // This process serves no HTTP: the analysis runs in it, with no text-work child to start.
    textWork: createInlineTextWork(knowledge, textLimits),
    readLimits: { ...textLimits, zip: DEFAULT_ZIP_LIMITS },
  });
  let closing = false;
  const close = async (signal: string) => {
    if (closing) process.exit(1);
    closing = true;
    log.info({ signal }, 'worker stopping');
    const hang = setTimeout(() => process.exit(1), config.SHUTDOWN_GRACE_MS);
    hang.unref();
    await batches.close();
    await extractor.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
  log.info({ concurrency: config.WORKER_CONCURRENCY }, 'skillbridge worker ready');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataFileError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`Worker failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
