// Maps every error to the one response shape { statusCode, code, error, message }. Fastify's and
// @fastify/multipart's own codes become ours; anything unknown is a 500 whose message carries no
// internals. Resume content never reaches a log line: only codes and the request id are logged.
// Errors raised before routing (bad URL escapes, over-long params) and Node's own client errors
// (header overflow, request timeout, malformed HTTP) are written here too, in the same shape and with
// the security headers; their raw packet, which holds keys and resume bytes, is never logged.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type AppError, appError, ERROR_DEFINITIONS, type ErrorCode, isAppError } from '../errors.js';
import { staticSecurityHeaders } from './security-headers.js';

/** Longest URL (path and query) a request may carry; longer ones answer 414 URI_TOO_LONG. */
export const MAX_URL_CHARS = 2048;

const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MISSING_RESUME',
  FST_ERR_CTP_BODY_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_REQUEST',
  FST_ERR_VALIDATION: 'INVALID_REQUEST',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'TOO_MANY_FILES',
  FST_PARTS_LIMIT: 'INVALID_REQUEST',
  FST_FIELDS_LIMIT: 'INVALID_REQUEST',
  FST_PROTO_VIOLATION: 'INVALID_REQUEST',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'INVALID_REQUEST',
  FST_INVALID_JSON_FIELD_ERROR: 'INVALID_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'INVALID_REQUEST',
  FST_ERR_BAD_URL: 'INVALID_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
};

const SAFE_FRAMEWORK_MESSAGES: Partial<Record<ErrorCode, string>> = {
  UNSUPPORTED_MEDIA_TYPE: 'send multipart/form-data with a "resume" file, or application/json with "text"',
  FILE_TOO_LARGE: 'the body exceeds the size limit',
  TOO_MANY_FILES: 'more files than this route accepts',
  MISSING_RESUME: 'empty body',
  URI_TOO_LONG: 'a path segment is too long',
};

export function toAppError(err: FastifyError | Error): {
  error: ReturnType<typeof appError>;
  unexpected: boolean;
} {
  if (isAppError(err)) return { error: err, unexpected: false };
  const code = (err as FastifyError).code;
  const mapped = code ? FRAMEWORK_CODES[code] : undefined;
  if (mapped) {
    return {
      error: appError(mapped, SAFE_FRAMEWORK_MESSAGES[mapped] ?? 'malformed body'),
      unexpected: false,
    };
  }
  const status = (err as FastifyError).statusCode;
  if (status === 413)
    return { error: appError('FILE_TOO_LARGE', 'the body exceeds the size limit'), unexpected: false };
  if (status === 415)
    return { error: appError('UNSUPPORTED_MEDIA_TYPE', 'unsupported content type'), unexpected: false };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Client-side stream errors (aborted uploads, busboy "Unexpected end of form", bad JSON) land here.
    return { error: appError('INVALID_REQUEST', 'malformed or truncated body'), unexpected: false };
  }
  const message = err.message ?? '';
  if (
    /Unexpected end of (form|multipart)|Malformed part header|Multipart: Boundary not found|needle cannot have a length/i.test(
      message,
    )
  ) {
    return { error: appError('INVALID_REQUEST', 'malformed or truncated multipart body'), unexpected: false };
  }
  return { error: appError('INTERNAL'), unexpected: true };
}

function errorBody(error: AppError): { statusCode: number; code: ErrorCode; error: string; message: string } {
  const statusCode = ERROR_DEFINITIONS[error.code].status;
  return { statusCode, code: error.code, error: STATUS_CODES[statusCode] ?? 'Error', message: error.message };
}

export function sendError(reply: FastifyReply, error: ReturnType<typeof appError>): FastifyReply {
  return reply.code(ERROR_DEFINITIONS[error.code].status).type('application/json; charset=utf-8').send(errorBody(error));
}

async function errorHandlerPlugin(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { error, unexpected } = toAppError(err);
    if (unexpected) {
      // Only the error's name and stack frames: messages of parser errors may quote document content.
      request.log.error(
        { errName: err.name, errCode: (err as FastifyError).code, stack: err.stack },
        'unexpected error',
      );
    } else {
      request.log.info({ code: error.code }, 'request refused');
    }
    return sendError(reply, error);
  });
  // Checked before anything else reads the URL: logs, auth and the router never see a huge one.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > MAX_URL_CHARS) {
      return sendError(reply, appError('URI_TOO_LONG', `more than ${MAX_URL_CHARS} characters`));
    }
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, appError('NOT_FOUND', `${request.method} ${request.url.split('?')[0]}`)),
  );
}

/** Fastify's `frameworkErrors`: raised before routing, so no hook has set the security headers yet. */
export function answerFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { error } = toAppError(err);
  request.log.info({ code: error.code }, 'request refused');
  void sendError(reply.headers(staticSecurityHeaders()), error);
}

const CLIENT_ERRORS: Record<string, AppError> = {
  ERR_HTTP_REQUEST_TIMEOUT: appError('REQUEST_TIMEOUT', 'headers or body stalled past the request deadline'),
  HPE_HEADER_OVERFLOW: appError('HEADERS_TOO_LARGE'),
};

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the connection (header overflow, request
 * timeout, bytes that are not HTTP). Fastify's default logs `err.rawPacket`, the raw request bytes with
 * keys and resume text; only the error code is logged here.
 */
export function answerClientError(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const error = CLIENT_ERRORS[err.code ?? ''] ?? appError('INVALID_REQUEST', 'malformed HTTP request');
  this.log.info({ code: error.code, cause: err.code }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(errorBody(error));
    const headers = {
      ...staticSecurityHeaders(),
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\r\n');
    const status = ERROR_DEFINITIONS[error.code].status;
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${head}\r\n\r\n${body}`);
  }
  socket.destroySoon();
}

export default fp(errorHandlerPlugin, { name: 'error-handler' });
