import { z } from 'zod';

/** The one shape of every non-2xx answer. `code` is a stable constant from src/errors.ts. */
export const ErrorResponseSchema = z
  .object({
    statusCode: z.number().int(),
    code: z.string(),
    error: z.string(),
    message: z.string(),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
