// Whether the server takes work. On shutdown it drains: new /v1 requests get 503 SHUTTING_DOWN (health
// and readiness still answer, /readyz as unready) while the in-flight ones finish, up to a grace period.
// Under pressure (extraction queue at least half full, or no extraction child loaded yet, as at boot)
// /readyz answers unready so a balancer stops sending; with the queue full, uploads are refused with
// 503 OVERLOADED before their body is read. Every 503 carries Retry-After. Limits: admission looks at
// the queue when the request arrives; the pool still refuses at its own bound if the queue filled
// meanwhile.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { appError } from '../errors.js';
import type { PoolStats } from '../extraction/pool.js';
import { isApiRequest } from './auth.js';
import { sendError } from './error-handler.js';

export interface AvailabilityOptions {
  poolStats: () => PoolStats | undefined;
  retryAfterSeconds: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Stops taking new requests and resolves once the in-flight ones are answered (true) or the grace
     * period is over (false).
     */
    drain: (graceMs: number) => Promise<boolean>;
  }
}

/** Why the server should not take work now, or undefined. */
export function pressureReason(stats: PoolStats | undefined): string | undefined {
  if (!stats) return undefined;
  if (stats.warm === 0) return 'no extraction child is ready';
  if (stats.queued > 0 && stats.queued * 2 >= stats.queueMax) {
    return `extraction queue ${stats.queued}/${stats.queueMax}`;
  }
  return undefined;
}

async function availabilityPlugin(app: FastifyInstance, options: AvailabilityOptions): Promise<void> {
  let draining = false;
  let inFlight = 0;
  const idleWaiters: (() => void)[] = [];

  app.decorate('readiness', () =>
    draining ? 'shutting down' : pressureReason(options.poolStats()),
  );

  app.addHook('onRequest', async (request, reply) => {
    if (draining && isApiRequest(request)) {
      reply.header('connection', 'close');
      return sendError(reply, appError('SHUTTING_DOWN'));
    }
    // Admission control: with the extraction queue full, an upload is refused before its body is read,
    // so a flood costs neither the bytes nor the memory of documents that would be refused anyway.
    const stats = options.poolStats();
    if (
      stats &&
      stats.queued >= stats.queueMax &&
      request.method === 'POST' &&
      isApiRequest(request) &&
      /^multipart\//i.test(request.headers['content-type'] ?? '')
    ) {
      return sendError(reply, appError('OVERLOADED', 'the document queue is full'));
    }
    inFlight += 1;
    // 'close' fires once whether the answer was sent or the client went away.
    reply.raw.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) for (const wake of idleWaiters.splice(0)) wake();
    });
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) {
      reply.header('retry-after', String(draining ? 5 : options.retryAfterSeconds()));
    }
    return payload;
  });

  app.decorate('drain', (graceMs: number) => {
    draining = true;
    if (inFlight === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), graceMs);
      idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  });
}

export default fp(availabilityPlugin, { name: 'availability', dependencies: ['error-handler'] });
