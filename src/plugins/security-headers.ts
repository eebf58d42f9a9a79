// Security headers on every answer (helmet). The CSP is strict but lets Swagger UI at /docs run: its
// scripts and styles are served from 'self'. upgrade-insecure-requests is off because TLS, when
// present, ends at a proxy and plain-HTTP deployments on a private network must still load /docs.
// /v1 answers carry resume data (or refusals about it): no cache may keep them. Answers written
// before routing (framework errors, Node's own client errors) get the same headers from
// `staticSecurityHeaders`, computed once from the same helmet options.
import helmetPlugin from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': null,
    },
  },
  crossOriginResourcePolicy: { policy: 'same-site' },
  referrerPolicy: { policy: 'no-referrer' },
} satisfies HelmetOptions;

export const NO_STORE_HEADERS = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

let computed: Record<string, string> | undefined;

/** Helmet's headers plus no-store, for answers written outside Fastify's hooks. */
export function staticSecurityHeaders(): Record<string, string> {
  if (!computed) {
    const headers: Record<string, string> = {};
    const res = {
      setHeader: (name: string, value: string | number | readonly string[]) => {
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      },
      removeHeader: (name: string) => {
        delete headers[name.toLowerCase()];
      },
    };
    helmet(HELMET_OPTIONS)({} as never, res as never, () => undefined);
    computed = { ...headers, ...NO_STORE_HEADERS };
  }
  return computed;
}

async function securityHeadersPlugin(app: FastifyInstance): Promise<void> {
  await app.register(helmetPlugin, HELMET_OPTIONS);
  app.addHook('onRequest', async (request, reply) => {
    if (/^\/v1(\/|$|\?)/i.test(request.url)) reply.headers(NO_STORE_HEADERS);
  });
}

export default fp(securityHeadersPlugin, { name: 'security-headers' });
