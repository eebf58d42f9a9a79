// One line when a request arrives and one when it is answered, with the method and the path only:
// a query string can carry a key (`?api_key=...`) or personal data, and Fastify's own request lines
// (turned off in app.ts) log the full URL through whatever `req` serializer the operator configured.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The path of a request URL, without query string or fragment. */
export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

async function requestLogPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', async (request) => {
    request.log.info({ method: request.method, path: pathOf(request.url).slice(0, 200) }, 'incoming request');
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });
}

export default fp(requestLogPlugin, { name: 'request-log' });
