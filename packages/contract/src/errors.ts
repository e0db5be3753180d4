import { z } from 'zod';

/** Every API error: a stable code (see the server's error registry) and a readable message. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
