// buildApp(config): plugins, routes and error handling; no listen. server.ts owns the process.
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { ErrorCode } from './errors.js';
import { createInlineExtractor, type Extractor, extractLimitsFromConfig } from './extraction/extractor.js';
import { createPoolExtractor, type PoolExtractor, poolOptionsFromConfig } from './extraction/pool.js';
import { buildOpenApiDocument } from './openapi.js';
import { DEFAULT_ZIP_LIMITS } from './extraction/inspect-zip.js';
import type { ReadLimits } from './extraction/read-resume.js';
import auth from './plugins/auth.js';
import availability from './plugins/availability.js';
import cors from './plugins/cors.js';
import errorHandler from './plugins/error-handler.js';
import metricsPlugin, { createMetrics, instrumentExtractor } from './plugins/metrics.js';
import rateLimit from './plugins/rate-limit.js';
import securityHeaders from './plugins/security-headers.js';
import { ROUTE_FACTORIES } from './routes/index.js';
import type { RouteSpec } from './routes/route-spec.js';
import { type Knowledge, loadKnowledge } from './taxonomy/knowledge.js';

export const API_VERSION = '1.0.0';

const API_REFUSALS: ErrorCode[] = ['UNAUTHORIZED', 'RATE_LIMITED', 'SHUTTING_DOWN'];

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    knowledge: Knowledge;
    extractor: Extractor;
    readLimits: ReadLimits;
    routeSpecs: RouteSpec[];
    /** Why the server should not take work now, or undefined when ready. */
    readiness: () => string | undefined;
  }
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'] | FastifyServerOptions['loggerInstance'];
  /**
   * 'pool' parses in isolated child processes (the server's choice); 'inline' (the default, for unit
   * tests and tools) parses in-process; an Extractor instance is used as given.
   */
  extractor?: Extractor | 'pool' | 'inline';
}

// Credentials wherever a log object carries headers: Fastify's `req`, and @fastify/multipart, which logs
// the raw request headers as `busboyOptions.headers` at trace level.
const SECRET_HEADERS = ['authorization', '["x-api-key"]', '["proxy-authorization"]', 'cookie'];
export const LOG_REDACT = {
  paths: SECRET_HEADERS.flatMap((h) => [`headers.${h}`, `*.headers.${h}`].map((p) => p.replace('.[', '['))),
  censor: '[redacted]',
};

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const knowledge = loadKnowledge(config.DATA_DIR);
  const logger = options.logger ?? false;
  const isInstance = typeof logger === 'object' && logger !== null && 'child' in logger;
  const app = Fastify({
    ...(isInstance
      ? { loggerInstance: logger as FastifyServerOptions['loggerInstance'] }
      : { logger: logger as FastifyServerOptions['logger'] }),
    bodyLimit: config.MAX_FILE_BYTES,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: true,
  });

  let pool: PoolExtractor | undefined;
  const metrics = createMetrics(() => pool?.stats());
  const choice = options.extractor ?? 'inline';
  let extractor: Extractor;
  if (choice === 'pool') {
    pool = createPoolExtractor(poolOptionsFromConfig(config), metrics.observeExtraction);
    extractor = pool;
  } else {
    const base =
      choice === 'inline'
        ? createInlineExtractor(extractLimitsFromConfig(config))
        : choice;
    extractor = instrumentExtractor(base, metrics.observeExtraction);
  }
  app.decorate('config', config);
  app.decorate('knowledge', knowledge);
  app.decorate('extractor', extractor);
  app.decorate('readLimits', {
    maxTextChars: config.MAX_TEXT_CHARS,
    minTextChars: config.MIN_TEXT_CHARS,
    zip: DEFAULT_ZIP_LIMITS,
    ocr: config.OCR === 'on',
  });
  app.addHook('onClose', async () => extractor.close());

  // Only multipart and JSON carry resumes; any other body type is a 415, not a misread string.
  app.removeContentTypeParser('text/plain');
  await app.register(errorHandler);
  // Order matters: hooks run in registration order. Metrics see every answer; CORS headers are set
  // before any refusal; a draining server refuses before auth; rate limiting counts proven keys.
  await app.register(metricsPlugin, { metrics });
  await app.register(securityHeaders);
  await app.register(cors, { origins: config.CORS_ORIGINS });
  await app.register(availability, {
    poolStats: () => pool?.stats(),
    retryAfterSeconds: () => pool?.retryAfterSeconds() ?? 1,
  });
  await app.register(auth, { keys: config.API_KEYS });
  await app.register(rateLimit, { max: config.RATE_LIMIT_MAX });
  await app.register(multipart, {
    limits: {
      fileSize: config.MAX_FILE_BYTES,
      files: 2,
      fields: 4,
      parts: 6,
      fieldSize: config.MAX_FILE_BYTES,
    },
  });

  // Refusals every /v1 route can give, whatever its own spec lists: the plugins above answer them.
  const routes = ROUTE_FACTORIES.flatMap((factory) => factory(app)).map((route) =>
    route.spec.public
      ? route
      : {
          ...route,
          spec: { ...route.spec, errors: [...new Set([...route.spec.errors, ...API_REFUSALS])] },
        },
  );
  app.decorate(
    'routeSpecs',
    routes.map((r) => r.spec),
  );
  await app.register(swagger, {
    mode: 'static',
    specification: { document: buildOpenApiDocument(app.routeSpecs, API_VERSION) as never },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  for (const { spec, handler } of routes) {
    app.route({ method: spec.method, url: spec.url, handler });
  }
  return app;
}
