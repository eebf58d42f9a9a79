import { z } from 'zod';
import type { RouteFactory } from './route-spec.js';

export const MetricsSchema = z.string().describe('Prometheus text exposition format.');

export const metricsRoutes: RouteFactory = (app) => [
  {
    spec: {
      method: 'GET',
      url: '/metrics',
      operationId: 'getMetrics',
      summary: 'Prometheus metrics',
      description:
        'Request duration by route and status, parse duration by format, error answers by code, extraction queue depth, ' +
        'and Node.js process metrics.',
      tags: ['operations'],
      response: MetricsSchema,
      responseContentType: 'text/plain; version=0.0.4',
      errors: [],
      public: true,
    },
    handler: async (_request, reply) => {
      reply.type(app.metrics.registry.contentType);
      return app.metrics.registry.metrics();
    },
  },
];
