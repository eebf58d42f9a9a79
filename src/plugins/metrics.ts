// Prometheus metrics (prom-client) in a registry owned by this app instance: request duration by route
// and status, document parse duration by format and outcome, error answers by code, and the
// extraction pool's queue depth and busy children. Labels are route templates and codes only, never
// URLs with ids or anything from a document.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isAppError } from '../errors.js';
import type { Extractor } from '../extraction/extractor.js';
import type { ExtractionEvent, PoolStats } from '../extraction/pool.js';

export interface Metrics {
  registry: Registry;
  observeExtraction: (event: ExtractionEvent) => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export function createMetrics(poolStats: () => PoolStats | undefined): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'skillbridge_' });
  const parse = new Histogram({
    name: 'skillbridge_parse_duration_seconds',
    help: 'Time to extract text from one document, by format and outcome (ok or error code).',
    labelNames: ['format', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: 'skillbridge_extraction_queue_depth',
    help: 'Documents waiting for an extraction child.',
    registers: [registry],
    collect() {
      this.set(poolStats()?.queued ?? 0);
    },
  });
  new Gauge({
    name: 'skillbridge_extraction_busy_children',
    help: 'Extraction children parsing a document now.',
    registers: [registry],
    collect() {
      this.set(poolStats()?.busy ?? 0);
    },
  });
  return {
    registry,
    observeExtraction: (e) => parse.observe({ format: e.format, outcome: e.outcome }, e.seconds),
  };
}

async function metricsPlugin(app: FastifyInstance, options: { metrics: Metrics }): Promise<void> {
  const { registry } = options.metrics;
  app.decorate('metrics', options.metrics);
  const duration = new Histogram({
    name: 'skillbridge_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'skillbridge_errors_total',
    help: 'Error answers by API error code.',
    labelNames: ['code', 'status'],
    registers: [registry],
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode >= 400 && typeof payload === 'string') {
      const code = /^\{"statusCode":\d+,"code":"([A-Z_]+)"/.exec(payload)?.[1] ?? 'UNKNOWN';
      errors.inc({ code, status: String(reply.statusCode) });
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}

export default fp(metricsPlugin, { name: 'metrics' });

/** Times an in-process extractor the way the pool reports its children. */
export function instrumentExtractor(
  extractor: Extractor,
  observe: (event: ExtractionEvent) => void,
): Extractor {
  return {
    async extract(format, bytes) {
      const started = performance.now();
      let outcome: ExtractionEvent['outcome'] = 'ok';
      try {
        return await extractor.extract(format, bytes);
      } catch (err) {
        outcome = isAppError(err) ? err.code : 'INTERNAL';
        throw err;
      } finally {
        observe({ format, seconds: (performance.now() - started) / 1000, outcome });
      }
    },
    close: () => extractor.close(),
  };
}
