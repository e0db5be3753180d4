import { AppError, ErrorCodes } from '../errors.ts';

/**
 * An opaque keyset cursor: the sort key of the last item of a page, tagged with the ordering it
 * belongs to, as base64url JSON. Keyset (not offset) paging stays stable while rows are inserted.
 */
export function encodeCursor(ordering: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify({ o: ordering, k: key }), 'utf8').toString('base64url');
}

function invalid(): AppError {
  return new AppError(ErrorCodes.QUERY_INVALID, 'cursor: not a cursor from this search (it may belong to another sort order)');
}

/** The key of a cursor made by `encodeCursor` with the same ordering, each part matching its pattern. */
export function decodeCursor(cursor: string, ordering: string, patterns: readonly RegExp[]): string[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof decoded !== 'object' || decoded === null) throw invalid();
  const { o, k } = decoded as { o?: unknown; k?: unknown };
  if (o !== ordering || !Array.isArray(k) || k.length !== patterns.length) throw invalid();
  const key: string[] = [];
  patterns.forEach((pattern, index) => {
    const part: unknown = k[index];
    if (typeof part !== 'string' || !pattern.test(part)) throw invalid();
    key.push(part);
  });
  return key;
}

export const CURSOR_PARTS = {
  nanos: /^\d{1,20}$/,
  uint64: /^\d{1,20}$/,
  traceId: /^[0-9a-f]{32}$/,
  spanId: /^[0-9a-f]{16}$/,
} as const;
