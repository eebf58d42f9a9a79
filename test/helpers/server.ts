// Starts the real app on a loopback port for supertest, with config overrides.
import type { FastifyInstance } from 'fastify';
import { type BuildOptions, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  close: () => Promise<void>;
}

export async function startServer(
  overrides: Partial<Config> = {},
  options: BuildOptions = {},
): Promise<TestServer> {
  const config = loadConfig({}, { HOST: '127.0.0.1', PORT: 0, ...overrides });
  const app = await buildApp(config, options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
