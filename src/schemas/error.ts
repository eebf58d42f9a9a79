import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors.js';

/** The one shape of every non-2xx answer. `code` is a stable constant from src/errors.ts. */
export const ErrorResponseSchema = z
  .object({
    statusCode: z.number().int(),
    code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]).describe('Stable machine-readable code; the table is in the API description.'),
    error: z.string(),
    message: z.string(),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
