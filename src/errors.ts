// Every error code the API can answer with, declared once. The OpenAPI document, the error handler
// and the child-process extractor all read this table, so a code cannot exist in one place only.

export const ERROR_DEFINITIONS = {
  INVALID_REQUEST: { status: 400, message: 'The request is malformed: %s' },
  MISSING_RESUME: { status: 400, message: 'No resume was sent: %s' },
  UNKNOWN_ROLE: { status: 400, message: 'Unknown target role: %s' },
  UNAUTHORIZED: { status: 401, message: 'A valid API key is required' },
  NOT_FOUND: { status: 404, message: 'Not found: %s' },
  NOT_ACCEPTABLE: { status: 406, message: 'No such report format: %s' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request did not arrive in time: %s' },
  TOO_MANY_FILES: { status: 413, message: 'Too many files: %s' },
  FILE_TOO_LARGE: { status: 413, message: 'The upload is too large: %s' },
  URI_TOO_LONG: { status: 414, message: 'The URL is too long: %s' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Unsupported document type: %s' },
  ENCRYPTED_DOCUMENT: { status: 422, message: 'The document is encrypted or password-protected' },
  UNREADABLE_DOCUMENT: { status: 422, message: 'The document cannot be read: %s' },
  NO_TEXT: { status: 422, message: 'The document has too little text to analyze: %s' },
  TOO_MANY_PAGES: { status: 422, message: 'The document has too many pages: %s' },
  EXTRACTION_TIMEOUT: { status: 422, message: 'Reading the document took too long and was stopped' },
  RATE_LIMITED: { status: 429, message: 'Too many requests: %s' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large' },
  INTERNAL: { status: 500, message: 'Internal server error' },
  OVERLOADED: { status: 503, message: 'The server is busy: %s' },
  SHUTTING_DOWN: { status: 503, message: 'The server is shutting down' },
  QUEUE_UNAVAILABLE: { status: 503, message: 'The batch queue is unavailable: %s' },
  IDEMPOTENCY_CONFLICT: { status: 409, message: 'Idempotency-Key reused: %s' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_DEFINITIONS;
export const ERROR_CODES = Object.keys(ERROR_DEFINITIONS) as ErrorCode[];

/** What each code means to a client: rendered into openapi.yaml and the README table. */
export const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  INVALID_REQUEST: 'Malformed JSON or multipart, truncated body, unknown or invalid fields.',
  MISSING_RESUME: 'No `resume` file part and no `text` field, or an empty one.',
  UNKNOWN_ROLE: '`targetRole` names no role profile (see GET /v1/roles).',
  UNAUTHORIZED: 'API keys are configured and the request carries no valid one.',
  NOT_FOUND: 'No such route or resource.',
  NOT_ACCEPTABLE:
    'The `format` query parameter or the `Accept` header asks for a report format that does not exist; the message lists those that do.',
  REQUEST_TIMEOUT: 'Headers or body did not arrive within REQUEST_TIMEOUT_MS (a stalled or very slow client).',
  TOO_MANY_FILES: 'More than one file in `resume` (or more files than the route takes).',
  FILE_TOO_LARGE: 'The file exceeds MAX_FILE_BYTES (default 10 MB), or a JSON body exceeds MAX_JSON_BYTES (default 1 MB).',
  URI_TOO_LONG: 'The URL (path and query) is longer than the server accepts.',
  UNSUPPORTED_MEDIA_TYPE:
    'Not a PDF, DOCX, PNG/JPEG/TIFF scan or plain text: HTML, other images, executables, RTF, non-DOCX zips, ' +
    'legacy .doc; any image when OCR is off.',
  ENCRYPTED_DOCUMENT: 'Password-protected PDF or encrypted DOCX.',
  UNREADABLE_DOCUMENT:
    'Corrupt or malformed document, one that expands beyond the safety limits, or an image over 36 megapixels.',
  NO_TEXT:
    'Fewer characters than a resume can have, after OCR of image-only pages (with OCR off: any scanned document).',
  TOO_MANY_PAGES:
    'A PDF with more pages than the configured limit (default 20), or more image-only pages than OCR_MAX_PAGES (5).',
  EXTRACTION_TIMEOUT:
    'Text extraction exceeded its deadline (PARSE_TIMEOUT_MS, plus OCR_TIMEOUT_MS once OCR starts) and was killed.',
  RATE_LIMITED:
    'The per-key (or per-IP) request budget for the current minute is spent, or this address sent too ' +
    'many invalid API keys (AUTH_FAILURE_LIMIT). Retry after the `Retry-After` seconds.',
  HEADERS_TOO_LARGE: 'The request headers exceed the server limit (16 KB).',
  INTERNAL: 'An unexpected server fault. The message never carries internals.',
  OVERLOADED: 'The extraction queue is full. Retry after the `Retry-After` seconds.',
  SHUTTING_DOWN: 'The server is draining for shutdown.',
  QUEUE_UNAVAILABLE:
    'Redis cannot be reached, or the in-process batch queue is full. Retry after the `Retry-After` seconds.',
  IDEMPOTENCY_CONFLICT: 'The `Idempotency-Key` was used in the last 24 h with a different request body.',
};

/**
 * The one error type of the API. Pipeline steps, the extraction child and plugins throw it; the HTTP
 * layer (plugins/error-handler.ts) turns it into `{ statusCode, code, error, message }`. No framework
 * import here, so the lowest rooms can raise it.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    detail = '',
  ) {
    const template: string = ERROR_DEFINITIONS[code].message;
    super(detail ? template.replace('%s', detail) : template);
    this.statusCode = ERROR_DEFINITIONS[code].status;
  }
}

/** Creates the typed error for `code`; `detail` fills the message's %s. */
export function appError(code: ErrorCode, detail = ''): AppError {
  return new AppError(code, detail);
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
