// Process entry: config, logger, listen, graceful close. Documents are parsed in the child-process pool.
// On SIGTERM/SIGINT the server drains: new /v1 requests get 503 SHUTTING_DOWN, in-flight ones have
// SHUTDOWN_GRACE_MS to finish, then the listener and the extraction children are closed. A second
// signal, or a close that hangs past the grace period, exits at once; the children exit with their
// parent (workerpool children quit when their IPC channel closes).
import pino from 'pino';
import { API_VERSION, buildApp, LOG_REDACT } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DataFileError } from './taxonomy/read-data-file.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL, redact: LOG_REDACT });
  const app = await buildApp(config, { logger, extractor: 'pool' });
  let closing = false;
  const close = async (signal: string) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'draining');
    const drained = await app.drain(config.SHUTDOWN_GRACE_MS);
    if (!drained) app.log.warn('grace period over with requests in flight');
    const hang = setTimeout(() => {
      app.log.error('close did not finish, exiting');
      process.exit(1);
    }, 5_000);
    hang.unref();
    await app.close();
    app.log.info('closed');
    process.exit(drained ? 0 : 1);
  };
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
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
