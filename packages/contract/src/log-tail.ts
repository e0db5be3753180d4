import { z } from 'zod';
import { fromQueryText } from './query-string.ts';
import { logFilterFields, logRecordSchema, requireOrderedSeverity } from './logs.ts';

/**
 * `GET /api/v1/logs/tail` query (Server-Sent Events): the log search filters as text, without a time
 * range; `attributes` and `resourceAttributes` are JSON-encoded filter lists.
 */
export const logTailQuerySchema = fromQueryText(
  { numbers: ['severityMin', 'severityMax'], json: ['attributes', 'resourceAttributes'] },
  z.object(logFilterFields).superRefine(requireOrderedSeverity),
);
export type LogTailQuery = z.input<typeof logTailQuerySchema>;
export type LogTailParams = z.output<typeof logTailQuerySchema>;

/** Most records one tail message carries. */
export const MAX_TAIL_MESSAGE_LOGS = 500;

/** The `data` of one `event: logs` message: records ingested since the previous message, oldest first. */
export const logTailMessageSchema = z.object({
  logs: z.array(logRecordSchema).max(MAX_TAIL_MESSAGE_LOGS),
  /** Present (true) when more records matched than one message carries; only the newest were sent. */
  truncated: z.literal(true).optional(),
});
export type LogTailMessage = z.infer<typeof logTailMessageSchema>;
