// Process entry: config, logger, listen, graceful close.
import pino from 'pino';
import { API_VERSION, buildApp, LOG_REDACT } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DataFileError } from './taxonomy/read-data-file.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL, redact: LOG_REDACT });
  const app = await buildApp(config, { logger });
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
  await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info({ version: API_VERSION }, 'skillbridge ready');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataFileError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${(err as Error)?.stack ?? String(err)}\n`);
  }
  process.exit(1);
});
