// One declaration per route: the same object registers the route in app.ts, where its zod schemas
// validate params, query and JSON bodies and serialize every response status (compiled once at boot,
// see schema-compilers.ts), and describes it in openapi.yaml. Handlers are typed from the same schemas:
// `defineRoute` infers the request parts and checks the returned value against the response schema.
// Multipart bodies never reach Fastify's validator: routes that take files read them with
// resume-input.ts, which validates the form fields with the route's zod schema through parseInput.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { appError, type ErrorCode } from '../errors.js';

/** A response header the route sends, as documented. */
export interface HeaderSpec {
  description: string;
  schema: { type: 'string' | 'integer' };
}

/** An answer other than the success schema and the error shape (e.g. /readyz's 503 body). */
export interface ExtraResponse {
  description: string;
  schema: z.ZodType;
  contentType?: string;
}

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  params?: P;
  query?: Q;
  /** Request headers the route reads (validated, and documented as header parameters). */
  headers?: z.ZodObject;
  body?: {
    json?: B;
    /** The form parts, for the document only (multipart is read by the handler). */
    multipart?: z.ZodType;
    /** Per-part content types of the multipart form (OpenAPI `encoding`). */
    encoding?: Record<string, { contentType: string }>;
  };
  /** Status of the success answer: 200 unless said (202 accepted, 204 without a body). */
  status?: 200 | 201 | 202 | 204;
  response: R;
  responseDescription?: string;
  responseContentType?: string;
  /** Other media types the success answer can take (content negotiation), each with its schema. */
  responseAlternatives?: Record<string, z.ZodType>;
  /** Headers of the success answer: a full spec, or just its description (a string header). */
  responseHeaders?: Record<string, HeaderSpec | string>;
  /** Body size limit when it differs from the server's (JSON bodies; multipart sets its own). */
  bodyLimit?: number;
  /** Other non-error answers by status, each with its own schema. */
  extraResponses?: Record<number, ExtraResponse>;
  errors: ErrorCode[];
  /** Open even when API keys are configured (health, metrics). */
  public?: boolean;
  /** A request and a response a client can copy, shown in the OpenAPI document. */
  examples?: { request?: unknown; response?: unknown };
}

type Out<S> = S extends z.ZodType ? z.output<S> : unknown;

export type TypedRequest<P, Q, B> = FastifyRequest<{ Params: Out<P>; Querystring: Out<Q>; Body: Out<B> }>;

export interface RouteDef {
  spec: RouteSpec;
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/**
 * Pairs a spec with its handler. The handler's request parts are typed from the spec's schemas, and what
 * it returns must fit the response schema (or be the reply itself, or a string for a non-JSON answer).
 */
export function defineRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(
  spec: RouteSpec<P, Q, B, R>,
  handler: (request: TypedRequest<P, Q, B>, reply: FastifyReply) => Promise<z.input<R> | FastifyReply>,
): RouteDef {
  return { spec: spec as unknown as RouteSpec, handler: handler as RouteDef['handler'] };
}

export type RouteFactory = (app: FastifyInstance) => RouteDef[];

/** The first issue of a failed zod parse as one line: `where.path: message`. */
export function describeIssue(error: z.ZodError, where: string): string {
  const issue = error.issues[0]!;
  const path = issue.path.length ? `${where}.${issue.path.join('.')}` : where;
  return `${path}: ${issue.message}`;
}

/** Validates `data` with `schema`, answering 400 INVALID_REQUEST with the first issue otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw appError('INVALID_REQUEST', describeIssue(result.error, where));
  return result.data;
}
