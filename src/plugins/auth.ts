// Optional API keys: when API_KEYS is set, every /v1 route needs `Authorization: Bearer <key>` or
// `X-API-Key: <key>`. The check runs in onRequest, before any body byte is read, and compares SHA-256
// digests with timingSafeEqual against every key, so neither timing nor length tells how close a guess
// was. Health, readiness, metrics and docs are outside /v1 and stay open; CORS preflights carry no
// credentials by design and pass.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { appError } from '../errors.js';
import { sendError } from './error-handler.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Index of the API key the request presented, or null (no keys configured, or a public route). */
    apiKeyId: number | null;
  }
}

/** True for the versioned API, whatever route matched (including 404s under /v1). */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return (route !== undefined && route.startsWith('/v1/')) || /^\/v1(\/|$|\?)/i.test(request.url);
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

function presentedKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(auth);
    if (match) return match[1];
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

async function authPlugin(app: FastifyInstance, options: { keys: string[] }): Promise<void> {
  app.decorateRequest('apiKeyId', null);
  if (options.keys.length === 0) return;
  const digests = options.keys.map(digest);

  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' || !isApiRequest(request)) return;
    const key = presentedKey(request);
    let found = -1;
    if (key !== undefined) {
      const candidate = digest(key);
      // No early exit: every configured key is compared whatever matched.
      digests.forEach((d, i) => {
        if (timingSafeEqual(d, candidate) && found === -1) found = i;
      });
    }
    if (found === -1) {
      reply.header('www-authenticate', 'Bearer');
      return sendError(reply, appError('UNAUTHORIZED'));
    }
    request.apiKeyId = found;
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['error-handler'] });
