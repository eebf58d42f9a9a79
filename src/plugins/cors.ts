// CORS from an explicit allow-list (CORS_ORIGINS). Without one, no cross-origin caller is allowed.
// Registered before auth so refusals (401, 429) still carry the headers a browser needs to read them.
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

async function corsPlugin(app: FastifyInstance, options: { origins: string[] }): Promise<void> {
  await app.register(cors, {
    origin: options.origins.length > 0 ? options.origins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'X-API-Key', 'Content-Type'],
    exposedHeaders: [
      'Retry-After',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'X-Request-Id',
    ],
    maxAge: 600,
  });
}

export default fp(corsPlugin, { name: 'cors' });
