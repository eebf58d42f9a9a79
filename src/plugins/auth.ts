// Optional API keys: when API_KEYS is set, every /v1 route needs `Authorization: Bearer <key>` or
// `X-API-Key: <key>`. The check runs in onRequest, before any body byte is read, and compares SHA-256
// digests with timingSafeEqual against every key, so neither timing nor length tells how close a guess
// was. Health, readiness, metrics and docs are outside /v1 and stay open; CORS preflights carry no
// credentials by design and pass. Failed authentications are counted per client address: past
// `failureLimit` in a minute the address gets 429 RATE_LIMITED (with Retry-After) for the rest of that
// minute, valid key or not, so guessing keys costs time and a lucky guess is not confirmed. Limits: the
// counters are in memory, per process; behind a proxy the address is the proxy's unless TRUST_PROXY.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { appError } from '../errors.js';
import { sendError } from './error-handler.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Stable id of the API key the request presented (the first 16 hex digits of its SHA-256, so it
     * survives reordering or adding keys in API_KEYS and never reveals the key), or null (no keys
     * configured, or a public route). Batches belong to it; the rate limit counts per it.
     */
    apiKeyId: string | null;
  }
}

/** True for the versioned API, whatever route matched (including 404s under /v1). */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return (route !== undefined && route.startsWith('/v1/')) || /^\/v1(\/|$|\?)/i.test(request.url);
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
/** The public id of a key from its digest: 64 bits, enough to tell keys apart, useless to find one. */
const keyIdOf = (keyDigest: Buffer): string => keyDigest.subarray(0, 8).toString('hex');

function presentedKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(auth);
    if (match) return match[1];
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

const FAILURE_WINDOW_MS = 60_000;
// Bounds the counter table under a spread-address attack; expired windows are dropped first.
const MAX_TRACKED_ADDRESSES = 100_000;

interface FailureWindow {
  count: number;
  resetAt: number;
}

function createFailureCounter(limit: number) {
  const windows = new Map<string, FailureWindow>();
  const prune = (now: number) => {
    for (const [address, w] of windows) if (w.resetAt <= now) windows.delete(address);
    // Still full: every address is inside its window; the oldest entries go first (Map keeps insertion order).
    for (const address of windows.keys()) {
      if (windows.size < MAX_TRACKED_ADDRESSES) break;
      windows.delete(address);
    }
  };
  return {
    /** Seconds until `address` may try again, or 0 when it is not blocked. */
    blockedFor(address: string, now: number): number {
      const w = windows.get(address);
      if (!w || w.resetAt <= now || w.count < limit) return 0;
      return Math.max(1, Math.ceil((w.resetAt - now) / 1000));
    },
    fail(address: string, now: number): void {
      const w = windows.get(address);
      if (w && w.resetAt > now) {
        w.count += 1;
        return;
      }
      if (windows.size >= MAX_TRACKED_ADDRESSES) prune(now);
      windows.set(address, { count: 1, resetAt: now + FAILURE_WINDOW_MS });
    },
  };
}

async function authPlugin(app: FastifyInstance, options: { keys: string[]; failureLimit: number }): Promise<void> {
  app.decorateRequest('apiKeyId', null);
  if (options.keys.length === 0) return;
  const digests = options.keys.map(digest);
  const failures = createFailureCounter(options.failureLimit);

  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' || !isApiRequest(request)) return;
    const now = Date.now();
    const wait = failures.blockedFor(request.ip, now);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      return sendError(
        reply,
        appError('RATE_LIMITED', `too many invalid API keys from this address; retry in ${wait} seconds`),
      );
    }
    const key = presentedKey(request);
    let found: Buffer | undefined;
    if (key !== undefined) {
      const candidate = digest(key);
      // No early exit: every configured key is compared whatever matched.
      for (const d of digests) if (timingSafeEqual(d, candidate) && found === undefined) found = d;
    }
    if (found === undefined) {
      failures.fail(request.ip, now);
      reply.header('www-authenticate', 'Bearer');
      return sendError(reply, appError('UNAUTHORIZED'));
    }
    request.apiKeyId = keyIdOf(found);
  });
}

export default fp(authPlugin, { name: 'auth', dependencies: ['error-handler'] });
