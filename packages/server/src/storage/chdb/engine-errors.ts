import { AppError, ErrorCodes, type ErrorCode } from '../../errors.ts';

/** ClickHouse error codes that mean a guardrail stopped a query (not a server fault). */
const GUARDRAIL_CODES: ReadonlyMap<number, ErrorCode> = new Map([
  [241, ErrorCodes.QUERY_MEMORY_LIMIT], // MEMORY_LIMIT_EXCEEDED
  [159, ErrorCodes.QUERY_TIMEOUT], // TIMEOUT_EXCEEDED
  [158, ErrorCodes.QUERY_TOO_MUCH_DATA], // TOO_MANY_ROWS
  [307, ErrorCodes.QUERY_TOO_MUCH_DATA], // TOO_MANY_BYTES
  [396, ErrorCodes.QUERY_TOO_MUCH_DATA], // TOO_MANY_ROWS_OR_BYTES
]);

const GUARDRAIL_MESSAGES: Record<string, string> = {
  [ErrorCodes.QUERY_MEMORY_LIMIT]: 'The query needed more memory than the per-query limit allows: narrow the time range or add a filter.',
  [ErrorCodes.QUERY_TIMEOUT]: 'The query ran longer than the per-query time limit: narrow the time range or add a filter.',
  [ErrorCodes.QUERY_TOO_MUCH_DATA]: 'The query would read more data than the per-query limit allows: narrow the time range or add a filter.',
};

function engineCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { clickhouseCode?: unknown }).clickhouseCode;
  if (typeof code === 'number') return code;
  const message = (error as { message?: unknown }).message;
  const match = typeof message === 'string' ? /Code: (\d+)\./.exec(message) : null;
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function toStoreError(error: unknown): AppError {
  const code = engineCode(error);
  const guardrail = code === undefined ? undefined : GUARDRAIL_CODES.get(code);
  if (guardrail !== undefined) return new AppError(guardrail, GUARDRAIL_MESSAGES[guardrail] ?? 'Query limit reached.', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(ErrorCodes.STORE_FAILED, `store error: ${message.split('\n')[0] ?? message}`, { cause: error });
}
