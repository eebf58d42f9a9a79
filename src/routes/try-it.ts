// GET / and GET /try-it.js: the try-it page for career sites (see views/try-it-page.ts). Open without
// an API key like /docs: the page holds no data, and the analyses it sends carry the key it asks for.
import { z } from 'zod';
import { renderTryItPage, TRY_IT_SCRIPT } from '../views/try-it-page.js';
import { defineRoute, type RouteFactory } from './route-spec.js';

export const TryItPageSchema = z.string().describe('A self-contained HTML page.');
export const TryItScriptSchema = z.string().describe('The page script.');

export const tryItRoutes: RouteFactory = (app) => {
  // Rendered once: roles and the key setting are fixed at boot.
  const page = renderTryItPage({
    roles: app.knowledge.roles.roles.map((r) => ({ id: r.id, title: r.title })),
    defaultRole: app.knowledge.roles.defaultTargetRole,
    needsKey: app.config.API_KEYS.length > 0,
    maxFileMb: Math.floor(app.config.MAX_FILE_BYTES / (1024 * 1024)),
  });
  return [
    defineRoute(
      {
        method: 'GET',
        url: '/',
        operationId: 'getTryItPage',
        summary: 'A page to try the API from a browser',
        description:
          'Pick a resume, a target role and optionally a posting; the page posts to /v1/analyses?format=html ' +
          'and shows the report. When the server has API keys the page asks for one and keeps it only in memory.',
        tags: ['pages'],
        response: TryItPageSchema,
        responseContentType: 'text/html',
        errors: [],
        public: true,
      },
      async (_request, reply) => reply.type('text/html; charset=utf-8').send(page),
    ),
    defineRoute(
      {
        method: 'GET',
        url: '/try-it.js',
        operationId: 'getTryItScript',
        summary: 'The script of the try-it page',
        description: 'Served from the origin itself, because the service\'s Content-Security-Policy allows no inline script.',
        tags: ['pages'],
        response: TryItScriptSchema,
        responseContentType: 'text/javascript',
        errors: [],
        public: true,
      },
      async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(TRY_IT_SCRIPT),
    ),
  ];
};
