import { z } from 'zod';
import { fromQueryText } from './query-string.ts';
import { logIdSchema, logRecordSchema } from './logs.ts';
import { nanosSchema } from './time.ts';

/** Most records on each side of the anchor. */
export const MAX_CONTEXT_LINES = 500;

const linesSchema = z.number().int().min(0).max(MAX_CONTEXT_LINES).default(20);

/**
 * `GET /api/v1/logs/context` query: a record (its `id` and `timestampUnixNano`, as search returned
 * them) and how many records of the same service and host to show before and after it.
 */
export const logContextQuerySchema = fromQueryText(
  { numbers: ['before', 'after'] },
  z.object({
    id: logIdSchema,
    timestampUnixNano: nanosSchema,
    before: linesSchema,
    after: linesSchema,
  }),
);
export type LogContextQuery = z.input<typeof logContextQuerySchema>;

export const logContextResponseSchema = z.object({
  /** Oldest first; the records just before the anchor. */
  before: z.array(logRecordSchema),
  anchor: logRecordSchema,
  /** Oldest first; the records just after the anchor. */
  after: z.array(logRecordSchema),
});
export type LogContextResponse = z.infer<typeof logContextResponseSchema>;
