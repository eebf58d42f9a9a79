// Checks every answer a test server sends against openapi.yaml as the server itself serves it: the status
// must be declared for the operation, and a JSON body must validate against that status's schema (Ajv,
// JSON Schema 2020-12, as OpenAPI 3.1 defines). Violations are collected and fail the test file when its
// server closes, so the whole suite doubles as a contract test of the documented API.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import type { SentAnswer } from '../../src/app.js';

type Json = Record<string, unknown>;

export interface ResponseChecker {
  inspect: (answer: SentAnswer) => void;
  attach: (app: FastifyInstance) => void;
  violations: string[];
}

export function createResponseChecker(): ResponseChecker {
  const violations: string[] = [];
  let app: FastifyInstance | undefined;
  let doc: Json | undefined;
  let ajv: Ajv2020 | undefined;
  const validators = new Map<string, ValidateFunction>();

  const validatorFor = (schema: Json, key: string): ValidateFunction => {
    let v = validators.get(key);
    if (!v) {
      const local = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as Json;
      v = ajv!.compile(local);
      validators.set(key, v);
    }
    return v;
  };

  return {
    violations,
    attach: (instance) => {
      app = instance;
    },
    inspect: (answer) => {
      if (!app) return;
      if (!doc) {
        doc = app.swagger() as unknown as Json;
        ajv = new Ajv2020({ strict: false, allErrors: false });
        ajv.addSchema({ $id: 'openapi', components: doc.components }, 'openapi');
      }
      const path = answer.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = (doc.paths as Record<string, Record<string, Json>>)[path]?.[answer.method.toLowerCase()];
      if (!op) return; // /docs and other routes outside the API contract
      const where = `${answer.method} ${path} ${answer.statusCode}`;
      const declared = (op.responses as Record<string, Json>)[String(answer.statusCode)];
      if (!declared) {
        violations.push(`${where}: status not declared in openapi.yaml`);
        return;
      }
      const essence = (mediaType: string) => mediaType.split(';')[0]!.trim();
      const content = Object.fromEntries(
        Object.entries((declared.content ?? {}) as Record<string, { schema: Json }>).map(([k, v]) => [essence(k), v]),
      );
      const type = essence(answer.contentType);
      if (!content[type]) {
        violations.push(`${where}: content type ${type || '(none)'} not declared`);
        return;
      }
      if (type !== 'application/json' && !type.endsWith('+json')) return;
      const validate = validatorFor(content[type].schema, `${where} ${type}`);
      if (!validate(JSON.parse(answer.payload))) {
        violations.push(`${where}: ${ajv!.errorsText(validate.errors)}`);
      }
    },
  };
}
