import type { z } from 'zod';
import { AppError, ErrorCodes } from '../errors.ts';

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length === 0 ? 'request' : issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ');
}

/** The request part parsed by its contract schema, or QUERY_INVALID naming each bad field. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError(ErrorCodes.QUERY_INVALID, describe(result.error.issues));
  return result.data;
}

/** A response checked against its contract schema; a mismatch is a server bug (INTERNAL). */
export function checkResponse<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError(ErrorCodes.INTERNAL, `response does not match the contract: ${describe(result.error.issues)}`);
  return result.data;
}
