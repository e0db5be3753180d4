import type { LogContextResponse, LogRecord } from '@sightline/contract';
import { AppError, ErrorCodes } from '../../errors.ts';
import { param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { allOf } from '../attribute-filters.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { nanosTime } from '../time-range.ts';
import { decodeLog, LOG_ROW_HASH, selectLogColumns, type LogDbRow } from './log-row.ts';

export interface LogContextParams {
  /** The anchor record's id and timestamp, as search returned them. */
  readonly id: string;
  readonly timestampNs: bigint;
  readonly before: number;
  readonly after: number;
}

/** How far from the anchor the context looks, each way. */
export const CONTEXT_WINDOW_NS = 3_600_000_000_000n;

const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MAX = (1n << 63n) - 1n;

interface AnchorRow extends LogDbRow {
  readonly host_name: string;
  readonly has_host: boolean | number;
}

function notFound(id: string): AppError {
  return new AppError(ErrorCodes.NOT_FOUND, `log record ${id} not found`);
}

/** Records of the anchor's service (and host, when it names one). */
function sameSource(anchor: AnchorRow): SqlFragment[] {
  const conditions = [sql`service_name = ${anchor.service_name}`];
  if (anchor.has_host === true || anchor.has_host === 1) conditions.push(sql`mapContains(resource_string, 'host.name') AND resource_string['host.name'] = ${anchor.host_name}`);
  return conditions;
}

async function side(store: Store, limits: ReadLimits, anchor: AnchorRow, direction: 'before' | 'after', count: number): Promise<LogRecord[]> {
  if (count === 0) return [];
  const at = BigInt(anchor.timestamp_ns);
  const time = nanosTime(at);
  const key = sql`(${time}, ${param('UInt64', BigInt(anchor.row_hash))})`;
  const window =
    direction === 'before'
      ? sql`timestamp >= ${nanosTime(at > CONTEXT_WINDOW_NS ? at - CONTEXT_WINDOW_NS : 0n)} AND timestamp <= ${time} AND (timestamp, ${LOG_ROW_HASH}) < ${key}`
      : sql`timestamp >= ${time} AND timestamp <= ${nanosTime(at + CONTEXT_WINDOW_NS)} AND (timestamp, ${LOG_ROW_HASH}) > ${key}`;
  const order = direction === 'before' ? sql`timestamp DESC, ${LOG_ROW_HASH} DESC` : sql`timestamp ASC, ${LOG_ROW_HASH} ASC`;
  const rows = await store.query<LogDbRow>(
    sql`SELECT ${selectLogColumns()} FROM logs
        WHERE ${allOf([window, ...sameSource(anchor)])}
        ORDER BY ${order}
        LIMIT ${param('UInt32', count)}`,
    storeLimits(limits),
  );
  const records = rows.map(decodeLog);
  return direction === 'before' ? records.reverse() : records;
}

/**
 * A record and its neighbours in time from the same service and host (the `host.name` resource
 * attribute, when the anchor has one), in the search's order (timestamp, then id), within an hour.
 */
export async function logContext(store: Store, limits: ReadLimits, params: LogContextParams): Promise<LogContextResponse> {
  const hash = BigInt(params.id);
  if (hash > UINT64_MAX || params.timestampNs > INT64_MAX) throw notFound(params.id);
  const [anchor] = await store.query<AnchorRow>(
    sql`SELECT ${selectLogColumns()}, resource_string['host.name'] AS host_name, mapContains(resource_string, 'host.name') AS has_host
        FROM logs
        WHERE timestamp = ${nanosTime(params.timestampNs)} AND ${LOG_ROW_HASH} = ${param('UInt64', hash)}
        LIMIT 1`,
    storeLimits(limits),
  );
  if (anchor === undefined) throw notFound(params.id);
  const before = await side(store, limits, anchor, 'before', params.before);
  const after = await side(store, limits, anchor, 'after', params.after);
  return { before, anchor: decodeLog(anchor), after };
}
