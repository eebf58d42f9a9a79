// openapi.yaml is generated from the route specs and zod schemas; it must match the code, and every
// documented operation must exist on the live server.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderOpenApiYaml } from '../scripts/generate-openapi.js';
import { ERROR_CODES } from '../src/errors.js';
import { startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server.close());

describe('openapi.yaml', () => {
  it('matches what the code generates (run `npm run openapi` after changing a schema or route)', async () => {
    const committed = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');
    expect(committed).toBe(await renderOpenApiYaml());
  });

  it('is what the live server serves at /docs/json', async () => {
    const committed = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'));
    const res = await request(server.url).get('/docs/json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(committed);
  });

  it('defines every component schema, with no self-reference and no dangling $ref', () => {
    const doc = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'));
    const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
    for (const [id, schema] of Object.entries(schemas)) {
      expect(schema.$ref, id).toBeUndefined();
      expect(schema.type ?? schema.anyOf ?? schema.oneOf ?? schema.enum, id).toBeDefined();
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const id of refs) expect(Object.keys(schemas)).toContain(id);
  });

  it('documents every error code with its status', () => {
    const text = readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8');
    for (const code of ERROR_CODES) expect(text).toContain(`\`${code}\``);
  });

  it('documents exactly the routes the live server has', () => {
    const doc = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'));
    const documented: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) {
        documented.push(`${method.toUpperCase()} ${path}`);
        const url = path.replace(/\{([^}]+)\}/g, ':$1');
        expect(server.app.hasRoute({ method: method.toUpperCase() as 'GET', url }), `${method} ${path}`).toBe(true);
      }
    }
    const live = server.app.routeSpecs.map((s) => `${s.method} ${s.url.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual(live.sort());
  });
});
