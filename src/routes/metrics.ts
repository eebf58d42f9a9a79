// GET /metrics: Prometheus text exposition of the app instance's own registry.
import { z } from 'zod';
import { defineRoute, type RouteFactory } from './route-spec.js';

export const MetricsSchema = z.string().describe('Prometheus text exposition format.');

export const metricsRoutes: RouteFactory = (app) => [
  defineRoute(
    {
      method: 'GET',
      url: '/metrics',
      operationId: 'getMetrics',
      summary: 'Prometheus metrics',
      description:
        'Request duration by route and status, parse duration by format, error answers by code, extraction queue depth, ' +
        'and Node.js process metrics. Open without an API key: keep it on a private network.',
      tags: ['operations'],
      response: MetricsSchema,
      responseContentType: 'text/plain; version=0.0.4',
      errors: [],
      public: true,
    },
    async (_request, reply) => {
      reply.type(app.metrics.registry.contentType);
      return app.metrics.registry.metrics();
    },
  ),
];
