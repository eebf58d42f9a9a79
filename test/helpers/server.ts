// Starts the real app on a loopback port for supertest, with config overrides. Every answer it sends is
// checked against openapi.yaml (response-check.ts); close() fails the test file on any violation.
import type { FastifyInstance } from 'fastify';
import { type BuildOptions, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createResponseChecker } from './response-check.js';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  close: () => Promise<void>;
}

export async function startServer(
  overrides: Partial<Config> = {},
  options: BuildOptions = {},
): Promise<TestServer> {
  // Children forked from the TypeScript sources run through tsx, which holds 400-550 MB at rest (its
  // transform and the source maps of pdf.js), against about 95 MB for a built child: past the
  // production recycle mark of 512 MB, every child would be replaced after each document. Tests that
  // exercise recycling set their own mark.
  const config = loadConfig({}, { HOST: '127.0.0.1', PORT: 0, CHILD_RECYCLE_RSS_MB: 2048, CHILD_RSS_MB: 2048, ...overrides });
  const checker = createResponseChecker();
  const app = await buildApp(config, { inspectAnswer: checker.inspect, ...options });
  checker.attach(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const close = async () => {
    await app.close();
    if (checker.violations.length > 0) {
      throw new Error(`answers that break openapi.yaml:\n${[...new Set(checker.violations)].join('\n')}`);
    }
  };
  return { app, url: `http://127.0.0.1:${port}`, close };
}
