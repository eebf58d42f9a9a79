// buildApp(config): plugins, routes and error handling; no listen. server.ts owns the process.
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifySchema, type FastifyServerOptions, LogController } from 'fastify';
import type { z } from 'zod';
import { type Batches, createBatches } from './batches/create-batches.js';
import type { Config } from './config.js';
import { ERROR_DEFINITIONS, type ErrorCode } from './errors.js';
import { createInlineExtractor, type Extractor, extractLimitsFromConfig } from './extraction/extractor.js';
import { createPoolExtractor, type PoolExtractor, poolOptionsFromConfig } from './extraction/pool.js';
import { buildOpenApiDocument } from './openapi.js';
import { createInlineTextWork, createTextPool, type TextWork } from './extraction/text-pool.js';
import { DEFAULT_ZIP_LIMITS } from './extraction/inspect-zip.js';
import type { ReadLimits } from './extraction/read-resume.js';
import auth from './plugins/auth.js';
import requestLog from './plugins/request-log.js';
import availability from './plugins/availability.js';
import cors from './plugins/cors.js';
import errorHandler, { answerClientError, answerFrameworkError } from './plugins/error-handler.js';
import jsonAnswers from './plugins/json-answers.js';
import metricsPlugin, { createMetrics, instrumentExtractor } from './plugins/metrics.js';
import rateLimit from './plugins/rate-limit.js';
import securityHeaders from './plugins/security-headers.js';
import { ROUTE_FACTORIES } from './routes/index.js';
import type { RouteSpec } from './routes/route-spec.js';
import { zodSerializerCompiler, zodValidatorCompiler } from './routes/schema-compilers.js';
import { ErrorResponseSchema } from './schemas/error.js';
import { type Knowledge, loadKnowledge } from './taxonomy/knowledge.js';

export const API_VERSION = '1.0.0';

// What the server answers before or around any route: a stalled request, an over-long URL or header
// block (plugins/error-handler.ts), and an unexpected fault. The API's routes add auth, rate limit, drain.
const OPEN_REFUSALS: ErrorCode[] = ['REQUEST_TIMEOUT', 'URI_TOO_LONG', 'HEADERS_TOO_LARGE', 'INTERNAL'];
const API_REFUSALS: ErrorCode[] = ['UNAUTHORIZED', 'RATE_LIMITED', 'SHUTTING_DOWN', ...OPEN_REFUSALS];

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    knowledge: Knowledge;
    extractor: Extractor;
    /** Builds documents and analyses from read text; large texts run off the event loop in the server. */
    textWork: TextWork;
    readLimits: ReadLimits;
    routeSpecs: RouteSpec[];
    batches: Batches;
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
  /** Sees every answer of a declared route before it is sent (tests check it against openapi.yaml). */
  inspectAnswer?: (answer: SentAnswer) => void;
}

