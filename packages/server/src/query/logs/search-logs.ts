import type { LogSearchResponse } from '@sightline/contract';
import { param, sql, trustedSql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { allOf } from '../attribute-filters.ts';
import { CURSOR_PARTS, decodeCursor, encodeCursor } from '../cursor.ts';
import { pageSize, storeLimits, type ReadLimits } from '../read-limits.ts';
import { inRange, nanosTime, type TimeRange } from '../time-range.ts';
import { logFilterConditions, type LogFilters } from './log-filters.ts';
import { decodeLog, LOG_ROW_HASH, selectLogColumns, type LogDbRow } from './log-row.ts';

export interface LogSearchParams extends TimeRange, LogFilters {
  /** `desc`: newest first. */
  readonly order: 'asc' | 'desc';
  readonly limit?: number;
  readonly cursor?: string;
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
  const conditions = [inRange(sql`timestamp`, params), ...logFilterConditions(params)];
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
