// Per-key request budget on /v1 routes (per client IP when no keys are configured): RATE_LIMIT_MAX
// requests a minute, answered past it with 429 RATE_LIMITED in the API's error shape plus the
// standard x-ratelimit-* and retry-after headers. Runs after auth, so a request is counted against the
// key it proved. Limits: the counters are in memory, per process.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { appError } from '../errors.js';
import { isApiRequest } from './auth.js';

async function rateLimitPlugin(app: FastifyInstance, options: { max: number }): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: options.max,
    timeWindow: 60_000,
    allowList: (request) => request.method === 'OPTIONS' || !isApiRequest(request),
    keyGenerator: (request) => (request.apiKeyId !== null ? `key:${request.apiKeyId}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      appError('RATE_LIMITED', `${context.max} requests per minute; retry in ${context.after}`),
  });
}

export default fp(rateLimitPlugin, { name: 'rate-limit', dependencies: ['auth'] });