export interface SentAnswer {
  method: string;
  /** The route template, e.g. /v1/roles/:id. */
  url: string;
  statusCode: number;
  contentType: string;
  payload: string;
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
  const headersTimeout = Math.min(config.HEADERS_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS);
  const app = Fastify({
    ...(isInstance
      ? { loggerInstance: logger as FastifyServerOptions['loggerInstance'] }
      : { logger: logger as FastifyServerOptions['logger'] }),
    // JSON bodies have their own, small limit; multipart ignores bodyLimit and gets its own below.
    bodyLimit: config.MAX_JSON_BYTES,
    // Node applies the larger of headersTimeout and requestTimeout, and checks them only every
    // connectionsCheckingInterval (30 s by default): all three are set here, coherently, so a stalled
    // body is cut at REQUEST_TIMEOUT_MS (plus at most one check interval).
    http: {
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      headersTimeout,
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(config.REQUEST_TIMEOUT_MS / 4)),
    },
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    // Shorter than headersTimeout, so an idle keep-alive socket is closed by its own timer first.
    keepAliveTimeout: Math.max(100, Math.min(config.KEEP_ALIVE_TIMEOUT_MS, headersTimeout - 500)),
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: true,
    // Longer than any id the API takes, so an over-long one reaches validation (400), not a 414.
    routerOptions: { maxParamLength: 1000 },
    // Fastify's own request lines log the full URL (query strings may carry keys): plugins/request-log.ts
    // logs the path only.
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  app.server.maxConnections = config.MAX_CONNECTIONS;

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
  const textLimits = { maxTextChars: config.MAX_TEXT_CHARS, minTextChars: config.MIN_TEXT_CHARS };
  const inlineText = createInlineTextWork(knowledge, textLimits);
  const textWork =
    choice === 'pool'
      ? createTextPool(
          {
            dataDir: config.DATA_DIR,
            limits: textLimits,
            size: config.TEXT_POOL_SIZE,
            minChars: config.TEXT_WORK_MIN_CHARS,
            timeoutMs: config.REQUEST_TIMEOUT_MS,
            heapMb: config.CHILD_HEAP_MB,
          },
          inlineText,
        )
      : inlineText;
  app.decorate('config', config);
  app.decorate('textWork', textWork);
  app.decorate('knowledge', knowledge);
  app.decorate('extractor', extractor);
  app.decorate('readLimits', {
    maxTextChars: config.MAX_TEXT_CHARS,
    minTextChars: config.MIN_TEXT_CHARS,
    zip: DEFAULT_ZIP_LIMITS,
    ocr: config.OCR === 'on',
  });
  app.addHook('onClose', async () => {
    await Promise.all([extractor.close(), textWork.close()]);
  });

  const inspect = options.inspectAnswer;
  if (inspect) {
    app.addHook('onSend', async (request, reply, payload) => {
      const url = request.routeOptions.url;
      // The resume routes send bytes written where the work ran (views/answers.ts); the rest, strings.
      const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
      if (url !== undefined && text !== undefined) {
        inspect({
          method: request.method,
          url,
          statusCode: reply.statusCode,
          contentType: String(reply.getHeader('content-type') ?? ''),
          payload: text,
        });
      }
      return payload;
    });
  }
  const batches = await createBatches(config);
  app.decorate('batches', batches);
  // Without Redis this process is the only worker; with it, BATCH_WORKER=false leaves jobs to `npm run worker`.
  if (batches.mode === 'memory' || config.BATCH_WORKER)
    batches.startWorkers({ extractor, textWork, readLimits: app.readLimits });
  // Workers stop (finishing their current jobs) before the extractor and text work they use close.
  app.addHook('onClose', async () => batches.close());
  app.addHook('onClose', async () => {
    await Promise.all([extractor.close(), textWork.close()]);
  });

  // Only multipart and JSON carry resumes; any other body type is a 415, not a misread string.
  app.removeContentTypeParser('text/plain');
  await app.register(errorHandler);
  await app.register(requestLog);
  await app.register(jsonAnswers);
  // Order matters: hooks run in registration order. Metrics see every answer; CORS headers are set
  // before any refusal; a draining server refuses before auth; rate limiting counts proven keys.
  await app.register(metricsPlugin, { metrics });
  await app.register(securityHeaders);
  await app.register(cors, { origins: config.CORS_ORIGINS });
  await app.register(availability, {
    poolStats: () => pool?.stats(),
    retryAfterSeconds: () => pool?.retryAfterSeconds() ?? 1,
  });
  await app.register(auth, { keys: config.API_KEYS, failureLimit: config.AUTH_FAILURE_LIMIT });
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

  // Refusals a route can give whatever its own spec lists: the plugins above answer them.
  const routes = ROUTE_FACTORIES.flatMap((factory) => factory(app)).map((route) => ({
    ...route,
    spec: {
      ...route.spec,
      errors: [...new Set([...route.spec.errors, ...(route.spec.public ? OPEN_REFUSALS : API_REFUSALS)])],
    },
  }));
  app.decorate(
    'routeSpecs',
    routes.map((r) => r.spec),
  );
  await app.register(swagger, {
    mode: 'static',
    specification: { document: buildOpenApiDocument(app.routeSpecs, API_VERSION) as never },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // The API's routes live in their own context, where the zod compilers replace Ajv and the default
  // serializer; /docs keeps Fastify's own for its JSON schemas.
  await app.register(async (api) => {
    api.setValidatorCompiler(zodValidatorCompiler);
    api.setSerializerCompiler(zodSerializerCompiler);
    for (const { spec, handler } of routes) {
      api.route({
        method: spec.method,
        url: spec.url,
        schema: fastifySchemaOf(spec),
        handler,
        ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      });
    }
  });
  return app;
}

/** The route's zod schemas in the shape Fastify takes: request parts, and one schema per answer status. */
function fastifySchemaOf(spec: RouteSpec): FastifySchema {
  const response: Record<number, z.ZodType> = {};
  if (spec.status !== 204) response[spec.status ?? 200] = spec.response;
  for (const [status, extra] of Object.entries(spec.extraResponses ?? {})) response[Number(status)] = extra.schema;
  for (const code of spec.errors) response[ERROR_DEFINITIONS[code].status] ??= ErrorResponseSchema;
  return {
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { querystring: spec.query } : {}),
    ...(spec.headers ? { headers: spec.headers } : {}),
    ...(spec.body?.json ? { body: { content: { 'application/json': { schema: spec.body.json } } } } : {}),
    response,
  };
}
