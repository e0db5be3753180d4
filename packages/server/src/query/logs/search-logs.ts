import type { AttributeFilter, LogSearchResponse } from '@sightline/contract';
import { param, sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { allOf, attributeConditions, containsPattern } from '../attribute-filters.ts';
import { CURSOR_PARTS, decodeCursor, encodeCursor } from '../cursor.ts';
import { pageSize, storeLimits, type ReadLimits } from '../read-limits.ts';
import { inRange, nanosTime, type TimeRange } from '../time-range.ts';
import { decodeLog, LOG_ROW_HASH, selectLogColumns, type LogDbRow } from './log-row.ts';

export interface LogSearchParams extends TimeRange {
  readonly service?: string;
  readonly severityMin?: number;
  readonly severityMax?: number;
  /** Case-insensitive (ASCII letters) substring of the body; `%` and `_` match literally. */
  readonly bodyContains?: string;
  readonly attributes?: readonly AttributeFilter[];
  readonly resourceAttributes?: readonly AttributeFilter[];
  readonly traceId?: string;
  readonly spanId?: string;
  /** `desc`: newest first. */
  readonly order: 'asc' | 'desc';
  readonly limit?: number;
  readonly cursor?: string;
}

/** `lower()` in the engine folds ASCII letters only; the needle is folded the same way. */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (char) => char.toLowerCase());
}

function filterConditions(params: LogSearchParams): SqlFragment[] {
  const conditions = [inRange(sql`timestamp`, params)];
  if (params.service !== undefined) conditions.push(sql`service_name = ${params.service}`);
  if (params.severityMin !== undefined) conditions.push(sql`severity_number >= ${param('UInt8', params.severityMin)}`);
  if (params.severityMax !== undefined) conditions.push(sql`severity_number <= ${param('UInt8', params.severityMax)}`);
  // Written as `lower(body) LIKE …` so the ngram skip index on lower(body) applies.
  if (params.bodyContains !== undefined) conditions.push(sql`lower(body) LIKE ${containsPattern(lowerAscii(params.bodyContains))}`);
  if (params.traceId !== undefined) conditions.push(sql`trace_id = unhex(${params.traceId.toLowerCase()})`);
  if (params.spanId !== undefined) conditions.push(sql`span_id = unhex(${params.spanId.toLowerCase()})`);
  conditions.push(...attributeConditions('attributes', params.attributes));
  conditions.push(...attributeConditions('resource', params.resourceAttributes));
  return conditions;
}

function keyAfterCursor(params: LogSearchParams, ordering: string): SqlFragment | undefined {
  if (params.cursor === undefined) return undefined;
  const [start = '', hash = ''] = decodeCursor(params.cursor, ordering, [CURSOR_PARTS.nanos, CURSOR_PARTS.uint64]);
  const time = nanosTime(BigInt(start));
  const bound = trustedSql(params.order === 'desc' ? '<=' : '>=');
  const comparison = trustedSql(params.order === 'desc' ? '<' : '>');
  return sql`timestamp ${bound} ${time} AND (timestamp, ${LOG_ROW_HASH}) ${comparison} (${time}, ${param('UInt64', BigInt(hash))})`;
}

/** Log records matching the filters in the time range, one page at a time (keyset cursor). */
export async function searchLogs(store: Store, limits: ReadLimits, params: LogSearchParams): Promise<LogSearchResponse> {
  const ordering = `logs:${params.order}`;
  const size = pageSize(params.limit, limits);
  const conditions = filterConditions(params);
  const after = keyAfterCursor(params, ordering);
  if (after !== undefined) conditions.push(after);
  const direction = trustedSql(params.order === 'desc' ? 'DESC' : 'ASC');
  const rows = await store.query<LogDbRow>(
    sql`SELECT ${selectLogColumns()}
        FROM logs
        WHERE ${allOf(conditions)}
        ORDER BY timestamp ${direction}, ${LOG_ROW_HASH} ${direction}
        LIMIT ${param('UInt32', size + 1)}`,
    storeLimits(limits),
  );
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  const nextCursor = rows.length > size && last !== undefined ? encodeCursor(ordering, [last.timestamp_ns, last.row_hash]) : null;
  return { logs: page.map(decodeLog), nextCursor };
}
