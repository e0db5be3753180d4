import type { TraceSummary } from '@sightline/contract';
import { identifier, param, sql, type SqlFragment } from '../../storage/sql.ts';
import type { Store } from '../../storage/store.ts';
import { storeLimits, type ReadLimits } from '../read-limits.ts';
import { nanosText, nanosTime } from '../time-range.ts';
import { NO_PARENT } from './span-filters.ts';

/** Ranks a trace's spans for `argMin`: root spans first, then the earliest, then by span id. */
const ROOT_FIRST = sql`(parent_span_id != ${NO_PARENT}, timestamp, span_id)`;

interface SummaryRow {
  readonly trace_hex: string;
  readonly root_start_ns: string;
  readonly root_duration_ns: string;
  readonly root_service: string;
  readonly root_name: string;
  readonly span_count: string;
  readonly error_count: string;
  readonly services: readonly string[];
}

/** The ids as FixedString(16): a String set would miss ids ending in zero bytes (the engine trims them). */
function idsIn(traceHexes: readonly string[]): SqlFragment {
  return sql`trace_id IN (SELECT toFixedString(unhex(arrayJoin(${param('Array(String)', traceHexes)})), 16))`;
}

/**
 * Step two of a trace search: a summary of each given trace over all of its spans. The trace index
 * gives the traces' time span, so only the partitions they live in are read.
 */
export async function summarizeTraces(store: Store, limits: ReadLimits, traceHexes: readonly string[]): Promise<Map<string, TraceSummary>> {
  const summaries = new Map<string, TraceSummary>();
  if (traceHexes.length === 0) return summaries;
  const readLimits = storeLimits(limits);
  const [bounds] = await store.query<{ traces: string; from_ns: string; to_ns: string }>(
    sql`SELECT toString(count()) AS traces, ${nanosText(sql`min(start)`)} AS from_ns, ${nanosText(sql`max(${identifier('end')})`)} AS to_ns
        FROM trace_index WHERE ${idsIn(traceHexes)}`,
    readLimits,
  );
  if (bounds === undefined || bounds.traces === '0') return summaries;
  const rows = await store.query<SummaryRow>(
    sql`SELECT lower(hex(trace_id)) AS trace_hex,
          ${nanosText(sql`argMin(timestamp, ${ROOT_FIRST})`)} AS root_start_ns,
          toString(argMin(duration_ns, ${ROOT_FIRST})) AS root_duration_ns,
          argMin(service_name, ${ROOT_FIRST}) AS root_service,
          argMin(name, ${ROOT_FIRST}) AS root_name,
          toString(count()) AS span_count,
          toString(countIf(status_code = 2)) AS error_count,
          arraySort(groupUniqArray(service_name)) AS services
        FROM spans
        WHERE ${idsIn(traceHexes)}
          AND timestamp >= ${nanosTime(BigInt(bounds.from_ns))} AND timestamp <= ${nanosTime(BigInt(bounds.to_ns))}
        GROUP BY trace_id`,
    readLimits,
  );
  for (const row of rows) {
    summaries.set(row.trace_hex, {
      traceId: row.trace_hex,
      startTimeUnixNano: row.root_start_ns,
      durationNs: row.root_duration_ns,
      rootServiceName: row.root_service,
      rootName: row.root_name,
      spanCount: Number(row.span_count),
      errorCount: Number(row.error_count),
      serviceNames: [...row.services],
    });
  }
  return summaries;
}
