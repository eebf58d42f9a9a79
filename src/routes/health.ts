import { z } from 'zod';
import type { RouteFactory } from './route-spec.js';

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const ReadinessSchema = z
  .object({ status: z.enum(['ready', 'unready']), reason: z.string().optional() })
  .meta({ id: 'Readiness' });

export const healthRoutes: RouteFactory = (app) => [
  {
    spec: {
      method: 'GET',
      url: '/healthz',
      operationId: 'getHealth',
      summary: 'Liveness: the process answers',
      tags: ['operations'],
      response: HealthSchema,
      errors: [],
      public: true,
    },
    handler: async () => ({ status: 'ok' as const }),
  },
  {
    spec: {
      method: 'GET',
      url: '/readyz',
      operationId: 'getReadiness',
      summary: 'Readiness: data loaded and capacity to take work',
      description: 'Answers 503 with `status: unready` while the server drains for shutdown or is saturated.',
      tags: ['operations'],
      response: ReadinessSchema,
      errors: ['SHUTTING_DOWN', 'OVERLOADED'],
      public: true,
    },
    handler: async (_request, reply) => {
      const reason = app.readiness();
      if (reason) {
        reply.code(503);
        return { status: 'unready' as const, reason };
      }
      return { status: 'ready' as const };
    },
  },
];
