// GET /healthz and GET /readyz: liveness for the process supervisor, readiness for the load balancer.
import { z } from 'zod';
import { defineRoute, type RouteFactory } from './route-spec.js';

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export const ReadinessSchema = z
  .object({ status: z.enum(['ready', 'unready']), reason: z.string().optional() })
  .meta({ id: 'Readiness' });

export const healthRoutes: RouteFactory = (app) => [
  defineRoute(
    {
      method: 'GET',
      url: '/healthz',
      operationId: 'getHealth',
      summary: 'Liveness: the process answers',
      description:
        'Answers 200 `{ "status": "ok" }` as long as the process serves HTTP, even while it drains or is busy. ' +
        'Use it for restarts; use /readyz to decide whether to send traffic. Open without an API key.',
      tags: ['operations'],
      response: HealthSchema,
      errors: [],
      public: true,
      examples: { response: { status: 'ok' } },
    },
    async () => ({ status: 'ok' as const }),
  ),
  defineRoute(
    {
      method: 'GET',
      url: '/readyz',
      operationId: 'getReadiness',
      summary: 'Readiness: data loaded and capacity to take work',
      description:
        'Answers 200 `ready` when the data is loaded and an extraction child is warm, and 503 `unready` with a ' +
        '`reason` while the server drains for shutdown or its extraction queue is at least half full. Open ' +
        'without an API key.',
      tags: ['operations'],
      response: ReadinessSchema,
      extraResponses: {
        503: { description: 'Not ready: draining, saturated, or no extraction child loaded yet.', schema: ReadinessSchema },
      },
      responseHeaders: {},
      errors: [],
      public: true,
      examples: { response: { status: 'ready' } },
    },
    async (_request, reply) => {
      const reason = app.readiness();
      if (reason) {
        reply.code(503);
        return { status: 'unready' as const, reason };
      }
      return { status: 'ready' as const };
    },
  ),
];
