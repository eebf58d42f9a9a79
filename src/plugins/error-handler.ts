// Maps every error to the one response shape { statusCode, code, error, message }. Fastify's and
// @fastify/multipart's own codes become ours; anything unknown is a 500 whose message carries no
// internals. Resume content never reaches a log line: only codes and the request id are logged.
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { appError, ERROR_DEFINITIONS, type ErrorCode, isAppError } from '../errors.js';

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
};

const SAFE_FRAMEWORK_MESSAGES: Partial<Record<ErrorCode, string>> = {
  UNSUPPORTED_MEDIA_TYPE: 'send multipart/form-data with a "resume" file, or application/json with "text"',
  FILE_TOO_LARGE: 'the body exceeds the size limit',
  TOO_MANY_FILES: 'more files than this route accepts',
  MISSING_RESUME: 'empty body',
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
    /Unexpected end of (form|multipart)|Malformed part header|Multipart: Boundary not found/i.test(message)
  ) {
    return { error: appError('INVALID_REQUEST', 'malformed or truncated multipart body'), unexpected: false };
  }
  return { error: appError('INTERNAL'), unexpected: true };
}

export function sendError(reply: FastifyReply, error: ReturnType<typeof appError>): FastifyReply {
  const statusCode = ERROR_DEFINITIONS[error.code].status;
  return reply
    .code(statusCode)
    .type('application/json; charset=utf-8')
    .send({
      statusCode,
      code: error.code,
      error: STATUS_CODES[statusCode] ?? 'Error',
      message: error.message,
    });
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
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, appError('NOT_FOUND', `${request.method} ${request.url.split('?')[0]}`)),
  );
}

export default fp(errorHandlerPlugin, { name: 'error-handler' });
