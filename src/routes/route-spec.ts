// One declaration per route: the same object registers the route in app.ts and describes it in
// openapi.yaml, so the document cannot drift from the server. Request parts are validated in the
// handler with the declared zod schemas (multipart bodies never reach Fastify's validator).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { appError, type ErrorCode } from '../errors.js';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: z.ZodObject;
  /** Request headers the route reads (documented as header parameters). */
  headers?: z.ZodObject;
  query?: z.ZodObject;
  body?: { json?: z.ZodType; multipart?: z.ZodType };
  response: z.ZodType;
  responseDescription?: string;
  responseContentType?: string;
  /** Success status when not 200 (202 accepted, 204 without a body). */
  status?: 200 | 202 | 204;
  /** Response headers of the success answer, name -> description. */
  responseHeaders?: Record<string, string>;
  /** Body size limit when it differs from MAX_FILE_BYTES (JSON bodies; multipart sets its own). */
  bodyLimit?: number;
  errors: ErrorCode[];
  /** Open even when API keys are configured (health, metrics). */
  public?: boolean;
}

export interface RouteDef {
  spec: RouteSpec;
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

export type RouteFactory = (app: FastifyInstance) => RouteDef[];

/** Validates `data` with `schema`, answering 400 INVALID_REQUEST with the first issue otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.length ? `${where}.${issue.path.join('.')}` : where;
    throw appError('INVALID_REQUEST', `${path}: ${issue.message}`);
  }
  return result.data;
}
