// Every JSON answer ends with a newline (a shell prompt must not stick to curl's output), and
// `?pretty=true` indents it. One onSend hook for all routes, after serialization, so it holds whatever
// serializer a route uses. Limit: pretty re-parses the serialized body, which costs a few ms on the
// largest answers; it is only paid when asked for. The resume routes send bytes already finished the
// same way (views/answers.ts), which this hook leaves alone.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { finishJson } from '../views/answers.js';

export function wantsPretty(request: FastifyRequest): boolean {
  const query = request.query as Record<string, unknown> | undefined;
  return query?.pretty === 'true';
}

async function jsonAnswersPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string') return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) return payload;
    return finishJson(payload, wantsPretty(request));
  });
}

export default fp(jsonAnswersPlugin, { name: 'json-answers' });
